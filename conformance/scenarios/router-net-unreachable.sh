# A forwarding router with no route for the destination answers "Destination Net Unreachable"
# (ip_error(), ENETUNREACH); with forwarding off the same packet is dropped silently. Route types
# give other answers: unreachable -> "Destination Host Unreachable", prohibit -> "Packet filtered"
# (ICMP_PKT_FILTERED), blackhole -> silence. The prohibit test pings from a second address of a:
# ip_error() and icmp_send() draw on one token bucket per destination (inet_peer), so a third error
# to 192.0.2.2 within a second would be suppressed. On the router itself, sending to those routes
# fails in connect(), and ping prints errno's text; for EACCES (prohibit) iputils assumes a
# broadcast address and says so.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
sysctl -w net.ipv4.ip_forward=0
ip netns add a
ip netns exec a sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec a sysctl -w net.ipv4.ip_forward=0
ip netns add b
ip netns exec b sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec b sysctl -w net.ipv4.ip_forward=0
ip link add ra type veth peer name eth0 netns a
ip link add rb type veth peer name eth0 netns b
ip link set dev ra address 02:00:00:00:01:01
ip link set dev rb address 02:00:00:00:02:01
ip -n a link set dev eth0 address 02:00:00:00:01:02
ip -n b link set dev eth0 address 02:00:00:00:02:02
sysctl -w net.ipv4.neigh.ra.base_reachable_time_ms=3600000 net.ipv4.neigh.ra.delay_first_probe_time=3600
sysctl -w net.ipv4.neigh.rb.base_reachable_time_ms=3600000 net.ipv4.neigh.rb.delay_first_probe_time=3600
ip netns exec a sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec b sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip addr add 192.0.2.1/24 dev ra
ip addr add 198.51.100.1/24 dev rb
ip -n a addr add 192.0.2.2/24 dev eth0
ip -n b addr add 198.51.100.2/24 dev eth0
ip link set ra up
ip link set rb up
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n a route add default via 192.0.2.1
ip -n b route add default via 198.51.100.1
ip -n a addr add 192.0.2.3/24 dev eth0
#> capture ra
ip netns exec a ping -c 1 -W 1 203.0.113.5
sysctl -w net.ipv4.ip_forward=1
#> capture ra
ip netns exec a ping -c 1 -W 1 203.0.113.5
ip route add unreachable 203.0.113.0/26
ip route add prohibit 203.0.113.64/26
ip route add blackhole 203.0.113.128/26
ip route
#> capture ra
ip netns exec a ping -c 1 -W 1 203.0.113.5
#> capture ra
ip netns exec a ping -c 1 -W 1 -I 192.0.2.3 203.0.113.70
#> capture ra
ip netns exec a ping -c 1 -W 1 203.0.113.130
ping -c 1 -W 1 203.0.113.5
ping -c 1 -W 1 203.0.113.70
ping -c 1 -W 1 203.0.113.130
ping -c 1 -W 1 203.0.113.200
ip route get 203.0.113.5
ip route get 203.0.113.70
ip route get 203.0.113.130
