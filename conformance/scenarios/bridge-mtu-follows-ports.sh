# A bridge's MTU follows its ports (br_mtu_auto_adjust(), br_mtu_min()) until the user sets it
# (BROPT_MTU_SET_BY_USER, set by br_change_mtu()): a port joining with MTU 1400 lowers br0 to 1400,
# raising it again raises br0, lowering another port lowers br0, the last port leaving gives back
# 1500. Setting br0's MTU to the value it already has changes nothing (dev_set_mtu_ext() returns
# early), so it keeps following; a real change sticks. The host then fragments to br0's MTU.
sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns add h1
ip netns exec h1 sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec h1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip link add br0 type bridge
ip link add p1 mtu 1400 type veth peer name eth0 netns h1
ip link add p2 type veth peer name q2
ip link set dev p1 address 6e:5f:3a:30:00:01
ip link set dev p2 address 6e:5f:3a:30:00:02
ip -n h1 link set dev eth0 address 02:00:00:00:03:01
ip link show br0
ip link set p1 master br0
ip link show br0
ip link set p2 master br0
ip link show br0
ip link set p1 mtu 1500
ip link show br0
ip link set p2 mtu 1300
ip link show br0
ip link set p1 mtu 9000
ip link show br0
ip link set p2 nomaster
ip link show br0
ip link set p2 master br0
ip link show br0
ip link set br0 mtu 1300
ip link set p2 mtu 1500
ip link show br0
ip link set p2 mtu 1280
ip link show br0
ip link set br0 mtu 1400
ip link set p2 mtu 1500
ip link show br0
ip link set p2 nomaster
ip link show br0
ip -n h1 link set eth0 mtu 1500
ip -n h1 addr add 10.3.0.2/24 dev eth0
ip -n h1 link set eth0 up
ip link set p1 up
ip addr add 10.3.0.1/24 dev br0
ip link set br0 up
ip netns exec h1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000
ip -n h1 neigh replace 10.3.0.1 lladdr 6e:5f:3a:30:00:01 dev eth0 nud permanent
ip neigh replace 10.3.0.2 lladdr 02:00:00:00:03:01 dev br0 nud permanent
#> capture p1
ping -c 1 -W 1 -s 1450 10.3.0.2
ip link set p1 mtu 1200
ip link show br0
#> capture p1
ping -c 1 -W 1 -s 1450 10.3.0.2
