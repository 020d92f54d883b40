# br_netfilter's bridged DNAT: c1's ping to c2, masqueraded to br0's address, is answered to br0; the
# reply's destination is put back to c1 in the bridge's PREROUTING and, the route to c1 being br0
# itself, the frame stays bridged (TTL kept, c2's MAC as source) once ARP has found c1 - with
# ip_forward=1; with 0 the reply goes up to a route that drops it.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add c1
ip netns add c2
ip link add br0 type bridge
ip link set br0 up
ip addr add 10.20.0.1/24 dev br0
ip link add v1 type veth peer name eth0 netns c1
ip link add v2 type veth peer name eth0 netns c2
ip link set v1 address 02:00:00:00:01:01
ip link set v2 address 02:00:00:00:02:01
ip -n c1 link set eth0 address 02:00:00:00:01:02
ip -n c2 link set eth0 address 02:00:00:00:02:02
ip link set v1 master br0
ip link set v2 master br0
ip link set v1 up
ip link set v2 up
ip -n c1 addr add 10.20.0.2/24 dev eth0
ip -n c2 addr add 10.20.0.3/24 dev eth0
ip -n c1 link set eth0 up
ip -n c2 link set eth0 up
ip netns exec c1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec c2 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
# br0's IGMP reports go out in its first second; conntrack would track the second one
sysctl -w net.ipv4.ip_forward=1
sleep 1
iptables -t nat -A POSTROUTING -s 10.20.0.0/24 -j MASQUERADE
#> capture v1 v2
ip netns exec c1 ping -c 1 -W 1 10.20.0.3
#> capture v1 v2
ip netns exec c1 ping -c 1 -W 1 10.20.0.3
ip neigh
conntrack -F
sysctl -w net.ipv4.ip_forward=0
#> capture v1
ip netns exec c1 ping -c 1 -W 1 10.20.0.3
