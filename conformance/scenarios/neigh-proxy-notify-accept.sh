# Neighbour sysctls on a router: proxy_arp answers for a host behind another interface (and stops when
# turned off); arp_notify sends a gratuitous "who-has A tell A" when the device comes up or changes its
# MAC; arp_accept lets a gratuitous ARP create an entry; arping -U binds to its target, which must be
# an address of this host. A proxy entry (ip neigh add proxy) answers for one address with proxy_arp off.
ip netns add c1
ip netns add r
ip netns add c2
ip link add eth0 netns c1 type veth peer name ra netns r
ip link add eth0 netns c2 type veth peer name rb netns r
ip -n c1 link set eth0 address 02:00:00:00:01:01
ip -n r link set ra address 02:00:00:00:01:02
ip -n r link set rb address 02:00:00:00:02:02
ip -n c2 link set eth0 address 02:00:00:00:02:01
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec r sysctl -w net.ipv4.conf.ra.proxy_arp=1
ip netns exec c1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec c2 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec r sysctl -w net.ipv4.neigh.ra.base_reachable_time_ms=3600000 net.ipv4.neigh.ra.delay_first_probe_time=3600
ip netns exec r sysctl -w net.ipv4.neigh.rb.base_reachable_time_ms=3600000 net.ipv4.neigh.rb.delay_first_probe_time=3600
ip -n c1 addr add 10.0.0.2/16 dev eth0
ip -n r addr add 10.0.0.1/24 dev ra
ip -n r addr add 10.0.1.1/24 dev rb
ip -n c2 addr add 10.0.1.2/24 dev eth0
ip -n c1 link set eth0 up
ip -n r link set ra up
ip -n r link set rb up
ip -n c2 link set eth0 up
ip -n c2 route add default via 10.0.1.1
#> capture r:ra
ip netns exec c1 ping -c 1 -W 2 10.0.1.2
ip -n c1 neigh
ip netns exec r sysctl -w net.ipv4.conf.ra.proxy_arp=0
ip netns exec c1 ping -c 1 -W 2 10.0.1.9
ip netns exec r sysctl -w net.ipv4.conf.rb.arp_notify=1
#> capture c2:eth0
ip -n r link set dev rb address 02:00:00:00:02:03
ip -n r link set rb down
#> capture c2:eth0
ip -n r link set rb up
ip netns exec c2 sysctl -w net.ipv4.conf.eth0.arp_accept=1
ip netns exec r arping -c 1 -U -I rb 10.0.1.1
ip -n c2 neigh
ip netns exec r arping -c 1 -U -I rb 10.0.1.77
ip -n c2 neigh
ip netns exec c1 arping -c 1 -w 1 -I eth0 10.0.1.50
ip -n r neigh add proxy 10.0.1.50 dev ra
ip netns exec c1 arping -c 1 -w 1 -I eth0 10.0.1.50
ip -n r neigh show proxy
