# sysctl as procps prints it: a directory listed in order (deprecated neighbour keys left out), -r,
# -n, -q, ip_forward resetting every device's forwarding and accept_redirects, a write to default
# reaching the devices that never set the key by hand.
ip link add veth0 type veth peer name veth1
sysctl net.ipv4.conf.veth0
sysctl net.ipv4.neigh.veth0
sysctl -a -r 'net.ipv4.conf.veth1.arp'
sysctl -n net.ipv4.conf.all.forwarding
sysctl -w net.ipv4.ip_forward=1
sysctl net.ipv4.conf.veth0.forwarding net.ipv4.conf.default.forwarding net.ipv4.conf.all.accept_redirects
sysctl -w net.ipv4.conf.default.rp_filter=2
sysctl net.ipv4.conf.veth0.rp_filter
sysctl -w net.ipv4.conf.veth1.rp_filter=1
sysctl -w net.ipv4.conf.default.rp_filter=0
sysctl net.ipv4.conf.veth0.rp_filter net.ipv4.conf.veth1.rp_filter
sysctl -q -w net.ipv4.conf.veth1.arp_ignore=2
sysctl net.ipv4.conf.veth1.arp_ignore
sysctl net.ipv4.icmp_echo_ignore_broadcasts net.ipv4.ip_default_ttl
