# ping's variations: payload sizes (no timing below 16 bytes), a broadcast ping with -b answered by a
# host that does not ignore broadcasts, -I with an address, a loopback source refused by routing,
# -q and -n.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add c1
ip netns exec c1 sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec c1 sysctl -w net.ipv4.icmp_echo_ignore_broadcasts=0
ip link add veth0 type veth peer name eth0 netns c1
ip link set veth0 address 02:00:00:00:00:01
ip -n c1 link set eth0 address 02:00:00:00:00:02
ip addr add 192.0.2.1/24 brd + dev veth0
ip -n c1 addr add 192.0.2.2/24 brd + dev eth0
ip link set veth0 up
ip -n c1 link set eth0 up
sysctl -w net.ipv4.neigh.veth0.base_reachable_time_ms=3600000 net.ipv4.neigh.veth0.delay_first_probe_time=3600
ip netns exec c1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
#> capture veth0
ping -c 1 -s 1000 192.0.2.2
ping -c 1 -s 8 192.0.2.2
ping -c 1 -s 0 192.0.2.2
#> capture veth0
ping -c 1 -W 1 -b 192.0.2.255
ping -c 2 -i 0.2 -I 192.0.2.1 192.0.2.2
ping -c 1 -W 1 -I 127.0.0.1 192.0.2.2
ping -c 1 -q 192.0.2.2
ping -c 1 -n 192.0.2.2
ip neigh
ip -n c1 neigh
