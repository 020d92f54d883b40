# ip link add ... type macvlan: its argument errors (iplink_macvlan.c), the kernel's refusals
# (macvlan_common_newlink, macvlan_validate), macvlan on a macvlan (it hangs off the real parent),
# and ip link del of the parent taking its macvlans with it, in every namespace.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add lan
ip netns add c1
ip netns add c2
ip link add eth0 type veth peer name lan0
ip link set lan0 netns lan
ip link set eth0 address 02:00:00:00:00:e0
ip -n lan link set lan0 address 02:00:00:00:00:1a
ip link add mv1 type macvlan
ip link add mv1 link eth9 type macvlan
ip link add mv1 link eth0 type macvlan mode bridges
ip link add mv1 link eth0 type macvlan mode
ip link add mv1 link lo type macvlan
ip link add mv1 link eth0 type macvlan foo
ip link add mv1 link eth0 type macvlan
ip -d link show mv1
ip link add br0 type bridge
ip link set eth0 master br0
ip link add mv9 link br0 type macvlan
ip link set mv9 master br0
ip -br link show master br0
ip link del mv9
ip link del br0
ip link add mv2 link mv1 type macvlan mode private
ip link add mv3 link eth0 type macvlan mode passthru
ip link add mv3 link eth0 type macvlan mode vepa
ip link add mv3 link eth0 type macvlan mode vepa
ip link set mv1 address 02:00:00:00:00:01
ip link set mv2 address 02:00:00:00:00:01
ip link set mv2 address 02:00:00:00:00:02
ip link set mv3 address 02:00:00:00:00:03
ip link set mv1 type macvlan mode vepa
ip -d link show mv1
ip link
ip link set mv2 netns c2
ip link set mv3 netns c1
ip -n c1 link
ip link del eth0
ip link
ip -n c1 link
ip -n c2 link
ip -n lan link
