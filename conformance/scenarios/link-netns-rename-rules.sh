# Moving and renaming links: lo and bridges never change namespace (netns_immutable), a name taken in
# the target namespace is refused, and a running device may be renamed.
ip netns add a
ip link add br0 type bridge
ip link set br0 netns a
ip link set br0 netns 1
ip link set lo netns a
ip link add v0 type veth peer name v1
ip -n a link add v0 type veth peer name v9
ip link set v0 netns a
ip link set v1 up
ip link set v0 up
ip link set v1 name w1
ip link set br0 up
ip link set br0 name br9
ip tuntap add dev tap0 mode tap
ip link set tap0 up
ip link set tap0 name tap9
ip -br link
ip link set w1 netns a
ip -n a -br link
ip -n a link set w1 netns 1
ip -br link
