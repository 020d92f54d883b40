# Docker's way out (KERNEL.md section 5): container c1 sits behind br0 on the host, whose eth0 faces the
# router r. Forwarding off loses the ping silently; forwarding on delivers it to r with the private source
# 192.0.2.2, which r cannot answer; MASQUERADE rewrites the source to 198.51.100.2 and the reply comes back
# through the connection tracking entry (ttl=63). Bringing eth0 down forgets the masqueraded connection.
# Listings without -n come before the default route: iptables then asks DNS for names, which would leave
# a UDP conntrack entry on a machine whose resolver is reachable.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add c1
ip netns add r
ip netns exec c1 sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=0
ip link add name br0 type bridge
ip link set br0 up
ip addr add 192.0.2.1/24 dev br0
ip link add vethc1 type veth peer name eth0 netns c1
ip link set dev vethc1 address 02:00:00:00:00:11
ip -n c1 link set dev eth0 address 02:00:00:00:00:12
ip link set vethc1 master br0
ip link set vethc1 up
ip link add eth0 type veth peer name eth0 netns r
ip link set dev eth0 address 02:00:00:00:00:21
ip -n r link set dev eth0 address 02:00:00:00:00:22
sysctl -w net.ipv4.neigh.br0.base_reachable_time_ms=3600000 net.ipv4.neigh.br0.delay_first_probe_time=3600
sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec c1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec r sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip -n c1 addr add 192.0.2.2/24 dev eth0
ip -n c1 link set eth0 up
ip -n c1 route add default via 192.0.2.1
ip addr add 198.51.100.2/24 dev eth0
ip link set eth0 up
# br0's two IGMP reports (the second up to 1 s after it came up) go out before conntrack starts, so
# that none of them is tracked (nf-conntrack-generic.sh shows what happens otherwise)
sleep 1
iptables -t nat -A POSTROUTING -s 192.0.2.0/24 ! -o br0 -j MASQUERADE
iptables -t nat -L
iptables -t nat -D POSTROUTING -s 192.0.2.0/24 ! -o br0 -j MASQUERADE
iptables -t nat -S
ip route add default via 198.51.100.1
ip -n r addr add 198.51.100.1/24 dev eth0
ip -n r link set eth0 up
sysctl -w net.ipv4.ip_forward=0
#> capture r:eth0
ip netns exec c1 ping -c 1 -W 1 198.51.100.1
sysctl -w net.ipv4.ip_forward=1
#> capture r:eth0
ip netns exec c1 ping -c 1 -W 1 198.51.100.1
iptables -t nat -A POSTROUTING -s 192.0.2.0/24 ! -o br0 -j MASQUERADE
iptables -t nat -L -n
#> capture r:eth0 vethc1
ip netns exec c1 ping -c 1 -W 1 198.51.100.1
conntrack -L
iptables -t nat -L -n -v
iptables -t nat -S
iptables -L -n -v
ip link set eth0 down
conntrack -L
