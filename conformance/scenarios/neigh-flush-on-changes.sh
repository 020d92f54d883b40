# A device's neighbours go when its MAC changes (br0 taking a port's address, or set by hand, even to the
# same one) and when ARP is switched off or on while it runs; a port's peer going down and up at once
# is too quick for br0's carrier loss to reach ARP (linkwatch runs its non-urgent round a second later).
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add a
ip link add br0 type bridge
ip link add veth0 type veth peer name eth0 netns a
ip link set veth0 address 02:00:00:00:00:05
ip -n a link set eth0 address 02:00:00:00:00:a1
sysctl -w net.ipv4.neigh.br0.base_reachable_time_ms=3600000 net.ipv4.neigh.br0.delay_first_probe_time=3600
ip netns exec a sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip link set veth0 master br0
ip link set veth0 up
ip link set br0 up
ip addr add 10.10.0.1/24 dev br0
ip -n a addr add 10.10.0.2/24 dev eth0
ip -n a link set eth0 up
ping -c 1 -W 1 10.10.0.2
ip neigh add 10.10.0.50 lladdr 02:00:00:00:00:50 dev br0
ip neigh
ip link add dummyv type veth peer name dummyp
ip link set dummyv address 02:00:00:00:00:01
ip link set dummyv master br0
ip -br link show br0
ip neigh
ip -n a neigh
ping -c 1 -W 1 10.10.0.2
ip neigh
ip link set dummyv nomaster
ip -br link show br0
ip neigh
ip link set br0 address 02:00:00:00:00:05
ip neigh
ping -c 1 -W 1 10.10.0.2
ip link set br0 address 02:00:00:00:00:05
ip neigh
ip -n a neigh
ip netns exec a ping -c 1 -W 1 10.10.0.1
ip -n a link set eth0 arp off
ip -n a neigh show nud all
#> capture veth0
ip netns exec a ping -c 1 -W 1 10.10.0.1
ip -n a neigh show nud all
ip -n a link set eth0 arp on
ip -n a neigh show nud all
ip -n a link set eth0 down
ip -n a link set eth0 arp off
ip -n a link set eth0 up
ip -n a neigh show nud all
ip neigh
