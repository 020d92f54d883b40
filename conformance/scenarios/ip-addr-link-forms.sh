# ip addr add's forms: brd + and -, labels (kept through a rename as the kernel renames them), scope,
# peer (a point-to-point address whose prefix route goes to the peer), noprefixroute, /32 and /31,
# metric (shown on the address and its prefix route, and moved by replace); ip link set's flags
# (arp, multicast, allmulticast, promisc: each counted once), mtu limits, txqueuelen, alias,
# name, address and broadcast.
ip link add veth0 type veth peer name veth1
ip link set dev veth0 address 02:00:00:00:00:01
ip link set dev veth1 address 02:00:00:00:00:02
ip addr add 192.168.3.5/24 brd + dev veth0
ip addr add 192.168.3.6/24 broadcast 192.168.3.255 dev veth0 label veth0:1
ip addr add 192.168.4.5/24 dev veth0 label veth0:two
ip addr add 192.168.4.6/24 dev veth0 label bogus
ip addr add 10.1.0.1/16 dev veth0 scope link
ip addr add 10.2.0.1 peer 10.2.0.2 dev veth0
ip addr add 10.3.0.1 peer 10.3.0.0/24 dev veth0
ip addr add 10.4.0.1/24 dev veth0 noprefixroute
ip addr add 10.5.0.1/32 dev veth0
ip addr add 10.6.0.1/31 dev veth0
ip addr add 10.7.0.1/24 brd - dev veth0
ip addr add 10.8.0.1/24 dev veth0 metric 50
ip addr
ip -br addr
ip route show table all
ip addr replace 10.8.0.1/24 dev veth0 metric 60
ip addr change 10.9.0.1/24 dev veth0
ip addr add 192.168.3.5/24 dev veth0
ip addr del 192.168.3.5 dev veth0
ip addr del 192.168.3.6/24 dev veth0
ip -o addr show dev veth0
ip route
ip link set veth0 up
ip route
ip link set dev veth0 arp off
ip link show dev veth0
ip link set dev veth0 multicast off
ip link set dev veth0 allmulticast on
ip link show dev veth0
ip link set dev veth0 arp on multicast on allmulticast off
ip link set dev veth0 mtu 67
ip link set dev veth0 mtu 70000
ip link set dev veth0 mtu 9000
ip link set dev veth0 txqueuelen 500
ip link set dev veth0 alias "uplink port"
ip link show dev veth0
ip link set dev veth0 down
ip link set dev veth0 name uplink
ip -br link show
ip link set dev uplink name veth0
ip link set dev veth0 address 01:00:00:00:00:01
ip link set dev veth0 address 00:00:00:00:00:00
ip link set dev veth0 broadcast 02:ff:ff:ff:ff:ff
ip link show dev veth0
ip link set dev veth0 promisc on allmulticast on
ip -d link show dev veth0
ip link set dev veth0 promisc off allmulticast off alias ""
ip -d link show dev veth0
ip addr show dev veth0 to 10.2.0.0/16
