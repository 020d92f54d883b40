# Forms of the everyday tools on one link: ping's -i/-q/-s/-t, a broadcast without and with -b, the
# counters that traffic leaves on both ends, neighbour, address and route listings with selectors,
# arping's -D/-U/-A/-f/-s, and the flushes.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add lan
ip link add eth0 type veth peer name gw netns lan
ip link set dev eth0 address 08:00:27:3b:0d:b9
ip -n lan link set dev gw address 52:54:00:12:35:01
ip netns exec lan sysctl -w net.ipv4.neigh.gw.base_reachable_time_ms=3600000 net.ipv4.neigh.gw.delay_first_probe_time=3600
sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip -n lan addr add 192.168.3.1/24 dev gw
ip -n lan link set gw up
ip addr add 192.168.3.21/24 dev eth0
ip link set eth0 up
ip -s link show dev eth0
ping -c 3 -i 0.2 -q 192.168.3.1
ping -c 2 -s 100 -t 3 192.168.3.1
ping -c 1 -n 192.168.3.255
ping -c 1 -b 192.168.3.255
ip -s link show dev eth0
ip -s -s link show dev eth0
ip -n lan -s link show gw
ip neigh show dev eth0
ip neigh show nud reachable
ip neigh show 192.168.3.1
ip -4 -o addr show
ip addr show to 192.168.3.0/24
ip addr show up
ip route show table local
ip route show dev eth0
ip route show scope link
ip route list type local
ip route get 192.168.3.1 from 192.168.3.21
arp -n
arp -a
arping -c 2 -I eth0 192.168.3.1
arping -c 1 -D -I eth0 192.168.3.1
arping -c 1 -U -I eth0 192.168.3.21
arping -c 1 -A -I eth0 192.168.3.21
arping -f -c 3 -I eth0 192.168.3.1
arping -c 1 -s 192.168.3.21 -I eth0 192.168.3.1
ip neigh flush dev eth0
ip neigh show
ip route flush dev eth0
ip route
ip addr flush dev eth0
ip addr
