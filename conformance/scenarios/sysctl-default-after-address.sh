# A device follows writes to net.ipv4.conf.default.* only until it is given an address: ip addr add sets
# every key as its own (ipv4_devconf_setall), even when the add itself fails.
ip link add e0 type veth peer name p0
ip link add e1 type veth peer name p1
ip link add e2 type veth peer name p2
sysctl -w net.ipv4.conf.default.arp_filter=1
sysctl net.ipv4.conf.e0.arp_filter net.ipv4.conf.e1.arp_filter net.ipv4.conf.e2.arp_filter
ip addr add 10.1.0.10/24 dev e0
ip addr add 10.1.0.10/24 dev e1
ip addr del 10.1.0.10/24 dev e1
sysctl -w net.ipv4.conf.default.arp_filter=0
sysctl -w net.ipv4.conf.default.arp_ignore=2
sysctl -w net.ipv4.conf.default.rp_filter=2
sysctl net.ipv4.conf.e0.arp_filter net.ipv4.conf.e1.arp_filter net.ipv4.conf.e2.arp_filter
sysctl net.ipv4.conf.e0.arp_ignore net.ipv4.conf.e1.arp_ignore net.ipv4.conf.e2.arp_ignore net.ipv4.conf.p0.arp_ignore
sysctl net.ipv4.conf.e0.rp_filter net.ipv4.conf.e2.rp_filter
ip addr add 10.1.0.10/24 dev e0
sysctl -w net.ipv4.conf.default.arp_announce=2
sysctl net.ipv4.conf.e0.arp_announce net.ipv4.conf.e2.arp_announce
ip addr add 10.2.0.10/33 dev e2
sysctl -w net.ipv4.conf.default.arp_announce=1
sysctl net.ipv4.conf.e2.arp_announce
ip link add e3 type veth peer name p3
sysctl net.ipv4.conf.e3.arp_announce net.ipv4.conf.e3.arp_ignore net.ipv4.conf.e3.arp_filter
