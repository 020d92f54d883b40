# Devices between namespaces: a veth end made in another namespace, moved there and back (netns 1 is
# the initial namespace, here host), link-netns/link-netnsid, and ip netns del destroying the veths
# in it together with their peers, which may live elsewhere.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add c1
ip netns add c2
ip link add v1 type veth peer name e1 netns c1
ip link add v2 type veth peer name e2
ip link set v1 address 02:00:00:00:00:01
ip link set v2 address 02:00:00:00:00:02
ip -n c1 link set e1 address 02:00:00:00:00:11
ip link set e2 address 02:00:00:00:00:12
ip link set e2 netns c2
ip link
ip -n c1 link
ip -n c2 link
ip -n c2 link set e2 netns 1
ip link set v2 netns c2
ip -n c2 link
ip link
ip netns del c1
ip link
ip link add v3 type veth peer name e3
ip link
ip -n c2 link add x1 type veth peer name x2
ip -n c2 link set x2 netns c1
ip netns del c2
ip link
