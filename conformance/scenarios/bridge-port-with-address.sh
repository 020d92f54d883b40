# An IP address left on a bridge port (KERNEL.md 1.2). vethA is a port of br0 and keeps
# 192.0.2.10/24; br0 has no address and a MAC set by hand, so that the two can be told apart. c1's
# ARP request for 192.0.2.10 goes up as received on br0, and the host answers for its local address
# with br0's MAC. c1's echo request reaches the stack the same way, but the reply is routed out of
# vethA (the only route to 192.0.2.0/24), whose neighbour entry can never resolve: c1's ARP replies
# to vethA's MAC are taken by the bridge and handed to br0. The same happens to the host's own
# ping -I vethA: the frames are transmitted (a port's transmit path is untouched), c1 answers, and
# the entry stays INCOMPLETE.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
sysctl -w net.ipv4.conf.all.arp_ignore=0
sysctl -w net.ipv4.conf.default.arp_ignore=0
ip link add name br0 type bridge
ip link set dev br0 address 02:00:00:00:00:99
ip link set br0 up
ip netns add c1
ip netns exec c1 sysctl -w net.ipv4.conf.all.rp_filter=0
ip link add vethA type veth peer name eth0 netns c1
ip link set dev vethA address 02:00:00:00:00:10
ip -n c1 link set dev eth0 address 02:00:00:00:00:02
sysctl -w net.ipv4.neigh.br0.base_reachable_time_ms=3600000 net.ipv4.neigh.br0.delay_first_probe_time=3600
sysctl -w net.ipv4.neigh.vethA.base_reachable_time_ms=3600000 net.ipv4.neigh.vethA.delay_first_probe_time=3600
ip netns exec c1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip addr add 192.0.2.10/24 dev vethA
ip -n c1 addr add 192.0.2.2/24 dev eth0
ip -n c1 link set eth0 up
ip link set vethA up
ip link set vethA master br0
ip -br link
ip route
#> capture vethA
ip netns exec c1 ping -c 1 -W 1 192.0.2.10
ip -n c1 neigh
ip neigh
ip neigh flush dev vethA
#> capture vethA br0
ping -c 1 -W 1 -I vethA 192.0.2.2
ip neigh
