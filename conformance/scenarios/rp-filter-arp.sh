# rp_filter applied to ARP (KERNEL.md 3.1, table e4). arp_process() validates a request with an
# input route lookup whose source is the sender's IP, so fib_validate_source() runs rp_filter on it.
# The host has eth0 192.0.2.20/24 and eth1 198.51.100.20/24 on one switch (br0 in namespace lan)
# with y 192.0.2.30, which asks who-has 198.51.100.20.
# - 0: both interfaces answer (ARP flux).
# - 1 (strict): the route back to 192.0.2.30 is via eth0, so eth1 fails the check; eth0 answers.
# - 2 (loose): any route back will do; both answer again.
# The effective value is the larger of conf.all and conf.DEV: all=0 with eth1=1 is strict on eth1.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
sysctl -w net.ipv4.conf.all.arp_ignore=0
sysctl -w net.ipv4.conf.default.arp_ignore=0
sysctl -w net.ipv4.conf.all.arp_filter=0
sysctl -w net.ipv4.conf.default.arp_filter=0
ip netns add lan
ip netns add y
ip netns exec y sysctl -w net.ipv4.conf.all.rp_filter=0
ip -n lan link add name br0 type bridge
ip -n lan link set br0 up
ip link add eth0 type veth peer name p0 netns lan
ip link add eth1 type veth peer name p1 netns lan
ip -n y link add eth0 type veth peer name py netns lan
ip link set dev eth0 address 02:00:00:00:00:20
ip link set dev eth1 address 02:00:00:00:01:20
ip -n y link set dev eth0 address 02:00:00:00:00:30
ip -n lan link set p0 master br0
ip -n lan link set p1 master br0
ip -n lan link set py master br0
ip -n lan link set p0 up
ip -n lan link set p1 up
ip -n lan link set py up
sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
sysctl -w net.ipv4.neigh.eth1.base_reachable_time_ms=3600000 net.ipv4.neigh.eth1.delay_first_probe_time=3600
ip netns exec y sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip addr add 192.0.2.20/24 dev eth0
ip addr add 198.51.100.20/24 dev eth1
ip -n y addr add 192.0.2.30/24 dev eth0
ip link set eth0 up
ip link set eth1 up
ip -n y link set eth0 up
#> capture y:eth0
ip netns exec y arping -c 1 -w 1 -I eth0 198.51.100.20
sysctl -w net.ipv4.conf.all.rp_filter=1
#> capture y:eth0
ip netns exec y arping -c 1 -w 1 -I eth0 198.51.100.20
sysctl -w net.ipv4.conf.all.rp_filter=2
#> capture y:eth0
ip netns exec y arping -c 1 -w 1 -I eth0 198.51.100.20
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.eth1.rp_filter=1
#> capture y:eth0
ip netns exec y arping -c 1 -w 1 -I eth0 198.51.100.20
ip neigh
