# The host's own traffic through the filter chains: OUTPUT DROP loses the echo request quietly, INPUT
# DROP loses the reply. Locally generated connections are tracked too, lo included. A base chain counts
# packets that meet its policy only after -P or -Z asked nf_tables for counters; a chain made for a
# rule counts nothing.
sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns add r
ip link add eth0 type veth peer name eth0 netns r
ip link set dev eth0 address 02:00:00:00:00:21
ip -n r link set dev eth0 address 02:00:00:00:00:22
sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec r sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip addr add 198.51.100.2/24 dev eth0
ip link set eth0 up
ip -n r addr add 198.51.100.1/24 dev eth0
ip -n r link set eth0 up
iptables -A OUTPUT -d 198.51.100.1 -j DROP
#> capture r:eth0
ping -c 1 -W 1 198.51.100.1
iptables -L OUTPUT -v -n
iptables -F OUTPUT
iptables -A INPUT -i eth0 -j DROP
#> capture r:eth0
ping -c 1 -W 1 198.51.100.1
iptables -L INPUT -v -n
iptables -F
iptables -A OUTPUT -m state --state NEW -j ACCEPT
ping -c 2 -i 0.2 -W 1 198.51.100.1
ping -c 1 -W 1 127.0.0.1
conntrack -L -d 198.51.100.1
conntrack -L -d 127.0.0.1
iptables -L OUTPUT -v -n
iptables -Z OUTPUT
ping -c 2 -i 0.2 -W 1 127.0.0.1
iptables -L OUTPUT -v -n
iptables -P OUTPUT ACCEPT
iptables -L OUTPUT -v -n
ping -c 1 -W 1 127.0.0.1
iptables -L OUTPUT -v -n
iptables -t nat -A OUTPUT -d 203.0.113.7 -j DNAT --to-destination 198.51.100.1
ping -c 1 -W 1 203.0.113.7
ip route add default via 198.51.100.1
ping -c 1 -W 1 203.0.113.7
conntrack -L -d 203.0.113.7
