# Output forms of ip: -o (one line per address, no link lines), -4 (devices without IPv4 left out),
# -br, a filter's field not printed again (scope, dev), labels, secondaries, promisc and arp off in
# the flags, mtu and txqueuelen, deleting a primary with its secondary, flush.
sysctl -w net.ipv4.conf.all.rp_filter=0
ip link add veth0 type veth peer name veth1
ip link set dev veth0 address 02:00:00:00:00:01
ip link set dev veth1 address 02:00:00:00:00:02
ip addr add 192.0.2.1/24 brd + dev veth0
ip addr add 192.0.2.7/24 dev veth0
ip addr add 198.51.100.1/24 dev veth0 label veth0:1
ip link set veth0 up
ip link set veth1 up
ip -o addr
ip -o link
ip -4 -o addr show dev veth0
ip addr show dev veth0
ip -br -4 addr
ip link show up
ip route show table local
ip route list scope link
ip -o route
ip route show dev veth0
ip route get 192.0.2.7
ip route get 192.0.2.7 from 192.0.2.1
ip route get 198.51.100.9 oif veth0
ip neigh show dev veth0
ip link set veth0 promisc on
ip link show veth0
ip link set veth0 arp off
ip link show veth0
ip link set veth0 mtu 1400
ip -br link show veth0
ip link set veth0 txqueuelen 500
ip link show veth0
ip addr del 192.0.2.1/24 dev veth0
ip addr show dev veth0
ip addr flush dev veth0
ip -br addr show dev veth0
