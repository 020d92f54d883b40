# Experiment 9 of the article, first part: docker-style containers. br0 has its own subnet
# 192.168.9.0/24 with the host at .1; each container is a namespace whose eth0 is the far end of a
# veth whose near end is a port of br0. Container to container traffic is bridged (the host's
# stack never routes it; tcpdump -i br0 shows the unicast only because the capture makes br0
# promiscuous); container to host goes up through br0. With ip_forward=0 a packet for the outside
# world reaches the host and is dropped without any ICMP error. `ip link` names a peer in another
# namespace `@ifN` with `link-netns` (a named namespace) or `link-netnsid` (an unnamed one).
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
sysctl -w net.ipv4.ip_forward=0
ip netns add lan
ip netns exec lan sysctl -w net.ipv4.conf.all.rp_filter=0
ip link add eth0 type veth peer name gw netns lan
ip link set dev eth0 address 08:00:27:3b:0d:b9
ip -n lan link set dev gw address 52:54:00:12:35:01
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
ip link
ip -n c1 link
bridge link
#> capture br0 c2:eth0
ip netns exec c1 ping -c 1 -W 1 192.168.9.3
#> capture br0
ip netns exec c1 ping -c 1 -W 1 192.168.9.1
#> capture br0 eth0
ip netns exec c1 ping -c 1 -W 1 192.168.3.1
ip -n c1 neigh
ip neigh
bridge fdb show br br0 dynamic
