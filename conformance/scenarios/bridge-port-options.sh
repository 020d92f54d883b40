# A bridge port's options, set with ip link ... type bridge_slave and with bridge link set, as each
# tool parses them (bridge reads cost and priority with atoi(); a cost of 0 is not sent) and as
# br_setport() applies them: flags, then cost (which then no longer follows the link), priority (a
# designated port keeps being designated under its new id), state; range and on/off errors. A short
# ageing_time lets a learnt entry go. Details are shown once the forward delay timer has run down.
ip link add br0 type bridge
ip link add veth0 type veth peer name veth1
ip link add veth2 type veth peer name veth3
ip link set dev veth0 address 02:00:00:00:00:01
ip link set dev veth1 address 02:00:00:00:00:02
ip link set dev veth2 address 02:00:00:00:00:03
ip link set dev veth3 address 02:00:00:00:00:04
ip link set veth0 master br0
ip link set veth2 master br0
ip link set br0 up
ip link set veth0 up
ip link set veth1 up
ip link set veth2 up
ip link set veth3 up
ip link set dev veth0 type bridge_slave cost 10 priority 5 learning off flood off hairpin on
bridge link
bridge -d link show dev veth0
ip link set dev veth0 type bridge_slave bogus 1
ip link set dev veth0 type bridge_slave cost abc
ip link set dev veth1 type bridge_slave cost 3
ip link set dev veth0 type bridge_slave learning maybe
ip link set dev veth0 type bridge_slave state x
ip link set dev veth0 type bridge_slave priority 99
bridge link set dev veth0 bogus on
bridge link set dev veth0 state bogus
bridge link set dev veth0 state 7
bridge link set dev veth0 learning maybe
bridge link set dev veth0 mcast_router 9
bridge link set dev veth2 cost 7 priority 9 learning off
ip link set dev veth2 type bridge_slave isolated on mcast_router 2 group_fwd_mask 8 proxy_arp on
bridge link set dev veth2 guard on root_block on
bridge -d link show dev veth2
bridge link set dev veth2 learning on mcast_flood off bcast_flood off
bridge -d link show dev veth2
bridge link show dev veth2
bridge link show dev veth2
ip link set br0 type bridge ageing_time 500
ip netns add c1
ip link set veth3 netns c1
ip -n c1 link set veth3 up
ip -n c1 addr add 10.0.0.3/24 dev veth3
ip netns exec c1 arping -c 1 -U -I veth3 10.0.0.3
bridge fdb show dynamic
sleep 16
bridge fdb show dynamic
ip -d link show dev veth2
