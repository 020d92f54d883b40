# Fragments through NAT: without conntrack a router forwards fragments as they come; once MASQUERADE
# switches conntrack on, nf_defrag reassembles them before the connection is looked up, the whole
# packet is translated, and it leaves in fragments no larger than those it came in (frag_max_size),
# even on a link with a larger MTU; the reply is fragmented again on the way back to the container.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add c1
ip netns add r
ip netns exec c1 sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=0
ip link add vc type veth peer name eth0 netns c1
ip link add eth0 type veth peer name eth0 netns r
ip link set dev vc address 02:00:00:00:00:11
ip -n c1 link set dev eth0 address 02:00:00:00:00:12
ip link set dev eth0 address 02:00:00:00:00:21
ip -n r link set dev eth0 address 02:00:00:00:00:22
sysctl -w net.ipv4.neigh.vc.base_reachable_time_ms=3600000 net.ipv4.neigh.vc.delay_first_probe_time=3600
sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec c1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec r sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip addr add 192.0.2.1/24 dev vc
ip link set vc up
ip -n c1 addr add 192.0.2.2/24 dev eth0
ip -n c1 link set eth0 up
ip -n c1 route add default via 192.0.2.1
ip addr add 198.51.100.2/24 dev eth0
ip link set eth0 up
ip -n r addr add 198.51.100.1/24 dev eth0
ip -n r link set eth0 up
ip -n c1 link set dev eth0 mtu 1000
ip link set dev vc mtu 1000
sysctl -w net.ipv4.ip_forward=1
#> capture eth0
ip netns exec c1 ping -c 1 -s 1500 198.51.100.1
iptables -t nat -A POSTROUTING -s 192.0.2.0/24 -o eth0 -j MASQUERADE
#> capture eth0 vc
ip netns exec c1 ping -c 1 -s 1500 198.51.100.1
conntrack -L -p icmp -s 192.0.2.2
