# With br_netfilter loaded (this machine, like Docker's hosts: net.bridge.bridge-nf-call-iptables=1), every
# bridged IPv4 packet carries nf_bridge info even with no iptables rule anywhere, and one too big for the
# egress port leaves in fragments if DF is clear (br_nf_dev_queue_xmit() -> br_nf_ip_fragment()), sized to
# the bridge's own MTU (its fake route's, fake_mtu()); with DF set it is dropped, uncounted. h2's reply,
# bigger than p2's MTU, dies on p2's receive side (counted as p2's rx drop) until h2's MTU is lowered too.
ip netns add h1
ip netns add h2
ip link add br0 type bridge mcast_snooping 0
ip link add p1 type veth peer name eth0 netns h1
ip link add p2 type veth peer name eth0 netns h2
ip link set dev p1 address 6e:5f:3a:31:00:01
ip link set dev p2 address 6e:5f:3a:31:00:02
ip -n h1 link set dev eth0 address 02:00:00:00:04:01
ip -n h2 link set dev eth0 address 02:00:00:00:04:02
ip netns exec h1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec h2 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip link set p1 master br0
ip link set p2 master br0
ip link set p2 mtu 1000
ip -n h1 addr add 10.4.0.1/24 dev eth0
ip -n h2 addr add 10.4.0.2/24 dev eth0
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
ip link set p1 up
ip link set p2 up
ip link set br0 up
sleep 1
#> capture p2 h2:eth0
ip netns exec h1 ping -c 1 -W 1 -s 1200 -M dont 10.4.0.2
ip -s link show p2
ip -n h2 link set eth0 mtu 1000
#> capture p1 p2
ip netns exec h1 ping -c 1 -W 1 -s 1200 -M dont 10.4.0.2
#> capture p2
ip netns exec h1 ping -c 1 -W 1 -s 1200 -M do 10.4.0.2
ip link set br0 mtu 800
ip link show br0
#> capture p2
ip netns exec h1 ping -c 1 -W 1 -s 1200 -M dont 10.4.0.2
#> capture p2
ip netns exec h1 ping -c 1 -W 1 -s 900 -M dont 10.4.0.2
ip link set p2 mtu 1500
ip -n h2 link set eth0 mtu 1500
#> capture p2
ip netns exec h1 ping -c 1 -W 1 -s 1200 -M dont 10.4.0.2
ip -s link show p2
ip -n h2 -s link show eth0
