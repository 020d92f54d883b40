# Experiment 7 of the article: a bridge needs no IP address. br0 has none and eth0 has none;
# veth1, the far end of the port veth0, has 192.168.3.102 and talks to the gateway through
# veth0 -> br0 -> eth0, in both directions, without the host's stack touching br0. The only route
# is veth1's. The bridge learns the gateway's MAC on eth0 and veth1's on veth0.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add lan
ip netns exec lan sysctl -w net.ipv4.conf.all.rp_filter=0
ip link add eth0 type veth peer name gw netns lan
ip link set dev eth0 address 08:00:27:3b:0d:b9
ip -n lan link set dev gw address 52:54:00:12:35:01
ip netns exec lan sysctl -w net.ipv4.neigh.gw.base_reachable_time_ms=3600000 net.ipv4.neigh.gw.delay_first_probe_time=3600
ip -n lan addr add 192.168.3.1/24 dev gw
ip -n lan link set gw up
ip link set eth0 up
ip link add name br0 type bridge
ip link set br0 up
ip link add veth0 type veth peer name veth1
ip link set dev veth0 address 6e:5f:3a:10:00:01
ip link set dev veth1 address 6e:5f:3a:10:00:02
sysctl -w net.ipv4.neigh.veth1.base_reachable_time_ms=3600000 net.ipv4.neigh.veth1.delay_first_probe_time=3600
ip link set veth0 up
ip link set veth1 up
ip link set dev veth0 master br0
ip link set dev eth0 master br0
ip addr add 192.168.3.102/24 dev veth1
ip route add default via 192.168.3.1
ip -br addr
ip route
#> capture eth0 veth1
ping -c 1 -W 1 192.168.3.1
#> capture veth1
ip netns exec lan ping -c 1 -W 1 192.168.3.102
ip neigh
ip -n lan neigh
bridge fdb show br br0 dynamic
