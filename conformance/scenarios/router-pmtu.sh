# Path MTU through a router whose far link has MTU 1000: with DF (ping's default for a packet that fits
# its own link) the router answers "fragmentation needed" with the MTU; the sender keeps it as a
# next-hop exception for 600 s (ip route get shows it), after which the same ping is fragmented at the
# source, and -M do is refused locally. Without DF the router fragments. A route's own mtu metric
# shows in route get; a reply longer than the sender's link is fragmented at the router too. ip route
# flush cache empties the exception when it is next used (ip route show cache still lists it, bare).
ip netns add c1
ip netns add r
ip netns add c2
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip link add eth0 netns c1 type veth peer name ra netns r
ip link add eth0 netns c2 type veth peer name rb netns r
ip -n c1 link set eth0 address 02:00:00:00:01:01
ip -n r link set ra address 02:00:00:00:01:02
ip -n r link set rb address 02:00:00:00:02:02
ip -n c2 link set eth0 address 02:00:00:00:02:01
ip -n r link set rb mtu 1000
ip -n c2 link set eth0 mtu 1000
ip -n c1 addr add 10.0.1.2/24 dev eth0
ip -n r addr add 10.0.1.1/24 dev ra
ip -n r addr add 10.0.2.1/24 dev rb
ip -n c2 addr add 10.0.2.2/24 dev eth0
ip -n c1 link set eth0 up
ip -n r link set ra up
ip -n r link set rb up
ip -n c2 link set eth0 up
ip -n c1 route add default via 10.0.1.1
ip -n c2 route add default via 10.0.2.1
ip netns exec c1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec c2 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec r sysctl -w net.ipv4.neigh.ra.base_reachable_time_ms=3600000 net.ipv4.neigh.ra.delay_first_probe_time=3600
ip netns exec r sysctl -w net.ipv4.neigh.rb.base_reachable_time_ms=3600000 net.ipv4.neigh.rb.delay_first_probe_time=3600
ip netns exec c1 ping -c 1 -s 800 10.0.2.2
#> capture r:rb
ip netns exec c1 ping -c 1 -s 1200 -M dont 10.0.2.2
#> capture r:ra
ip netns exec c1 ping -c 1 -s 1200 10.0.2.2
ip -n c1 route get 10.0.2.2
#> capture r:ra
ip netns exec c1 ping -c 1 -s 1200 10.0.2.2
ip netns exec c1 ping -c 1 -s 1200 -M do 10.0.2.2
ip -n c1 route add 10.0.9.0/24 via 10.0.1.1 mtu 600
ip -n c1 route get 10.0.9.9
ip netns exec c2 ping -c 1 -s 3000 10.0.1.2
ip -n c1 route flush cache
ip -n c1 route get 10.0.2.2
ip -n c1 route show cache
ip -n c1 route list cache
