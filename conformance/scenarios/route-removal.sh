# Which routes go away, and when (KERNEL.md 4.1, 4.2):
# - deleting one of two addresses removes only that address's prefix route; the default route
#   through the deleted subnet's gateway stays, although the gateway is no longer on-link;
# - deleting the last IPv4 address of a device flushes every route through it, default included;
# - taking the device down removes its prefix, static and default routes (the `local` routes in
#   table local stay); bringing it up again restores only the prefix route;
# - losing carrier (the veth peer goes down) removes nothing: the routes are marked linkdown.
# promote_secondaries is off, as in a kernel with its own defaults.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
sysctl -w net.ipv4.conf.all.promote_secondaries=0
sysctl -w net.ipv4.conf.default.promote_secondaries=0
ip link add veth0 type veth peer name veth1
ip link set veth0 up
ip link set veth1 up
ip addr add 192.0.2.1/24 dev veth0
ip addr add 198.51.100.1/24 dev veth0
ip route add default via 192.0.2.254
ip route add 203.0.113.0/24 via 198.51.100.254
ip route
ip addr del 192.0.2.1/24 dev veth0
ip route
ip route get 203.0.113.9
ip addr del 198.51.100.1/24 dev veth0
ip route
ip addr add 192.0.2.1/24 dev veth0
ip route add default via 192.0.2.254
ip route add 10.9.0.0/16 dev veth0
ip route
ip link set veth0 down
ip route
ip route show table local
ip link set veth0 up
ip route
ip route add default via 192.0.2.254
ip link set veth1 down
ip route
ip route get 203.0.113.9
ip link set veth1 up
ip route
