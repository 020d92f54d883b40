# macvlan in passthru mode: one macvlan takes the whole parent. It inherits the parent's address
# (eth_hw_addr_inherit in macvlan_common_newlink), raises its promiscuity when it goes up
# (macvlan_open), and a second macvlan on that parent is refused, as is passthru beside others.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add lan
ip netns add c1
ip netns add c2
ip link add eth0 type veth peer name lan0
ip link set lan0 netns lan
ip link set eth0 address 02:00:00:00:00:e0
ip -n lan link set lan0 address 02:00:00:00:00:1a
ip link add mv1 link eth0 type macvlan mode passthru
ip link add mv2 link eth0 type macvlan mode passthru
ip link add mv2 link eth0 type macvlan mode bridge
ip link
ip -d link show eth0
ip -n lan link set lan0 up
ip -n lan addr add 10.0.0.1/24 dev lan0
ip link set eth0 up
ip link set mv1 up
ip -d link show eth0
ip -d link show mv1
ip link set mv1 netns c1
ip -n c1 link set mv1 up
ip -n c1 addr add 10.0.0.11/24 dev mv1
ip -d -n c1 link show mv1
ip -d link show eth0
#> capture eth0
ip netns exec c1 ping -c 1 -W 1 10.0.0.1
ip link add mv3 link eth1 type macvlan mode bridge
ip link add mv3 link eth0 type macvlan mode bridge
