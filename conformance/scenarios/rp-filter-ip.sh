# rp_filter on IP traffic: an echo request whose source is reachable only through another interface is
# answered with rp_filter 0 and 2 (loose), dropped with 1 (strict); with no route back at all even
# loose mode drops it.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add b
ip netns exec b sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec b sysctl -w net.ipv4.conf.default.rp_filter=0
ip link add a0 type veth peer name eth0 netns b
ip link add a1 type veth peer name eth1 netns b
ip link set a0 address 02:00:00:00:00:a0
ip link set a1 address 02:00:00:00:00:a1
ip -n b link set eth0 address 02:00:00:00:00:b0
ip -n b link set eth1 address 02:00:00:00:00:b1
ip addr add 192.0.2.1/24 dev a0
ip addr add 198.51.100.1/24 dev a1
ip -n b addr add 192.0.2.2/24 dev eth0
ip -n b addr add 198.51.100.2/24 dev eth1
ip link set a0 up
ip link set a1 up
ip -n b link set eth0 up
ip -n b link set eth1 up
sysctl -w net.ipv4.neigh.a0.base_reachable_time_ms=3600000 net.ipv4.neigh.a0.delay_first_probe_time=3600
sysctl -w net.ipv4.neigh.a1.base_reachable_time_ms=3600000 net.ipv4.neigh.a1.delay_first_probe_time=3600
ip netns exec b sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec b sysctl -w net.ipv4.neigh.eth1.base_reachable_time_ms=3600000 net.ipv4.neigh.eth1.delay_first_probe_time=3600
#> capture b:eth0 b:eth1
ping -c 1 -W 1 -I 198.51.100.1 192.0.2.2
ip netns exec b sysctl -w net.ipv4.conf.all.rp_filter=1
#> capture b:eth0 b:eth1
ping -c 1 -W 1 -I 198.51.100.1 192.0.2.2
ip netns exec b sysctl -w net.ipv4.conf.eth0.rp_filter=2
#> capture b:eth0 b:eth1
ping -c 1 -W 1 -I 198.51.100.1 192.0.2.2
ip netns exec b sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec b sysctl -w net.ipv4.conf.eth0.rp_filter=0
ip -n b route del 198.51.100.0/24
ip netns exec b sysctl -w net.ipv4.conf.eth0.rp_filter=2
#> capture b:eth0
ping -c 1 -W 1 -I 198.51.100.1 192.0.2.2
ip neigh
ip -n b neigh
