# veth link flags and states (KERNEL.md 2, 6). A veth has carrier only while both ends are up.
# A new pair is down with qdisc noop and M-DOWN (the same-namespace peer is down). One end up:
# NO-CARRIER, state LOWERLAYERDOWN, qdisc noqueue. Both up: LOWER_UP, state UP. Back down, an end
# keeps qdisc noqueue. Across namespaces there is no M-DOWN, and the state of an up end whose peer
# is down depends on whatever device has the peer's ifindex in the end's own namespace
# (default_operstate() looks the number up there): none, or one that is oper-up, gives DOWN;
# otherwise LOWERLAYERDOWN. It is computed when the end's own carrier changes, and stays until then.
# Routes through an end without carrier are marked linkdown.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip link add veth0 type veth peer name veth1
ip link
ip link set veth0 up
ip addr add 192.0.2.1/24 dev veth0
ip link
ip route
ip link set veth1 up
ip link
ip -br link
ip route
ip link set veth1 down
ip link
ip link set veth0 down
ip -br link
ip netns add c1
ip link add eth0 type veth peer name eth0 netns c1
ip link set eth0 up
ip -br link show dev eth0
ip -n c1 link set eth0 up
ip -n c1 link set eth0 down
ip -n c1 -br link
ip link set veth0 up
ip link set veth1 up
ip -n c1 link add vx type veth peer name vy
ip -n c1 link set vx up
ip -n c1 link set vy up
ip -n c1 link set eth0 up
ip link set eth0 down
ip -n c1 -br link
ip -n c1 link set vx down
ip -n c1 -br link
ip link set eth0 up
ip link set eth0 down
ip -n c1 -br link
