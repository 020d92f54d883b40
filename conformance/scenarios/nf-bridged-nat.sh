# br_netfilter's NAT on bridged frames: a MASQUERADE rule without ! -o br0 rewrites a ping between two
# ports of br0 to br0's address; a DNAT in PREROUTING redirects a frame the bridge is forwarding.
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
sleep 1
iptables -t nat -A POSTROUTING -s 10.20.0.0/24 -j MASQUERADE
#> capture v2
ip netns exec c1 ping -c 1 -W 1 10.20.0.3
conntrack -L
iptables -t nat -L POSTROUTING -n -v
iptables -t nat -F
conntrack -F
iptables -t nat -A PREROUTING -d 10.20.0.99 -j DNAT --to-destination 10.20.0.3
ip -n c1 neigh add 10.20.0.99 lladdr 02:00:00:00:02:02 dev eth0
#> capture v1 v2
ip netns exec c1 ping -c 1 -W 1 10.20.0.99
conntrack -L
iptables -t nat -L PREROUTING -n -v
