# The article's note on wireless NICs, which drop frames addressed to other MACs: give veth1 the
# MAC of eth0. In a bridge that does not work: eth0's MAC is a local FDB entry of br0 (every port's
# own address is), so the gateway's replies to that MAC go up to br0's stack and are never
# forwarded to veth0 and veth1. veth1's ARP request still reaches the gateway (it is flooded), the
# gateway learns veth1's address at eth0's MAC, but veth1 never learns the gateway's. And since
# frames from veth1 carry a source MAC that is the bridge's own, the bridge learns nothing from them.
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
ip link set dev veth1 address 08:00:27:3b:0d:b9
sysctl -w net.ipv4.neigh.br0.base_reachable_time_ms=3600000 net.ipv4.neigh.br0.delay_first_probe_time=3600
sysctl -w net.ipv4.neigh.veth1.base_reachable_time_ms=3600000 net.ipv4.neigh.veth1.delay_first_probe_time=3600
ip link set veth0 up
ip link set veth1 up
ip link set dev veth0 master br0
ip link set dev eth0 master br0
ip addr add 192.168.3.102/24 dev veth1
ip -br link
#> capture veth1 eth0 br0
ping -c 1 -W 1 192.168.3.1
ip neigh
ip -n lan neigh
bridge fdb show br br0 dynamic
