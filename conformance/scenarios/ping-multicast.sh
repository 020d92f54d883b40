# Pinging the all-hosts group 224.0.0.1: ignored while icmp_echo_ignore_broadcasts is 1; once it is 0,
# the sender's own copy (ip_mc_output loops a joined group back) answers first, over lo, and the replies
# of others are neither duplicates to flag nor "DIFFERENT ADDRESS". Without -I a multicast route is
# needed.
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
ping -c 1 -W 1 224.0.0.1
ping -c 1 -W 1 -I br0 224.0.0.1
ip netns exec c1 sysctl -w net.ipv4.icmp_echo_ignore_broadcasts=0
ip netns exec c2 sysctl -w net.ipv4.icmp_echo_ignore_broadcasts=0
sysctl -w net.ipv4.icmp_echo_ignore_broadcasts=0
#> capture p1
ping -c 1 -W 1 -I br0 224.0.0.1
ping -c 1 -W 1 -I br0 224.0.0.251
ip route add 224.0.0.0/4 dev br0
ping -c 1 -W 1 224.0.0.1
