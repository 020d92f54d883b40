# A router on a stick: r forwards out of the interface the packet came in on, to a host on that link,
# so it sends ICMP redirects. a prints them; the first only makes a resolve the new gateway, the
# second becomes a next-hop exception, and the third request goes straight to c.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip link add br0 type bridge
ip link set br0 up
ip netns add a
ip netns add r
ip netns add c
ip netns exec a sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec c sysctl -w net.ipv4.conf.all.rp_filter=0
ip link add pa type veth peer name eth0 netns a
ip link add pr type veth peer name eth0 netns r
ip link add pc type veth peer name eth0 netns c
ip -n a link set eth0 address 02:00:00:00:00:0a
ip -n r link set eth0 address 02:00:00:00:00:0b
ip -n c link set eth0 address 02:00:00:00:00:0c
ip link set pa master br0
ip link set pr master br0
ip link set pc master br0
ip link set pa up
ip link set pr up
ip link set pc up
ip -n a addr add 192.0.2.1/24 dev eth0
ip -n r addr add 192.0.2.254/24 dev eth0
ip -n c addr add 192.0.2.3/24 dev eth0
ip -n c addr add 10.1.1.1/32 dev lo
ip -n a link set eth0 up
ip -n r link set eth0 up
ip -n c link set eth0 up
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip -n a route add 10.0.0.0/8 via 192.0.2.254
ip -n r route add 10.0.0.0/8 via 192.0.2.3
ip -n c route add default via 192.0.2.1
#> capture pa
ip netns exec a ping -c 3 -i 0.3 -W 1 10.1.1.1
ip -n a neigh
