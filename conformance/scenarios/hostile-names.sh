# Names that are also the properties every JavaScript object inherits (constructor, __proto__,
# toString, hasOwnProperty, valueOf) are only names: unknown keywords, devices and namespaces like any other.
ip link add x1 type veth peer name y1
ip link set x1 up
ip route add 10.1.0.0/24 dev x1 proto constructor
ip route add 10.1.0.0/24 dev x1 proto __proto__
ip route add 10.2.0.0/24 dev x1 scope toString
ip route add 10.3.0.0/24 dev x1 table constructor
ip route show proto hasOwnProperty
ip addr add 10.0.0.1/24 dev x1 scope valueOf
ip neigh add 10.0.0.2 lladdr 00:11:22:33:44:55 dev x1 nud constructor
ip neigh show nud __proto__
ip neigh show nud toString
ip neigh show
sysctl net.ipv4.neigh.default.toString
sysctl net.ipv4.neigh.default.constructor
sysctl -w net.ipv4.neigh.default.__proto__=1
sysctl net.ipv4.neigh.x1.gc_interval
sysctl net.ipv4.conf.all.constructor
sysctl net.bridge.constructor
sysctl net.bridge.__proto__
sysctl net.ipv4.hasOwnProperty
bridge link set dev x1 constructor on
conntrack -L -p constructor
conntrack -L -p toString
ip link add constructor type veth peer name __proto__
ip link set constructor up
ip -br link show constructor
ip -br link show __proto__
sysctl net.ipv4.conf.constructor.forwarding
sysctl net.ipv4.neigh.__proto__.locktime
ip netns add constructor
ip netns add __proto__
ip netns add toString
ip -n constructor -br link
ip netns exec __proto__ ip -br link
ip netns del toString
ip route show proto all
ip route show scope all
ip route show scope constructor
ip route flush proto toString
