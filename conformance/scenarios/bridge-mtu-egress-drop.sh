# A frame longer than the egress port's MTU (plus its Ethernet header and a VLAN tag) is dropped in
# the bridge's transmit path (br_dev_queue_push_xmit() -> is_skb_forwardable()), before any tap sees
# it and without being counted as the port's tx drop. br0 has no address; h1 and h2 have MTU 1500,
# but h2's port p2 has MTU 1000, so h1's 1228-byte echo requests never reach p2's capture.
ip netns add h1
ip netns add h2
ip link add br0 type bridge
ip link add p1 type veth peer name eth0 netns h1
ip link add p2 type veth peer name eth0 netns h2
ip link set dev p1 address 6e:5f:3a:31:00:01
ip link set dev p2 address 6e:5f:3a:31:00:02
ip -n h1 link set dev eth0 address 02:00:00:00:04:01
ip -n h2 link set dev eth0 address 02:00:00:00:04:02
ip netns exec h1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec h2 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip link set br0 type bridge mcast_snooping 0
ip link set p1 master br0
ip link set p2 master br0
ip link set p2 mtu 1000
ip link show br0
ip -n h1 addr add 10.4.0.1/24 dev eth0
ip -n h2 addr add 10.4.0.2/24 dev eth0
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
ip link set p1 up
ip link set p2 up
ip link set br0 up
#> capture p2 h2:eth0
ip netns exec h1 ping -c 2 -W 1 -s 1200 10.4.0.2
#> capture p2
ip netns exec h1 ping -c 1 -W 1 -s 970 10.4.0.2
#> capture p2
ip netns exec h1 ping -c 1 -W 1 -s 990 10.4.0.2
ip -s link show p2
ip -n h2 -s link show eth0
