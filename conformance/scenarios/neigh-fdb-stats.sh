# ip -s neigh and bridge -s fdb: whole seconds since an entry was used, confirmed and updated, its
# probes, and the reference its timer (or ip neigh get) holds.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add a
ip link add br0 type bridge
ip link add veth0 type veth peer name eth0 netns a
ip link set veth0 address 02:00:00:00:00:05
ip -n a link set eth0 address 02:00:00:00:00:a1
ip link set veth0 master br0
ip link set veth0 up
ip link set br0 up
ip addr add 10.11.0.1/24 dev br0
ip -n a addr add 10.11.0.2/24 dev eth0
ip -n a link set eth0 up
ping -c 1 -W 1 10.11.0.2
ping -c 1 -W 1 10.11.0.9
ip neigh add 10.11.0.50 lladdr 02:00:00:00:00:50 dev br0
ip -s neigh
ip -n a -s neigh
bridge -s fdb show br br0 dynamic
ip -s neigh get 10.11.0.2 dev br0
ip -s neigh get 10.11.0.50 dev br0
