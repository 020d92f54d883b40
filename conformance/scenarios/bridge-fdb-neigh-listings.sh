# Listings of the bridge FDB (self entries for the multicast groups devices joined, even with IPv6
# off), brport filtering, a static entry, link filters, route get for broadcast/loopback, route,
# neighbour entries added by hand in several states, nud all showing br0's IGMP group 224.0.0.22.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip link add br0 type bridge
ip link set br0 address 02:00:00:00:00:10
ip link set br0 up
ip link add veth0 type veth peer name veth1
ip link set dev veth0 address 02:00:00:00:00:01
ip link set dev veth1 address 02:00:00:00:00:02
ip link set veth0 master br0
ip link set veth0 up
ip link set veth1 up
ip addr add 192.0.2.1/24 dev br0
ip addr add 192.0.2.2/24 dev veth1
bridge fdb show
bridge fdb show br br0
bridge fdb show brport veth0
bridge fdb add 02:00:00:00:00:99 dev veth0 master static
bridge fdb show br br0
ip link show type bridge
ip link show master br0
ip -br link show type veth
ip route show table all
ip route get 192.0.2.255
ip route get 127.0.0.1
ip route get 0.0.0.0
route
ip neigh add 192.0.2.50 lladdr 02:00:00:00:00:50 dev br0
ip neigh add 192.0.2.51 lladdr 02:00:00:00:00:51 dev br0 nud stale
ip neigh add 192.0.2.52 dev br0 nud noarp lladdr 02:00:00:00:00:52
ip neigh
ip neigh show nud all
ip neigh show dev br0
ip neigh del 192.0.2.51 dev br0
ip neigh flush dev br0
ip neigh show nud all
arp -n
