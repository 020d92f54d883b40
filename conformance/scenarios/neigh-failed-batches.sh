# Neighbour resolution that fails (KERNEL.md 3.3): the first packet for 192.0.2.99 makes an
# INCOMPLETE entry, which sends 3 broadcast requests 1 s apart (mcast_solicit 3, retrans_time 1 s)
# while further packets queue on it. At 3 s the entry is FAILED and every queued packet comes back
# as "Destination Host Unreachable" from the host's own address, all at once. The next packet
# starts over. Nobody answers: the far end of the wire, in namespace void, has no address.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add void
ip link add veth0 type veth peer name eth0 netns void
ip link set dev veth0 address 02:00:00:00:00:01
sysctl -w net.ipv4.neigh.veth0.base_reachable_time_ms=3600000 net.ipv4.neigh.veth0.delay_first_probe_time=3600
sysctl net.ipv4.neigh.veth0.mcast_solicit net.ipv4.neigh.veth0.retrans_time_ms net.ipv4.neigh.veth0.ucast_solicit
ip addr add 192.0.2.1/24 dev veth0
ip link set veth0 up
ip -n void link set eth0 up
#> capture veth0
ping -c 4 -i 0.5 192.0.2.99
ip neigh
#> capture veth0
ping -c 1 192.0.2.99
ip neigh
