# a veth end with a smaller MTU than its peer drops what is longer: the peer counts it as an rx drop,
# the sender as a tx drop, and ping's sendmsg() gets ENOBUFS, tries again and then says so
ip netns add b
ip link add vb type veth peer name eth0 netns b
ip link set vb address 02:00:00:00:00:04
ip -n b link set eth0 address 02:00:00:00:00:b1
sysctl -w net.ipv4.neigh.vb.base_reachable_time_ms=3600000 net.ipv4.neigh.vb.delay_first_probe_time=3600
ip netns exec b sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip addr add 10.2.0.1/24 dev vb
ip -n b addr add 10.2.0.2/24 dev eth0
ip link set vb up
ip -n b link set eth0 up
ip netns exec b ping -c 1 -W 1 10.2.0.1
ip link set vb mtu 1300
#> capture b:eth0
ip netns exec b ping -c 1 -W 1 -s 1400 10.2.0.1
ip netns exec b ping -c 1 -W 1 -s 1282 10.2.0.1
ip netns exec b ping -c 1 -W 1 -s 1286 10.2.0.1
ip netns exec b ping -c 2 -W 3 -s 1400 10.2.0.1
ip netns exec b ping -c 1 -W 1 -q -s 1400 10.2.0.1
ip -s link show vb
ip -n b -s link show eth0
#> capture b:eth0
ip netns exec b ping -c 1 -W 1 -s 1400 -M dont 10.2.0.1
ip -n b neigh flush dev eth0
#> capture b:eth0
ip netns exec b ping -c 1 -W 1 -s 1400 10.2.0.1
ip -s link show vb
