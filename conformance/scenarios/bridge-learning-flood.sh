# Bridge ports with learning off (the FDB never learns what arrives there, so replies to it flood)
# and flood off (unknown unicast no longer goes out of it), and a short ageing_time emptying the FDB.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip link add br0 type bridge ageing_time 300
ip link set br0 up
ip netns add c1
ip netns add c2
ip netns add c3
ip link add p1 type veth peer name eth0 netns c1
ip link add p2 type veth peer name eth0 netns c2
ip link add p3 type veth peer name eth0 netns c3
ip link set p1 address 02:00:00:00:00:01
ip link set p2 address 02:00:00:00:00:02
ip link set p3 address 02:00:00:00:00:03
ip -n c1 link set eth0 address 02:00:00:00:01:01
ip -n c2 link set eth0 address 02:00:00:00:01:02
ip -n c3 link set eth0 address 02:00:00:00:01:03
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
bridge link set dev p3 learning off
#> capture p3 c3:eth0
ip netns exec c1 ping -c 1 -W 1 10.0.0.2
bridge fdb show br br0 dynamic
#> capture p3
ip netns exec c3 ping -c 1 -W 1 10.0.0.1
bridge fdb show br br0 dynamic
bridge link set dev p3 flood off
#> capture p3
ip netns exec c1 ping -c 1 -W 1 10.0.0.3
bridge link
sleep 5
bridge fdb show br br0 dynamic
