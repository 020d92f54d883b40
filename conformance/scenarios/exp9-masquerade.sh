# Experiment 9 of the article, third part: ip_forward=1 and docker's MASQUERADE rule. The rule
# matches the containers' subnet leaving by any device but br0: on the first packet of the flow
# conntrack makes an entry and MASQUERADE rewrites the source to eth0's address, so the gateway sees
# 192.168.3.21 and answers it; the reply is de-NATed back to 192.168.9.2 and forwarded through br0.
# Traffic between containers is bridged and never meets the rule; traffic to the host's own address
# is not forwarded and never meets it either.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
sysctl -w net.ipv4.ip_forward=1
ip netns add lan
ip netns exec lan sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec lan sysctl -w net.ipv4.ip_forward=0
ip link add eth0 type veth peer name gw netns lan
ip link set dev eth0 address 08:00:27:3b:0d:b9
ip -n lan link set dev gw address 52:54:00:12:35:01
ip netns exec lan sysctl -w net.ipv4.neigh.gw.base_reachable_time_ms=3600000 net.ipv4.neigh.gw.delay_first_probe_time=3600
sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip -n lan addr add 192.168.3.1/24 dev gw
ip -n lan link set gw up
ip addr add 192.168.3.21/24 dev eth0
ip link set eth0 up
ip route add default via 192.168.3.1
ip link add name br0 type bridge
ip link set br0 up
ip addr add 192.168.9.1/24 dev br0
sysctl -w net.ipv4.neigh.br0.base_reachable_time_ms=3600000 net.ipv4.neigh.br0.delay_first_probe_time=3600
ip netns add c1
ip netns exec c1 sysctl -w net.ipv4.conf.all.rp_filter=0
ip link add vethc1 type veth peer name eth0 netns c1
ip link set dev vethc1 address 6e:5f:3a:10:00:11
ip -n c1 link set dev eth0 address 02:42:c0:a8:09:02
ip netns exec c1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip -n c1 addr add 192.168.9.2/24 dev eth0
ip -n c1 link set eth0 up
ip -n c1 route add default via 192.168.9.1
ip link set vethc1 master br0
ip link set vethc1 up
ip netns add c2
ip netns exec c2 sysctl -w net.ipv4.conf.all.rp_filter=0
ip link add vethc2 type veth peer name eth0 netns c2
ip link set dev vethc2 address 6e:5f:3a:10:00:12
ip -n c2 link set dev eth0 address 02:42:c0:a8:09:03
ip netns exec c2 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip -n c2 addr add 192.168.9.3/24 dev eth0
ip -n c2 link set eth0 up
ip -n c2 route add default via 192.168.9.1
ip link set vethc2 master br0
ip link set vethc2 up
iptables -t nat -A POSTROUTING -s 192.168.9.0/24 ! -o br0 -j MASQUERADE
iptables -t nat -S POSTROUTING
#> capture br0 eth0
ip netns exec c1 ping -c 1 -W 1 192.168.3.1
#> capture eth0
ip netns exec c2 ping -c 1 -W 1 192.168.3.1
#> capture br0 eth0
ip netns exec c1 ping -c 1 -W 1 192.168.9.3
ip -n lan neigh
