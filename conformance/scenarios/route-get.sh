# `ip route get`: the kernel's own route lookup (inet_rtm_getroute()), as output routes.
# - A local address (of any interface) resolves to `local ... dev lo` with `cache <local>`, and so
#   does the subnet's broadcast address as `broadcast ... <local,brd>`.
# - With `oif DEV` only nexthops on DEV count (fib_lookup_good_nhc()): another interface's local
#   address is then not local, and a destination with no route through DEV is assumed on-link.
# - With `from ADDR` (a local address) the source is fixed; a source that is not local is refused.
# - No matching route: "Network is unreachable".
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add p
ip netns add q
ip link add veth0 type veth peer name eth0 netns p
ip link add veth2 type veth peer name eth0 netns q
ip addr add 192.0.2.1/24 dev veth0
ip addr add 198.51.100.1/24 dev veth2
ip link set veth0 up
ip link set veth2 up
ip -n p link set eth0 up
ip -n q link set eth0 up
ip route get 192.0.2.2
ip route get 192.0.2.1
ip route get 198.51.100.1
ip route get 192.0.2.255
ip route get 127.0.0.1
ip route get 203.0.113.9
ip route add default via 192.0.2.254
ip route get 203.0.113.9
ip route get 203.0.113.9 oif veth2
ip route get 198.51.100.1 oif veth0
ip route get 192.0.2.2 oif veth2
ip route get 192.0.2.2 from 198.51.100.1
ip route get 203.0.113.9 from 198.51.100.1
ip route get 192.0.2.2 from 203.0.113.1
ip route get 192.0.2.2 from 192.0.2.1 oif veth0
ip route get 192.0.2.2 oif lo
ip route
