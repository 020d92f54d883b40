# Commands that fail half-way in the kernel. veth_newlink() registers the peer first: `up` among the
# peer's attributes opens it before the pair is linked (veth_open: -ENOTCONN), a main name that clashes
# with the peer's fails after the peer was registered; either way the peer is unregistered again but
# its ifindex is used up. A bridge is registered before br_changelink() checks its options. Errors found
# before any device is registered (a taken peer name, an invalid MTU or address, a missing netns) use
# up nothing. `ip link set` applies address, MTU, name, then flags (do_setlink): a later failure keeps
# what came before. The next pair made shows which ifindexes were used up.
ip link add va type veth peer name vb
ip link add vc type veth peer name vd up
ip link add vc type veth peer name vd
ip link add vg type veth peer name vb
ip link add va type veth peer name vx
ip link add vk type veth peer name lo
ip link add vl type veth peer name vl
ip link add vm mtu 70000 type veth peer name vn
ip link add vo type veth peer name vp mtu 70000
ip link add vq type veth peer name vr address 01:00:00:00:00:01
ip link add vq address 01:00:00:00:00:01 type veth peer name vr
ip link add ve type veth peer name vf up mtu 1400
ip link add ve type veth peer name vf
ip link add br0 type bridge hello_time 0
ip link add br2 type bridge
ip link set va mtu 1400 name vz address 01:00:00:00:00:00
ip link set va up mtu 50
ip link set va name vb up
ip link set va mtu 1300 up name lo
ip -o link show va
ip addr add 10.0.0.1/24 dev va
ip addr add 10.0.0.1/24 dev va
ip addr add 10.0.0.1/16 dev va
ip addr add 10.0.0.1/24 dev vb
ip link
ip -o addr
