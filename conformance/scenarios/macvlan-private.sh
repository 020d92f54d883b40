# macvlan in private mode: siblings on one parent never reach each other, not even their broadcasts
# (macvlan_broadcast skips MACVLAN_MODE_PRIVATE; macvlan_handle_frame drops a frame whose source is a
# private sibling); the LAN is reached as in bridge mode, the host through eth0 is not.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add lan
ip netns add c1
ip netns add c2
ip link add eth0 type veth peer name lan0
ip link set lan0 netns lan
ip link set eth0 address 02:00:00:00:00:e0
ip -n lan link set lan0 address 02:00:00:00:00:1a
ip link add mv1 link eth0 type macvlan mode private
ip link add mv2 link eth0 type macvlan mode private
ip link set mv1 address 02:00:00:00:00:01
ip link set mv2 address 02:00:00:00:00:02
ip link set mv1 netns c1
ip link set mv2 netns c2
ip link set eth0 up
ip addr add 10.0.0.2/24 dev eth0
ip -n c1 link set mv1 up
ip -n c1 addr add 10.0.0.11/24 dev mv1
ip -n c2 link set mv2 up
ip -n c2 addr add 10.0.0.12/24 dev mv2
ip -d -n c1 link show mv1
ip netns exec c1 sysctl -w net.ipv4.neigh.mv1.base_reachable_time_ms=3600000 net.ipv4.neigh.mv1.delay_first_probe_time=3600
ip netns exec c2 sysctl -w net.ipv4.neigh.mv2.base_reachable_time_ms=3600000 net.ipv4.neigh.mv2.delay_first_probe_time=3600
ip -n lan link set lan0 up
ip -n lan addr add 10.0.0.1/24 dev lan0
#> capture eth0
ip netns exec c1 ping -c 1 -W 1 10.0.0.1
#> capture eth0
ip netns exec lan ping -c 1 -W 1 10.0.0.12
#> capture eth0 lan:lan0
ip netns exec c1 ping -c 1 -W 1 10.0.0.12
ip netns exec c1 ip neigh
ip netns exec c2 ip neigh
