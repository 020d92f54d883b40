# macvlan in bridge mode (macvlan_queue_xmit): two containers on eth0, a veth end whose peer lan0 is the
# LAN. Siblings reach each other through eth0 (dev_forward_skb to the lower device "for its network
# taps", so tcpdump on eth0 sees them, the wire does not), the LAN is reached on the wire, and the
# host through its own eth0 is not: a frame a macvlan sends goes out of eth0, never up into it.
# The parent going down takes the macvlans' carrier (netif_stacked_transfer_operstate).
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add lan
ip netns add c1
ip netns add c2
ip link add eth0 type veth peer name lan0
ip link set lan0 netns lan
ip link set eth0 address 02:00:00:00:00:e0
ip -n lan link set lan0 address 02:00:00:00:00:1a
ip link add mv1 link eth0 type macvlan mode bridge
ip link add mv2 link eth0 type macvlan mode bridge
ip link set mv1 address 02:00:00:00:00:01
ip link set mv2 address 02:00:00:00:00:02
ip -d link show mv1
ip link
ip link set mv1 netns c1
ip link set mv2 netns c2
ip link
ip -n c1 link
ip -d -n c2 link show mv2
ip link set eth0 up
ip addr add 10.0.0.2/24 dev eth0
ip -n lan link set lan0 up
ip -n lan addr add 10.0.0.1/24 dev lan0
ip -n c1 link set mv1 up
ip -n c1 addr add 10.0.0.11/24 dev mv1
ip -n c2 link set mv2 up
ip -n c2 addr add 10.0.0.12/24 dev mv2
ip -n c1 link
ip -n c1 route
ip -d link show eth0
#> capture eth0 lan:lan0
ip netns exec c1 ping -c 1 -W 1 10.0.0.12
#> capture eth0 lan:lan0
ip netns exec c1 ping -c 1 -W 1 10.0.0.1
#> capture eth0
ip netns exec lan ping -c 1 -W 1 10.0.0.12
#> capture eth0
ip netns exec c1 ping -c 1 -W 1 10.0.0.2
ip netns exec c1 ip neigh
ip neigh
ip link set eth0 down
ip -n c1 link
ip link set eth0 up
ip -n c1 link
