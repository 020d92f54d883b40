# Private VLAN with the host as router: p1 and p2 are isolated bridge ports, so c1 and c2 cannot
# reach each other through br0. With proxy_arp_pvlan on br0 the host answers ARP for an address on
# the very interface the request came in on (arp_fwd_pvlan), routes the echo back out of br0 with its
# TTL one lower, and, since it forwards out of the interface the packet came in on to a host on that
# link, sends an ICMP redirect (ip_forward, IPSKB_DOREDIRECT); send_redirects 0 on both
# br0 and all stops the redirects (IN_DEV_TX_REDIRECTS is an OR of the two).
# all.proxy_arp_pvlan turns it on as well (IN_DEV_ORCONF); a broadcast request is answered after
# a random proxy_delay (pneigh_enqueue), 0 here for the pings.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
sysctl -w net.ipv4.ip_forward=1
ip link add br0 type bridge
ip link set br0 address 02:00:00:00:00:10
ip link set br0 up
ip addr add 10.0.0.1/24 dev br0
sysctl -w net.ipv4.neigh.br0.base_reachable_time_ms=3600000 net.ipv4.neigh.br0.delay_first_probe_time=3600
ip netns add c1
ip netns add c2
ip netns exec c1 sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec c2 sysctl -w net.ipv4.conf.all.rp_filter=0
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
bridge link set dev p1 isolated on
bridge link set dev p2 isolated on
ip -n c1 addr add 10.0.0.2/24 dev eth0
ip -n c2 addr add 10.0.0.3/24 dev eth0
ip -n c1 link set eth0 up
ip -n c2 link set eth0 up
ip netns exec c1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec c2 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec c1 arping -c 1 -w 1 -I eth0 10.0.0.3
sysctl -w net.ipv4.conf.all.proxy_arp_pvlan=1
ip netns exec c1 arping -c 1 -w 1 -I eth0 10.0.0.3
sysctl -w net.ipv4.conf.all.proxy_arp_pvlan=0
sysctl -w net.ipv4.neigh.br0.proxy_delay=0
sysctl -w net.ipv4.conf.br0.proxy_arp_pvlan=1
#> capture p1 p2
ip netns exec c1 ping -c 2 -i 0.3 -W 1 10.0.0.3
ip -n c1 neigh
ip -n c2 neigh
ip neigh
ip -n c1 route get 10.0.0.3
sysctl -w net.ipv4.conf.br0.send_redirects=0
#> capture p2
ip netns exec c2 ping -c 1 -W 1 10.0.0.2
sysctl -w net.ipv4.conf.all.send_redirects=0
#> capture p2
ip netns exec c2 ping -c 1 -W 1 10.0.0.2
sysctl -w net.ipv4.conf.br0.send_redirects=1
#> capture p2
ip netns exec c2 ping -c 1 -W 1 10.0.0.2
sysctl -w net.ipv4.conf.br0.proxy_arp_pvlan=0
ip netns exec c1 arping -c 1 -w 1 -I eth0 10.0.0.3
