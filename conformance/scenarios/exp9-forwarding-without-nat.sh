# Experiment 9 of the article, second part: the host forwards (ip_forward=1) but does not
# masquerade. A container's echo request leaves eth0 with its own source 192.168.9.2 and ttl 63;
# the gateway has no route back to 192.168.9.0/24, so its echo reply fails to route and is dropped
# (no error is sent for it). Once the gateway has a route to the containers' subnet through the
# host, the ping works and the reply shows ttl=63.
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
#> capture br0 eth0
ip netns exec c1 ping -c 1 -W 1 192.168.3.1
ip -n lan route
ip -n lan route add 192.168.9.0/24 via 192.168.3.21
#> capture eth0
ip netns exec c1 ping -c 1 -W 1 192.168.3.1
ip neigh
ip -n lan neigh
