# Docker's FORWARD rules on a machine with br_netfilter: container-to-container pings on docker0 are
# counted by the docker0 -> docker0 rule and the ESTABLISHED one; iptables -L -v/--line-numbers, -D, -I, -Z, -F.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add lan
ip netns add c1
ip netns add c2
ip link add eth0 type veth peer name gw netns lan
ip link set eth0 address 08:00:27:3b:0d:b9
ip -n lan link set gw address 52:54:00:12:35:01
ip -n lan addr add 192.168.3.1/24 dev gw
ip -n lan link set gw up
ip addr add 192.168.3.21/24 dev eth0
ip link set eth0 up
ip link add docker0 type bridge
ip link set docker0 up
ip addr add 172.17.0.1/16 dev docker0
ip link add vc1 type veth peer name eth0 netns c1
ip link add vc2 type veth peer name eth0 netns c2
ip link set vc1 master docker0
ip link set vc2 master docker0
ip link set vc1 up
ip link set vc2 up
ip -n c1 addr add 172.17.0.2/16 dev eth0
ip -n c2 addr add 172.17.0.3/16 dev eth0
ip -n c1 link set eth0 up
ip -n c2 link set eth0 up
ip -n c1 route add default via 172.17.0.1
ip -n c2 route add default via 172.17.0.1
sysctl -w net.ipv4.ip_forward=1
iptables -P FORWARD DROP
iptables -A FORWARD -i docker0 -o eth0 -j ACCEPT
iptables -A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
iptables -A FORWARD -i docker0 -o docker0 -j ACCEPT
iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
iptables -L -n
iptables -S FORWARD
ip netns exec c1 ping -c 2 -i 0.3 -W 1 192.168.3.1
ip netns exec c1 ping -c 1 -W 1 172.17.0.3
ip netns exec lan ping -c 1 -W 1 172.17.0.2
iptables -L FORWARD -n -v
iptables -t nat -L -n -v
iptables -L FORWARD -n --line-numbers
iptables -D FORWARD 3
iptables -I FORWARD 1 -p icmp -j ACCEPT
iptables -L FORWARD -n -v --line-numbers
iptables -Z FORWARD
iptables -L FORWARD -n -v
iptables -t nat -F
iptables -t nat -L POSTROUTING -n
iptables -P FORWARD ACCEPT
iptables -F
iptables -S
