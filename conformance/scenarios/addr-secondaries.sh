# Primary and secondary addresses (KERNEL.md 4.1, 4.2). The first address of a subnet on a device
# is primary; further ones in the same subnet are secondary, listed after all primaries, and add
# only a local route (the prefix route's src stays the primary). With promote_secondaries=0
# (the kernel's default) deleting the primary deletes its secondaries too; with 1 the first
# secondary is promoted and the prefix route follows it. An address without a prefix is a /32.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
sysctl -w net.ipv4.conf.all.promote_secondaries=0
sysctl -w net.ipv4.conf.default.promote_secondaries=0
ip link add veth0 type veth peer name veth1
ip link set veth0 up
ip link set veth1 up
ip addr add 192.0.2.1/24 dev veth0
ip addr add 192.0.2.2/24 dev veth0
ip addr add 198.51.100.1/24 dev veth0
ip addr add 192.0.2.3/24 dev veth0
ip addr show dev veth0
ip route
ip route get 192.0.2.77
ip addr del 192.0.2.1/24 dev veth0
ip addr show dev veth0
ip route
sysctl -w net.ipv4.conf.veth0.promote_secondaries=1
ip addr add 192.0.2.1/24 dev veth0
ip addr add 192.0.2.2/24 dev veth0
ip addr add 192.0.2.3/24 dev veth0
ip addr del 192.0.2.1/24 dev veth0
ip addr show dev veth0
ip route
ip route show table local
ip addr add 203.0.113.5 dev veth0
ip -br addr show dev veth0
ip route
ip addr flush dev veth0
ip -br addr show dev veth0
ip route
