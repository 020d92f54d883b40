# ip netns ids and the loopback subnet: ids set by hand or allocated (the lowest free one, also when a
# veth end names a peer in another namespace), list-id, identify inside exec, the errors of set; lo
# down and up; any 127/8 address answers, since __ip_dev_find() falls back to the local table. ip netns
# list is asked only with one namespace: it prints /run/netns in directory order, which on this
# machine's ext4 follows a hash of the (runner-prefixed) names.
ip netns add c1
ip netns add c2
ip netns list-id
ip netns set c1 7
ip netns set c1 8
ip netns identify
ip netns exec c1 ip netns identify
ip netns exec c3 true
ip netns add c1
ip netns delete c3
ip netns del c2
ip netns
ip -n c1 link set lo down
ip -n c1 -br link
ip netns exec c1 ping -c 1 -W 1 127.0.0.1
ip -n c1 link set lo up
ip netns exec c1 ping -c 1 -W 1 127.0.0.1
ip netns exec c1 ping -c 1 -W 1 127.0.0.2
ip netns add c2
ip netns set c2 7
ip netns set c3 5
ip netns set c2 -5
ip netns set c2 abc
ip netns set c2 auto
ip netns list-id
ip netns add c4
ip link add v4 type veth peer name v4p netns c4
ip link show dev v4
ip netns list-id
ip netns exec c1 ping -c 1 -W 1 -I lo 127.0.0.3
