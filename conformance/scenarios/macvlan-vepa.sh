# macvlan in vepa mode: every frame, even one for a sibling, goes out to the wire
# (macvlan_queue_xmit sends it to the lower device). With a plain LAN peer nothing comes back; when the
# LAN side is a bridge whose port has hairpin on, the frame returns and eth0 hands it to the sibling
# (macvlan_handle_frame looks the destination up; a broadcast from a vepa sibling is delivered to the others).
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add lan
ip netns add c1
ip netns add c2
ip link add eth0 type veth peer name lan0
ip link set lan0 netns lan
ip link set eth0 address 02:00:00:00:00:e0
ip -n lan link set lan0 address 02:00:00:00:00:1a
ip link add mv1 link eth0 type macvlan mode vepa
ip link add mv2 link eth0 type macvlan mode vepa
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
ip -n lan link add br0 type bridge
ip -n lan link set br0 address 02:00:00:00:00:b0
ip -n lan link set lan0 master br0
ip -n lan link set br0 up
ip -n lan link set lan0 up
ip -n lan addr add 10.0.0.1/24 dev br0
ip netns exec lan sysctl -w net.ipv4.conf.all.rp_filter=0
#> capture eth0 lan:lan0
ip netns exec c1 ping -c 1 -W 1 10.0.0.12
ip -n lan link set lan0 type bridge_slave hairpin on
ip netns exec c1 ip neigh flush dev mv1
ip netns exec c2 ip neigh flush dev mv2
#> capture eth0 lan:lan0
ip netns exec c1 ping -c 1 -W 1 10.0.0.12
#> capture eth0
ip netns exec c1 ping -c 1 -W 1 10.0.0.1
ip netns exec c1 ping -c 1 -W 1 10.0.0.2
