# SNAT to a range of addresses: the kernel picks each flow's address by jhash2 of its source address,
# seeded by its destination address (nf_nat_core.c: find_best_ips_proto), so a flow always gets the
# same address, run after run; with --persistent the seed is 0 and only the source decides. Each ping
# below is a new flow (a new echo id); the capture on the outside shows the address chosen.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
sysctl -w net.ipv4.ip_forward=1
ip netns add c
ip netns add s
ip netns exec c sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec s sysctl -w net.ipv4.conf.all.rp_filter=0
ip link add inner type veth peer name eth0 netns c
ip link add outer type veth peer name eth0 netns s
ip link set inner address 02:00:00:00:01:01
ip link set outer address 02:00:00:00:02:01
ip -n c link set eth0 address 02:00:00:00:01:02
ip -n s link set eth0 address 02:00:00:00:02:02
sysctl -w net.ipv4.neigh.inner.base_reachable_time_ms=3600000 net.ipv4.neigh.inner.delay_first_probe_time=3600
sysctl -w net.ipv4.neigh.outer.base_reachable_time_ms=3600000 net.ipv4.neigh.outer.delay_first_probe_time=3600
ip netns exec c sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec s sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip addr add 10.0.1.1/24 dev inner
ip addr add 203.0.113.254/24 dev outer
ip link set inner up
ip link set outer up
ip -n c addr add 10.0.1.2/24 dev eth0
ip -n c addr add 10.0.1.3/24 dev eth0
ip -n c addr add 10.0.1.4/24 dev eth0
ip -n c addr add 10.0.1.77/24 dev eth0
ip -n c link set eth0 up
ip -n c route add default via 10.0.1.1
ip -n s addr add 203.0.113.1/24 dev eth0
ip -n s addr add 203.0.113.2/24 dev eth0
ip -n s link set eth0 up
ip -n s route add 198.51.100.0/24 via 203.0.113.254
iptables -t nat -A POSTROUTING -s 10.0.1.0/24 -o outer -j SNAT --to-source 198.51.100.10-198.51.100.20
#> capture outer
ip netns exec c ping -c 1 -W 1 -I 10.0.1.2 203.0.113.1
#> capture outer
ip netns exec c ping -c 1 -W 1 -I 10.0.1.3 203.0.113.1
#> capture outer
ip netns exec c ping -c 1 -W 1 -I 10.0.1.4 203.0.113.1
#> capture outer
ip netns exec c ping -c 1 -W 1 -I 10.0.1.77 203.0.113.1
#> capture outer
ip netns exec c ping -c 1 -W 1 -I 10.0.1.2 203.0.113.2
#> capture outer
ip netns exec c ping -c 1 -W 1 -I 10.0.1.2 203.0.113.1
iptables -t nat -F POSTROUTING
iptables -t nat -A POSTROUTING -s 10.0.1.0/24 -o outer -j SNAT --to-source 198.51.100.10-198.51.100.250 --persistent
iptables -t nat -S POSTROUTING
#> capture outer
ip netns exec c ping -c 1 -W 1 -I 10.0.1.3 203.0.113.1
#> capture outer
ip netns exec c ping -c 1 -W 1 -I 10.0.1.3 203.0.113.2
#> capture outer
ip netns exec c ping -c 1 -W 1 -I 10.0.1.77 203.0.113.2
iptables -t nat -F POSTROUTING
iptables -t nat -A POSTROUTING -s 10.0.1.0/24 -o outer -j SNAT --to-source 198.51.100.1-198.51.100.3
#> capture outer
ip netns exec c ping -c 1 -W 1 -I 10.0.1.4 203.0.113.2
#> capture outer
ip netns exec c ping -c 1 -W 1 -I 10.0.1.77 203.0.113.1
