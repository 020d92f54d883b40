# Two bridges joined by two veth pairs form a loop. With kernel STP (stp_state 1) every port goes
# listening -> learning -> forwarding over 2 x forward_delay, except the one that would close the loop:
# br0 has the lower bridge id and becomes root, br1's root port is b1 (the lower designated port), b2
# blocks. Hosts on either side then reach each other, and no frame goes round the loop.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip link add br0 type bridge
ip link add br1 type bridge
ip link set br0 address 02:00:00:00:00:01
ip link set br1 address 02:00:00:00:00:02
ip link set br0 type bridge stp_state 1 forward_delay 400
ip link set br1 type bridge stp_state 1 forward_delay 400
ip link set br0 up
ip link set br1 up
ip link add a1 type veth peer name b1
ip link add a2 type veth peer name b2
ip link set a1 master br0
ip link set a2 master br0
ip link set b1 master br1
ip link set b2 master br1
ip netns add h1
ip netns add h2
ip link add p1 type veth peer name eth0 netns h1
ip link add p2 type veth peer name eth0 netns h2
ip link set p1 master br0
ip link set p2 master br1
ip -n h1 addr add 10.0.0.1/24 dev eth0
ip -n h2 addr add 10.0.0.2/24 dev eth0
ip netns exec h1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec h2 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
ip link set p1 up
ip link set p2 up
ip link set a1 up
ip link set b1 up
ip link set a2 up
ip link set b2 up
sleep 10
bridge link
ip -br link show dev br1
ping -c 1 -W 2 10.0.0.2
ip netns exec h1 ping -c 1 -W 2 10.0.0.2
