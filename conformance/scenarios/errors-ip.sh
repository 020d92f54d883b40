# Mistyped and impossible ip/bridge commands, with the exact text iproute2 6.1 prints: its own
# parse errors, the kernel's extended-ack messages ("Error: ..."), and bare errno texts
# ("RTNETLINK answers: ..."). Each command fails and changes nothing.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip link add name br0 type bridge
ip link add veth0 type veth peer name veth1
ip addr add 192.0.2.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ip foo
ip link sett veth0 up
ip link add veth0 type veth peer name veth1
ip link add name br0 type bridge
ip link add name br1 type bridgee
ip link set dev nosuch up
ip link del nosuch
ip link set dev veth0 address ff:ff:ff:ff:ff:ff
ip link set dev veth0 address 02:00:00:00:00
ip link set dev lo master br0
ip link set dev br0 master br0
ip link set dev veth0 master veth1
ip link set dev veth0 master nosuch
ip link set dev veth0 mtu 100000
ip link set dev veth0 netns nosuch
ip addr add 192.0.2.1/24 dev veth0
ip addr add 300.1.2.3/24 dev veth0
ip addr add 192.0.2.5/33 dev veth0
ip addr add 192.0.2.5/24 dev nosuch
ip addr add 192.0.2.5/24
ip addr del 192.0.2.77/24 dev veth0
ip route add 203.0.113.0/24 via 198.51.100.1
ip route add 203.0.113.0/24 via 192.0.2.254 dev veth1
ip route add 203.0.113.0/24 dev nosuch
ip route del 203.0.113.0/24
ip route add 203.0.113.0/24 via 192.0.2.254
ip route add 203.0.113.0/24 via 192.0.2.254
ip route add 203.0.113.0/33 via 192.0.2.254
ip route get 300.1.1.1
ip neigh add 192.0.2.5 lladdr 02:00:00:00:00:05 dev veth0
ip neigh add 192.0.2.5 lladdr 02:00:00:00:00:05 dev veth0
ip neigh del 192.0.2.6 dev veth0
ip neigh add 192.0.2.7 dev veth0
ip neigh add 192.0.2.8 lladdr 02:00:00:00:00:08
ip neigh add 192.0.2.9 lladdr 02:00:00:00:00:09 dev veth0 nud bogus
ip netns add c1
ip netns add c1
ip -n nosuch link
ip netns exec nosuch ip link
bridge link set dev nosuch cost 5
bridge fdb show br nosuch
bridge fdb add 02:00:00:00:00:05 dev veth0 master
ip link
ip route
ip neigh
