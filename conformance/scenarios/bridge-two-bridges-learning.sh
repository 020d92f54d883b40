# Two bridges joined by a veth pair, one host namespace behind each. Neither bridge has an address,
# and with multicast snooping off neither sends a frame of its own (no IPv6 in these namespaces):
# after pings each bridge's FDB (br_handle_frame_finish() -> br_fdb_update()) lists only the two
# hosts. A bridge with snooping on is not silent, address or not: br_multicast_join_snoopers() joins
# 224.0.0.106 and IGMPv3 announces it from 0.0.0.0 (igmp_ifc_event(), two reports, the first within
# two jiffies, the second within a second), so the other bridge learns its MAC. When those reports
# leave depends on timers, so this scenario turns snooping on only once every port forwards.
ip netns add b
ip netns add h1
ip netns add h2
ip netns exec h1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip link add br0 type bridge mcast_snooping 0
ip -n b link add br0 type bridge mcast_snooping 0
ip link add l0 type veth peer name l1 netns b
ip link add v1 type veth peer name eth0 netns h1
ip -n b link add v2 type veth peer name eth0 netns h2
ip link set dev l0 address 6e:5f:3a:20:00:01
ip -n b link set dev l1 address 6e:5f:3a:20:00:02
ip link set dev v1 address 6e:5f:3a:20:00:03
ip -n b link set dev v2 address 6e:5f:3a:20:00:04
ip -n h1 link set dev eth0 address 02:00:00:00:01:01
ip -n h2 link set dev eth0 address 02:00:00:00:01:02
ip netns exec h2 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip link set l0 master br0
ip link set v1 master br0
ip -n b link set l1 master br0
ip -n b link set v2 master br0
ip -n h1 addr add 10.9.0.1/24 dev eth0
ip -n h2 addr add 10.9.0.2/24 dev eth0
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
ip link set l0 up
ip link set v1 up
ip -n b link set l1 up
ip -n b link set v2 up
ip link set br0 up
ip -n b link set br0 up
#> capture l0
ip netns exec h1 ping -c 2 -W 1 10.9.0.2
bridge fdb show br br0 dynamic
ip -n b link show br0
bridge -n b fdb show br br0 dynamic
ip link set br0 type bridge mcast_snooping 1
#> capture l0
ip netns exec h1 ping -c 2 -W 1 10.9.0.2
bridge fdb show br br0 dynamic
bridge -n b fdb show br br0 dynamic
