# Errors for packets a router cannot route are rate-limited per source: ip_error() and icmp_send()
# draw on the same bucket, so five back-to-back pings to a net without a route get two errors.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add ra
ip link add eth0 type veth peer name r0 netns ra
ip link set dev eth0 address 02:00:00:00:00:01
ip -n ra link set dev r0 address 02:00:00:00:00:02
ip addr add 192.0.2.1/24 dev eth0
ip link set eth0 up
ip -n ra addr add 192.0.2.254/24 dev r0
ip -n ra link set r0 up
ip netns exec ra sysctl -w net.ipv4.ip_forward=1
ip route add default via 192.0.2.254
sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec ra sysctl -w net.ipv4.neigh.r0.base_reachable_time_ms=3600000 net.ipv4.neigh.r0.delay_first_probe_time=3600
ping -c 5 -i 0.2 -W 1 203.0.113.9
