# Isolated ports do not reach each other (but do reach the others); a locked port lets in only the
# sources the FDB places behind it, so a static entry opens it; hairpin shows in bridge -d link.
ip link add br0 type bridge
ip link set br0 up
ip netns add c1
ip netns add c2
ip netns add c3
ip link add p1 type veth peer name eth0 netns c1
ip link add p2 type veth peer name eth0 netns c2
ip link add p3 type veth peer name eth0 netns c3
ip link set dev p1 address 02:00:00:00:00:01
ip link set dev p2 address 02:00:00:00:00:02
ip link set dev p3 address 02:00:00:00:00:03
ip -n c1 link set dev eth0 address 02:00:00:00:01:01
ip -n c2 link set dev eth0 address 02:00:00:00:02:01
ip -n c3 link set dev eth0 address 02:00:00:00:03:01
ip link set p1 master br0
ip link set p2 master br0
ip link set p3 master br0
ip link set p1 up
ip link set p2 up
ip link set p3 up
ip -n c1 addr add 10.0.0.1/24 dev eth0
ip -n c2 addr add 10.0.0.2/24 dev eth0
ip -n c3 addr add 10.0.0.3/24 dev eth0
ip -n c1 link set eth0 up
ip -n c2 link set eth0 up
ip -n c3 link set eth0 up
ip netns exec c1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec c2 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec c3 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
bridge link set dev p1 isolated on
bridge link set dev p2 isolated on
ip netns exec c1 ping -c 1 -W 1 10.0.0.2
ip netns exec c1 ping -c 1 -W 1 10.0.0.3
ip netns exec c2 ping -c 1 -W 1 10.0.0.3
bridge link set dev p1 isolated off
bridge link set dev p2 isolated off
bridge link set dev p3 locked on
#> capture p3
ip netns exec c3 ping -c 1 -W 1 10.0.0.1
bridge fdb add 02:00:00:00:03:01 dev p3 master static
ip netns exec c3 ping -c 1 -W 1 10.0.0.1
bridge link set dev p1 hairpin on
bridge -d link show dev p1
