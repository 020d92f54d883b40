# Ports that stop working (KERNEL.md 1.4, 1.5): a port is forwarding only while it is up, has
# carrier and br0 is up; otherwise bridge link shows it "disabled", and br_stp_disable_port()
# flushes the dynamic FDB entries learned on it. br0 has carrier while at least one port is
# forwarding. Here vh2 is taken down by hand; then h1 takes its own end down, so vh1 loses carrier;
# with no forwarding port left br0 loses carrier too. Bringing things back makes the ports
# forwarding again at once (no STP), but the flushed entries must be learned anew. Taking br0
# itself down disables every port.
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
ip netns exec h1 ping -c 1 -W 1 192.168.5.2
ip netns exec h1 ping -c 1 -W 1 192.168.5.3
bridge fdb show br br0 dynamic
ip link set vh3 nomaster
bridge link
bridge fdb show br br0 dynamic
ip link set vh2 down
bridge link
ip -br link
ip -n h2 -br link show dev eth0
bridge fdb show br br0 dynamic
ip -n h1 link set eth0 down
bridge link
ip -br link show dev br0
bridge fdb show br br0 dynamic
ip link set vh2 up
ip -n h1 link set eth0 up
bridge link
ip -br link show dev br0
bridge fdb show br br0 dynamic
ip link set br0 down
bridge link
ip link set br0 up
bridge link
