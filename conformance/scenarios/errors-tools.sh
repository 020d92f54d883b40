# Mistakes with ping, arping and sysctl, with iputils 20221126 and procps sysctl texts: usage
# errors, bad option values, a missing device, a network with no route, a broadcast address, lo
# down (a fresh namespace has it up, the scenario takes it down), and sysctl keys that do not exist
# or values the kernel refuses.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip link add veth0 type veth peer name veth1
ip addr add 192.0.2.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ping
ping -c
ping -c 0 192.0.2.1
ping -c abc 192.0.2.1
ping -W -1 192.0.2.1
ping -t 256 192.0.2.1
ping -I nosuch -c 1 192.0.2.2
ping -I veth1 -c 1 -W 1 192.0.2.2
ping -c 1 -W 1 198.51.100.1
ping -c 1 -W 1 192.0.2.255
ping -c 1 -W 1 -b 192.0.2.255
arping
arping -c 1 -w 1 192.0.2.2
arping -I nosuch -c 1 -w 1 192.0.2.2
arping -I veth1 -c 1 -w 1 192.0.2.2
arping -I veth0 -c 1 -w 1 -s 198.51.100.1 192.0.2.2
sysctl -w net.ipv4.conf.nosuch.rp_filter=1
sysctl -w net.ipv4.ip_forward=abc
sysctl -w net.ipv4.conf.all.arp_ignore=9
sysctl -w net.ipv4.conf.all.rp_filter
sysctl net.ipv4.nosuch
sysctl -w net.ipv4.neigh.veth0.base_reachable_time_ms=-5
sysctl net.ipv4.conf.veth0.arp_ignore net.ipv4.conf.veth0.rp_filter
ip link set lo down
ping -c 1 -W 1 127.0.0.1
ping -c 1 -W 1 192.0.2.1
ip link set lo up
ping -c 1 -W 1 127.0.0.1
