# Moving a veth end to another namespace (`ip link set veth1 netns c1`). The moved device keeps its
# ifindex when the number is free there, loses its addresses and goes down; ip link then names the
# peer `@ifN` plus `link-netns NAME` (a peer in a named namespace) or `link-netnsid N` (a peer in an
# unnamed one: the host here). Renamed and configured inside c1, the far end talks to the host
# through the bridge. Deleting the namespace destroys its devices, and with them the veth pair:
# veth0 disappears from br0.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip link add name br0 type bridge
ip link set br0 up
sysctl -w net.ipv4.neigh.br0.base_reachable_time_ms=3600000 net.ipv4.neigh.br0.delay_first_probe_time=3600
ip addr add 192.168.9.1/24 dev br0
ip link add veth0 type veth peer name veth1
ip link set dev veth0 address 6e:5f:3a:10:00:01
ip link set dev veth1 address 02:42:c0:a8:09:02
ip addr add 192.168.9.2/24 dev veth1
ip link set veth0 up
ip link set veth1 up
ip link
ip netns add c1
ip netns exec c1 sysctl -w net.ipv4.conf.all.rp_filter=0
ip link set veth1 netns c1
ip link
ip -n c1 link
ip -n c1 addr
ip -n c1 link set veth1 name eth0
ip netns exec c1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip -n c1 addr add 192.168.9.2/24 dev eth0
ip -n c1 link set eth0 up
ip link set veth0 master br0
ip -n c1 link
ip link show dev veth0
bridge link
ip netns exec c1 ping -c 1 -W 1 192.168.9.1
ip netns del c1
ip link
bridge link
ip route
