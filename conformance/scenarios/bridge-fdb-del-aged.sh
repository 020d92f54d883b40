# `bridge fdb del` of a learnt entry that has aged out: setting ageing_time runs br_fdb_cleanup() at
# once (br_set_ageing_time(): mod_delayed_work(&br->gc_work, 0)), and with ageing_time 0 every learnt
# entry is expired (has_expired()), so it is deleted then and fdb_delete_by_addr_and_port() finds
# nothing: ENOENT. Entries learnt afterwards under a long ageing time are deleted once, then ENOENT.
ip netns add a
ip netns add b
ip link add br0 type bridge mcast_snooping 0
ip link set br0 address 02:00:00:00:00:10
ip link add va type veth peer name eth0 netns a
ip link add vb type veth peer name eth0 netns b
ip link set va address 02:00:00:00:00:03
ip link set vb address 02:00:00:00:00:04
ip -n a link set eth0 address 02:00:00:00:00:a1
ip -n b link set eth0 address 02:00:00:00:00:b1
ip netns exec a sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec b sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip link set va master br0
ip link set vb master br0
ip -n a addr add 10.9.0.11/24 dev eth0
ip -n b addr add 10.9.0.12/24 dev eth0
ip link set br0 up
ip link set va up
ip link set vb up
ip -n a link set eth0 up
ip -n b link set eth0 up
sleep 1
ip netns exec a ping -c 1 -W 1 10.9.0.12
bridge fdb show br br0 dynamic
ip link set br0 type bridge ageing_time 0
bridge fdb del 02:00:00:00:00:a1 dev va master
bridge fdb show br br0 dynamic
ip link set br0 type bridge ageing_time 30000
ip netns exec a ping -c 1 -W 1 10.9.0.12
bridge fdb del 02:00:00:00:00:a1 dev va master
bridge fdb del 02:00:00:00:00:a1 dev va master
bridge fdb show br br0 dynamic
