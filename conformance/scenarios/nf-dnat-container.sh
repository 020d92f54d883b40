# Publishing a container (docker run -p, for ping): DNAT in PREROUTING sends the router's echo request for
# the host's public address to c1; the reply is translated back on its way out, so r hears from
# 198.51.100.2. DNAT in OUTPUT does the same for the host's own packets: the destination changes before
# routing is done again, and the reply is translated back at INPUT.
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
ip route add default via 198.51.100.1
ip -n r addr add 198.51.100.1/24 dev eth0
ip -n r link set eth0 up
sysctl -w net.ipv4.ip_forward=1
# br0's two IGMP reports (the second up to 1 s after it came up) go out before conntrack starts, so
# that none of them is tracked (nf-conntrack-generic.sh shows what happens otherwise)
sleep 1
iptables -t nat -A PREROUTING -d 198.51.100.2 -p icmp -j DNAT --to-destination 192.0.2.2
iptables -t nat -A OUTPUT -d 198.51.100.99 -j DNAT --to-destination 192.0.2.2
iptables -t nat -S
iptables -t nat -L -n
#> capture r:eth0 vethc1
ip netns exec r ping -c 1 -W 1 198.51.100.2
conntrack -L -s 198.51.100.1
#> capture vethc1
ping -c 1 -W 1 198.51.100.99
conntrack -L -d 198.51.100.99
conntrack -L -p icmp -g -s 198.51.100.2
iptables -t nat -L -n -v
conntrack -F
conntrack -L
iptables -t nat -D PREROUTING 1
#> capture r:eth0 vethc1
ip netns exec r ping -c 1 -W 1 198.51.100.2
