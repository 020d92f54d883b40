# TTL on a router: ip_forward() decrements the TTL and, when it would reach 0 (ttl <= 1 on
# arrival), drops the packet and sends "Time to live exceeded" (ICMP type 11) from its address on
# the way back to the sender (192.0.2.1). ping -t 1 gets that error; ping -t 2 gets through, and
# the reply that crossed the router back shows ttl=63. A packet for the router itself is not
# forwarded, so ttl 1 is enough to reach it.
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
sysctl -w net.ipv4.ip_forward=1
#> capture ra rb
ip netns exec a ping -c 1 -W 1 -t 1 198.51.100.2
#> capture ra rb
ip netns exec a ping -c 1 -W 1 -t 2 198.51.100.2
ip netns exec a ping -c 1 -W 1 -t 1 198.51.100.1
