# a DNATed packet that is too big for the way out: the Frag Needed error quotes it as the sender sent it
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add a
ip netns add b
ip link add va type veth peer name eth0 netns a
ip link add vb type veth peer name eth0 netns b
ip link set va address 02:00:00:00:00:03
ip link set vb address 02:00:00:00:00:04
ip -n a link set eth0 address 02:00:00:00:00:a1
ip -n b link set eth0 address 02:00:00:00:00:b1
ip addr add 10.1.0.1/24 dev va
ip addr add 10.2.0.1/24 dev vb
ip -n a addr add 10.1.0.2/24 dev eth0
ip -n b addr add 10.2.0.2/24 dev eth0
ip link set va up
ip link set vb up
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n a route add default via 10.1.0.1
ip -n b route add default via 10.2.0.1
sysctl -w net.ipv4.ip_forward=1
sleep 1
iptables -t nat -A PREROUTING -i va -d 10.1.0.1 -p icmp -j DNAT --to-destination 10.2.0.2
ip link set vb mtu 1300
#> capture va
ip netns exec a ping -c 1 -W 1 -s 1400 -M do 10.1.0.1
#> capture va
ip netns exec a ping -c 1 -W 1 -s 1400 -M do 10.1.0.1
#> capture va
ip netns exec a ping -c 1 -W 1 -s 1000 10.1.0.1
conntrack -L
conntrack -F
iptables -t nat -A POSTROUTING -o vb -j MASQUERADE
ip link set vb mtu 1500
ip -n b link set eth0 mtu 1200
# the neighbours the pings above used while STALE probe 5 s after (DELAY -> PROBE): done before the capture below,
# whatever the time the commands between took
sleep 6
#> capture va vb
ip netns exec a ping -c 1 -W 1 -s 1300 -M do 10.2.0.2
conntrack -L
ip netns exec a ping -c 1 -W 1 -s 1400 -M do 10.1.0.1
