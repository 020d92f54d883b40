# A firewall on the forwarding path: with policy DROP the container's ping dies in FORWARD and no
# connection is remembered; letting out what comes from br0 gets the request to the router but drops its
# reply; a conntrack state rule lets the replies in. The counters show where each packet went.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add c1
ip netns add r
ip netns exec c1 sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=0
ip link add name br0 type bridge
ip link set br0 up
ip addr add 192.0.2.1/24 dev br0
ip link add vethc1 type veth peer name eth0 netns c1
ip link set dev vethc1 address 02:00:00:00:00:11
ip -n c1 link set dev eth0 address 02:00:00:00:00:12
ip link set vethc1 master br0
ip link set vethc1 up
ip link add eth0 type veth peer name eth0 netns r
ip link set dev eth0 address 02:00:00:00:00:21
ip -n r link set dev eth0 address 02:00:00:00:00:22
sysctl -w net.ipv4.neigh.br0.base_reachable_time_ms=3600000 net.ipv4.neigh.br0.delay_first_probe_time=3600
sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec c1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec r sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip -n c1 addr add 192.0.2.2/24 dev eth0
ip -n c1 link set eth0 up
ip -n c1 route add default via 192.0.2.1
ip addr add 198.51.100.2/24 dev eth0
ip link set eth0 up
ip route add default via 198.51.100.1
ip -n r addr add 198.51.100.1/24 dev eth0
ip -n r link set eth0 up
sysctl -w net.ipv4.ip_forward=1
# br0's two IGMP reports (the second up to 1 s after it came up) go out before conntrack starts, so
# that none of them is tracked (nf-conntrack-generic.sh shows what happens otherwise)
sleep 1
iptables -t nat -A POSTROUTING -s 192.0.2.0/24 ! -o br0 -j MASQUERADE
iptables -P FORWARD DROP
#> capture r:eth0
ip netns exec c1 ping -c 1 -W 1 198.51.100.1
iptables -L FORWARD -v -n
conntrack -L
iptables -A FORWARD -i br0 ! -o br0 -j ACCEPT
#> capture r:eth0
ip netns exec c1 ping -c 1 -W 1 198.51.100.1
iptables -L FORWARD -v -n
conntrack -L
conntrack -F
iptables -A FORWARD -o br0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
#> capture r:eth0
ip netns exec c1 ping -c 1 -W 1 198.51.100.1
iptables -L FORWARD -v -n --line-numbers
iptables -S FORWARD
iptables -L FORWARD
iptables -Z FORWARD
iptables -L FORWARD -v -n -x
iptables -D FORWARD -i br0 ! -o br0 -j ACCEPT
iptables -P FORWARD ACCEPT
iptables -S FORWARD
