# FDB learning (br_handle_frame_finish(), br_fdb_update()). Three hosts h1-h3 hang off br0, which
# has no address. At first the bridge knows only its ports' own MACs (permanent local entries) and
# floods: h1's broadcast ARP request reaches h2 and h3. It learns h1's MAC from that request, so
# h2's unicast reply goes to h1's port only; then it learns h2's, and the echo request and reply
# go port to port: h3 sees only the broadcast. A frame to an unknown MAC is flooded to every port
# but the one it came in on. The full listing also shows the devices' multicast address lists
# ("self permanent"), which are not FDB entries.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip link add name br0 type bridge
ip link set br0 up
ip netns add h1
ip netns add h2
ip netns add h3
ip netns exec h1 sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec h2 sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec h3 sysctl -w net.ipv4.conf.all.rp_filter=0
ip link add vh1 type veth peer name eth0 netns h1
ip link add vh2 type veth peer name eth0 netns h2
ip link add vh3 type veth peer name eth0 netns h3
ip link set dev vh1 address 6e:5f:3a:10:00:01
ip link set dev vh2 address 6e:5f:3a:10:00:02
ip link set dev vh3 address 6e:5f:3a:10:00:03
ip -n h1 link set dev eth0 address 02:00:00:00:00:01
ip -n h2 link set dev eth0 address 02:00:00:00:00:02
ip -n h3 link set dev eth0 address 02:00:00:00:00:03
ip netns exec h1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec h2 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec h3 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip -n h1 addr add 192.168.5.1/24 dev eth0
ip -n h2 addr add 192.168.5.2/24 dev eth0
ip -n h3 addr add 192.168.5.3/24 dev eth0
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
ip -n h3 link set eth0 up
ip link set vh1 master br0
ip link set vh2 master br0
ip link set vh3 master br0
ip link set vh1 up
ip link set vh2 up
ip link set vh3 up
bridge fdb show br br0 dynamic
#> capture h2:eth0 h3:eth0
ip netns exec h1 ping -c 1 -W 1 192.168.5.2
bridge fdb show br br0 dynamic
bridge fdb show br br0
ip -n h3 neigh add 192.168.5.99 lladdr 02:00:00:00:00:99 dev eth0
#> capture h1:eth0 h2:eth0
ip netns exec h3 ping -c 1 -W 1 192.168.5.99
bridge fdb show br br0 dynamic
#> capture h2:eth0 h3:eth0
ip netns exec h1 ping -c 1 -W 1 192.168.5.3
bridge fdb show br br0 dynamic
