# How iproute2 names a bridge port's veth peer (KERNEL.md 8). The kernel's bridge dump
# (br_fill_ifinfo()) carries the peer's ifindex (IFLA_LINK) but not its namespace, so `bridge link`
# looks the number up among the host's own devices: a port whose peer is ifindex 2 in a container
# prints as `@eth0` when the host's ifindex 2 is eth0, with no `@` at all when the number is its
# own, and `@ifN` when the host has no such device. When that unrelated host device is down,
# `bridge link` even adds M-DOWN to the port's flags. `ip link` gets the namespace id too and prints
# `@ifN` with `link-netns`.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add c1
ip netns add c2
ip netns add c3
ip link add eth0 type veth peer name eth0 netns c1
ip link add name br0 type bridge
ip link set br0 up
ip link add vethc2 type veth peer name eth0 netns c2
ip -n c3 link add d1 type veth peer name d2
ip -n c3 link add d3 type veth peer name d4
ip link add vethc3 type veth peer name eth0 netns c3
ip -n c3 link add d5 type veth peer name d6
ip link add vethx type veth peer name vethy
ip link set vethx netns c3
ip link set dev eth0 address 02:00:00:00:00:01
ip link set dev vethc2 address 02:00:00:00:00:02
ip link set dev vethc3 address 02:00:00:00:00:03
ip link set dev vethy address 02:00:00:00:00:04
ip link set vethy master br0
ip link set eth0 master br0
ip link set vethc2 master br0
ip link set vethc3 master br0
ip link set eth0 up
ip link set vethc2 up
ip link set vethc3 up
ip link set vethy up
ip -n c1 link set eth0 up
ip -n c2 link set eth0 up
ip -n c3 link set eth0 up
ip -n c3 link set vethx up
ip link
ip -n c3 -br link
bridge link
ip link set eth0 down
bridge link
