# The routes an address brings (fib_add_ifaddr(), KERNEL.md 4.1): always `local ADDR` in table
# local; while the device is up, for a primary address the prefix route in main (none for /32) and,
# below /31, the subnet broadcast; `brd +` adds the broadcast address to the address itself.
# Secondary addresses add only their local route. `ip route show table local` lists them sorted
# by address; with the device down only the local routes remain.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip link add veth0 type veth peer name veth1
ip link set veth0 up
ip link set veth1 up
ip route show table local
ip addr add 192.0.2.1/24 brd + dev veth0
ip addr add 192.0.2.9/24 dev veth0
ip addr add 198.51.100.7/32 dev veth0
ip addr add 203.0.113.1/31 dev veth0
ip addr add 10.1.2.3/8 dev veth1
ip addr show dev veth0
ip -br addr
ip route show table local
ip route
ip route show table all
ip link set veth0 down
ip route show table local
ip route
