# ip -6 in namespaces whose IPv6 is disabled (every namespace of the lab, as the kernel runner makes
# them): listings are empty; an address or a route is refused with the kernel's own words.
ip link add veth0 type veth peer name veth1
ip -6 addr
ip -6 route
ip -6 neigh
ip -6 addr add 2001:db8::1/64 dev veth0
ip -6 route add 2001:db8::/64 dev veth0
ip -4 route
ip -6 -br addr
