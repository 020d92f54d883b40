# FDB flags and the kernel's answers (net/bridge/br_fdb.c fdb_add_entry(), br_fdb_update(),
# fdb_delete_by_addr_and_port(); iproute2 bridge/fdb.c fdb_modify(), print_fdb()). iproute2 prints
# the entry's flags (sticky) before "master BR" and its state last: "dev p3 sticky master br0 static".
# A sticky entry cannot be permanent (EINVAL), and learning never moves it to another port, while a
# plain static entry roams to the port its address was last seen on. add on an existing entry is
# EEXIST, replace moves it and takes the new flags, del must name the port the entry is on.
ip netns add h1
ip netns add h2
ip netns add h3
ip link add br0 type bridge mcast_snooping 0
ip link add p1 type veth peer name eth0 netns h1
ip link add p2 type veth peer name eth0 netns h2
ip link add p3 type veth peer name eth0 netns h3
ip link set dev p1 address 6e:5f:3a:40:00:01
ip link set dev p2 address 6e:5f:3a:40:00:02
ip link set dev p3 address 6e:5f:3a:40:00:03
ip -n h1 link set dev eth0 address 02:00:00:00:05:01
ip -n h2 link set dev eth0 address 02:00:00:00:05:02
ip -n h3 link set dev eth0 address 02:00:00:00:05:03
ip netns exec h1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec h2 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec h3 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip link set p1 master br0
ip link set p2 master br0
ip link set p3 master br0
ip -n h1 addr add 10.5.0.1/24 dev eth0
ip -n h2 addr add 10.5.0.2/24 dev eth0
ip -n h3 addr add 10.5.0.3/24 dev eth0
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
ip -n h3 link set eth0 up
ip link set p1 up
ip link set p2 up
ip link set p3 up
ip link set br0 up
bridge fdb add 02:00:00:00:05:02 dev p3 master sticky
bridge fdb add 02:00:00:00:05:02 dev p3 master static sticky
bridge fdb add 02:00:00:00:05:01 dev p3 master static
bridge fdb show br br0
bridge fdb add 02:00:00:00:05:01 dev p1 master static
bridge fdb add 02:00:00:00:05:03 dev p3 master dynamic sticky
bridge fdb add 02:00:00:00:05:09 dev p3 master sticky dynamic
bridge fdb show br br0 dynamic
#> capture p2 p3
ip netns exec h2 ping -c 1 -W 1 10.5.0.1
bridge fdb show br br0 dynamic
#> capture p1 p3
ip netns exec h1 ping -c 1 -W 1 10.5.0.2
bridge fdb show br br0 dynamic
bridge fdb del 02:00:00:00:05:02 dev p2 master
bridge fdb del 02:00:00:00:05:02 dev p3 master sticky
bridge fdb add 02:00:00:00:05:02 dev p3 master static sticky
bridge fdb replace 02:00:00:00:05:02 dev p2 master static
bridge fdb show br br0 dynamic
bridge fdb replace 02:00:00:00:05:02 dev p2 master permanent sticky
bridge fdb replace 02:00:00:00:05:02 dev p2 master sticky
bridge fdb replace 02:00:00:00:05:02 dev p2 master static sticky
bridge fdb replace 02:00:00:00:05:01 dev p1 master
bridge fdb replace 02:00:00:00:05:03 dev p3 master dynamic
bridge fdb append 02:00:00:00:05:03 dev p2 master static
bridge fdb show br br0
bridge fdb add 02:00:00:00:05:07 dev br0 self static
bridge fdb add 02:00:00:00:05:07 dev br0 self dynamic
bridge fdb add 02:00:00:00:05:07 dev br0 self
bridge fdb replace 02:00:00:00:05:07 dev br0 self
bridge fdb add 02:00:00:00:05:07 dev br0 self
bridge fdb add 02:00:00:00:05:08 dev p2 self
bridge fdb add 02:00:00:00:05:08 dev p2 self
bridge fdb replace 02:00:00:00:05:08 dev p2 self
bridge fdb add 02:00:00:00:05:08 dev p2 self sticky
bridge fdb add 02:00:00:00:05:0a dev p2 self static
bridge fdb del 02:00:00:00:05:02 dev p2 master static
bridge fdb del 02:00:00:00:05:02 dev p2 master
bridge fdb del 02:00:00:00:05:07 dev br0
bridge fdb del 02:00:00:00:05:07 dev br0
bridge fdb show br br0
