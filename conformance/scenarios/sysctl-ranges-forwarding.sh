# sysctl: ip_forward and all/default/device forwarding moving together (the value copied as written),
# default values taken by new devices, -n/-e/-q, and the writes the kernel refuses (proc_dointvec_minmax
# ranges) or takes as they are (most devconf keys have no range).
ip link add veth0 type veth peer name veth1
sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv4.conf.default.forwarding net.ipv4.conf.veth0.forwarding
sysctl -w net.ipv4.ip_forward=1
sysctl net.ipv4.conf.all.forwarding net.ipv4.conf.default.forwarding net.ipv4.conf.veth0.forwarding net.ipv4.conf.lo.forwarding
sysctl -w net.ipv4.conf.veth0.forwarding=0
sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding
sysctl -w net.ipv4.conf.all.forwarding=0
sysctl net.ipv4.ip_forward net.ipv4.conf.veth1.forwarding net.ipv4.conf.default.forwarding
sysctl -w net.ipv4.conf.default.forwarding=1
ip link add veth2 type veth peer name veth3
sysctl net.ipv4.conf.veth2.forwarding net.ipv4.ip_forward
sysctl -w net.ipv4.conf.default.rp_filter=2
ip link add veth4 type veth peer name veth5
sysctl net.ipv4.conf.veth4.rp_filter net.ipv4.conf.veth0.rp_filter
sysctl -w net.ipv4.conf.default.arp_ignore=1
sysctl net.ipv4.conf.veth0.arp_ignore
sysctl -n net.ipv4.conf.veth4.arp_ignore
sysctl -e net.ipv4.conf.nope.arp_ignore
sysctl net.ipv4.conf.nope.arp_ignore
sysctl -w net.ipv4.conf.veth0.arp_ignore=9
sysctl -w net.ipv4.conf.veth0.arp_ignore=x
sysctl -q -w net.ipv4.conf.veth0.arp_ignore=2
sysctl net.ipv4.conf.veth0.arp_ignore
sysctl -w net.ipv4.ip_default_ttl=0
sysctl -w net.ipv4.ip_default_ttl=300
sysctl -w net.ipv4.ip_default_ttl=32
sysctl net.ipv4.ip_default_ttl
sysctl net.ipv4.neigh.veth0.gc_stale_time net.ipv4.neigh.veth0.ucast_solicit net.ipv4.neigh.veth0.mcast_solicit net.ipv4.neigh.veth0.retrans_time_ms
sysctl net.ipv4.conf.veth0
sysctl -w net.ipv4.ip_forward=2 net.ipv4.icmp_echo_ignore_all=2 net.ipv4.icmp_echo_ignore_broadcasts=3 net.ipv4.icmp_ratelimit=-1 net.ipv4.icmp_errors_use_inbound_ifaddr=2
sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv4.conf.veth0.forwarding
sysctl -w net.ipv4.conf.veth0.rp_filter=3 net.ipv4.conf.veth0.arp_filter=-1 net.ipv4.neigh.veth0.base_reachable_time_ms=0 net.ipv4.neigh.veth0.ucast_solicit=-1
