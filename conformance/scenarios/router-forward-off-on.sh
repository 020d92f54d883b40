# A router between two hosts: the host namespace routes between a (192.0.2.2, behind ra) and
# b (198.51.100.2, behind rb). With ip_forward=0 a's echo request reaches the router, which is not
# its destination; ip_route_input_slow() finds no way to forward it and ip_error() sends no ICMP
# when forwarding is off: a silent drop, b sees nothing. With ip_forward=1 the request is forwarded
# with its TTL decremented, and so is the reply: a sees ttl=63. Pinging the router's far address
# 198.51.100.1 works with forwarding off: it is a local address, and the reply has ttl=64.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
sysctl -w net.ipv4.ip_forward=0
ip netns add a
ip netns exec a sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec a sysctl -w net.ipv4.ip_forward=0
ip netns add b
ip netns exec b sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec b sysctl -w net.ipv4.ip_forward=0
ip link add ra type veth peer name eth0 netns a
ip link add rb type veth peer name eth0 netns b
ip link set dev ra address 02:00:00:00:01:01
ip link set dev rb address 02:00:00:00:02:01
ip -n a link set dev eth0 address 02:00:00:00:01:02
ip -n b link set dev eth0 address 02:00:00:00:02:02
sysctl -w net.ipv4.neigh.ra.base_reachable_time_ms=3600000 net.ipv4.neigh.ra.delay_first_probe_time=3600
sysctl -w net.ipv4.neigh.rb.base_reachable_time_ms=3600000 net.ipv4.neigh.rb.delay_first_probe_time=3600
ip netns exec a sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec b sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip addr add 192.0.2.1/24 dev ra
ip addr add 198.51.100.1/24 dev rb
ip -n a addr add 192.0.2.2/24 dev eth0
ip -n b addr add 198.51.100.2/24 dev eth0
ip link set ra up
ip link set rb up
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n a route add default via 192.0.2.1
ip -n b route add default via 198.51.100.1
#> capture ra rb
ip netns exec a ping -c 1 -W 1 198.51.100.2
ip netns exec a ping -c 1 -W 1 198.51.100.1
sysctl -w net.ipv4.ip_forward=1
#> capture ra rb
ip netns exec a ping -c 1 -W 1 198.51.100.2
ip netns exec b ping -c 1 -W 1 192.0.2.2
ip neigh
