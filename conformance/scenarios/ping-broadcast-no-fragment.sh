# ping -b (and a multicast ping) do not fragment: iputils sets IP_PMTUDISC_DO unless -M says otherwise,
# so a request longer than the MTU is refused with a local error; -M dont lets it go in fragments.
sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns add a
ip link add va type veth peer name eth0 netns a
ip link set va address 02:00:00:00:00:03
ip -n a link set eth0 address 02:00:00:00:00:a1
ip addr add 10.1.0.1/24 dev va
ip -n a addr add 10.1.0.2/24 dev eth0
ip link set va up
ip -n a link set eth0 up
ip netns exec a sysctl -w net.ipv4.icmp_echo_ignore_broadcasts=0
#> capture va
ping -c 1 -W 1 -b -s 2000 10.1.0.255
#> capture va
ping -c 1 -W 1 -b -s 2000 -M dont 10.1.0.255
#> capture va
ping -c 1 -W 1 -b -s 1472 10.1.0.255
#> capture va
ping -c 1 -W 1 -b -s 1473 10.1.0.255
#> capture va
ping -c 1 -W 1 -I va -s 1600 224.0.0.1
#> capture va
ping -c 1 -W 1 -I va -s 1600 -M want 224.0.0.1
