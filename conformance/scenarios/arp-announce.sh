# arp_announce: which sender address ("tell") the kernel puts in its own ARP requests
# (arp_solicit(), KERNEL.md 3.2). The host has eth0 192.0.2.20/24 with a secondary 192.0.2.21/24,
# and eth1 198.51.100.20/24; y 192.0.2.30 is at the other end of eth0 and has an on-link route to
# 198.51.100.0/24, so it can answer whatever source the host uses. Each ping picks its source with
# -I ADDRESS and leaves through eth0; the neighbour entries are flushed between pings so that every
# ping sends a request.
# - 0: the packet's own source, whatever interface holds it: tell 198.51.100.20, tell 192.0.2.21.
# - 1: the packet's source only if it is in the target's subnet on eth0: tell 192.0.2.20 (the
#   fallback, inet_select_addr()) for 198.51.100.20, but tell 192.0.2.21 for the secondary.
# - 2: always the fallback, eth0's primary address: tell 192.0.2.20.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
sysctl -w net.ipv4.conf.all.arp_announce=0
sysctl -w net.ipv4.conf.default.arp_announce=0
sysctl -w net.ipv4.conf.all.arp_ignore=0
sysctl -w net.ipv4.conf.default.arp_ignore=0
ip netns add y
ip netns exec y sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns add z
ip link add eth0 type veth peer name eth0 netns y
ip link add eth1 type veth peer name eth0 netns z
ip link set dev eth0 address 02:00:00:00:00:20
ip link set dev eth1 address 02:00:00:00:01:20
ip -n y link set dev eth0 address 02:00:00:00:00:30
sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec y sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip addr add 192.0.2.20/24 dev eth0
ip addr add 192.0.2.21/24 dev eth0
ip addr add 198.51.100.20/24 dev eth1
ip -n y addr add 192.0.2.30/24 dev eth0
ip link set eth0 up
ip link set eth1 up
ip -n z link set eth0 up
ip -n y link set eth0 up
ip -n y route add 198.51.100.0/24 dev eth0
#> capture eth0
ping -c 1 -W 1 -I 198.51.100.20 192.0.2.30
ip neigh flush dev eth0
ip -n y neigh flush dev eth0
#> capture eth0
ping -c 1 -W 1 -I 192.0.2.21 192.0.2.30
ip neigh flush dev eth0
ip -n y neigh flush dev eth0
sysctl -w net.ipv4.conf.all.arp_announce=1
#> capture eth0
ping -c 1 -W 1 -I 198.51.100.20 192.0.2.30
ip neigh flush dev eth0
ip -n y neigh flush dev eth0
#> capture eth0
ping -c 1 -W 1 -I 192.0.2.21 192.0.2.30
ip neigh flush dev eth0
ip -n y neigh flush dev eth0
sysctl -w net.ipv4.conf.all.arp_announce=2
#> capture eth0
ping -c 1 -W 1 -I 192.0.2.21 192.0.2.30
ip -n y neigh
