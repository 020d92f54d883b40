# Experiment 5 of the article, the route order: with eth0, veth1 and br0 all in 192.168.3.0/24, the
# three prefix routes keep the order their addresses were added in, and the first one wins.
# Taking eth0 down and up again does not restore the order: NETDEV_DOWN flushes eth0's prefix route
# and the default route through it, NETDEV_UP re-adds only the prefix route, at the end. A plain
# ping then leaves through veth1 and works; a default route added again picks veth1, the first
# route to the gateway.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
sysctl -w net.ipv4.conf.all.accept_local=0
sysctl -w net.ipv4.conf.default.accept_local=1
ip netns add lan
ip netns exec lan sysctl -w net.ipv4.conf.all.rp_filter=0
ip link add eth0 type veth peer name gw netns lan
ip link set dev eth0 address 08:00:27:3b:0d:b9
ip -n lan link set dev gw address 52:54:00:12:35:01
ip netns exec lan sysctl -w net.ipv4.neigh.gw.base_reachable_time_ms=3600000 net.ipv4.neigh.gw.delay_first_probe_time=3600
ip -n lan addr add 192.168.3.1/24 dev gw
ip -n lan link set gw up
ip addr add 192.168.3.21/24 dev eth0
ip link set eth0 up
ip route add default via 192.168.3.1
ip link add name br0 type bridge
ip link set br0 up
ip link add veth0 type veth peer name veth1
ip link set dev veth0 address 6e:5f:3a:10:00:01
ip link set dev veth1 address 6e:5f:3a:10:00:02
sysctl -w net.ipv4.neigh.br0.base_reachable_time_ms=3600000 net.ipv4.neigh.br0.delay_first_probe_time=3600
sysctl -w net.ipv4.neigh.veth1.base_reachable_time_ms=3600000 net.ipv4.neigh.veth1.delay_first_probe_time=3600
ip link set veth0 up
ip link set veth1 up
ip link set dev veth0 master br0
ip addr add 192.168.3.102/24 dev veth1
ip addr add 192.168.3.101/24 dev br0
ip link set dev eth0 master br0
route -n
ip route get 192.168.3.1
ip link set eth0 down
ip link set eth0 up
ip route
route -n
ip route get 192.168.3.1
#> capture veth1 br0
ping -c 1 -W 1 192.168.3.1
ip route add default via 192.168.3.1
ip route
ip neigh
