# Broadcast pings answered (icmp_echo_ignore_broadcasts=0): the sender gets its own copy of the
# broadcast (ip_mc_output's loopback), so the first reply is from itself, over lo; the others count as
# duplicates but are not flagged (DUP!) for a broadcast ping. 255.255.255.255 needs a route.
ip link add br0 type bridge
ip link set br0 up
ip addr add 10.0.0.1/24 dev br0
ip netns add c1
ip netns add c2
ip link add p1 type veth peer name eth0 netns c1
ip link add p2 type veth peer name eth0 netns c2
ip link set dev p1 address 02:00:00:00:00:01
ip link set dev p2 address 02:00:00:00:00:02
ip -n c1 link set dev eth0 address 02:00:00:00:01:01
ip -n c2 link set dev eth0 address 02:00:00:00:02:01
ip link set p1 master br0
ip link set p2 master br0
ip link set p1 up
ip link set p2 up
ip -n c1 addr add 10.0.0.11/24 dev eth0
ip -n c2 addr add 10.0.0.12/24 dev eth0
ip -n c1 link set eth0 up
ip -n c2 link set eth0 up
sysctl -w net.ipv4.neigh.br0.base_reachable_time_ms=3600000 net.ipv4.neigh.br0.delay_first_probe_time=3600
ip netns exec c1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec c2 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec c1 sysctl -w net.ipv4.icmp_echo_ignore_broadcasts=0
ip netns exec c2 sysctl -w net.ipv4.icmp_echo_ignore_broadcasts=0
sysctl -w net.ipv4.icmp_echo_ignore_broadcasts=0
ping -c 1 -W 1 -b 10.0.0.255
ip neigh
ping -c 2 -i 0.5 -b 255.255.255.255
ping -c 2 -i 0.5 -b 10.0.0.255
