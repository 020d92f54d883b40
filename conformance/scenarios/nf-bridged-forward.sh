# br_netfilter (bridge-nf-call-iptables=1 in every namespace of the recording machine): bridged IPv4
# passes FORWARD with in and out the bridge, so a DROP policy stops pings between two ports and
# conntrack tracks them; the sysctl turns it off.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add c1
ip netns add c2
ip link add br0 type bridge
ip link set br0 up
ip addr add 10.20.0.1/24 dev br0
ip link add v1 type veth peer name eth0 netns c1
ip link add v2 type veth peer name eth0 netns c2
ip link set v1 address 02:00:00:00:01:01
ip link set v2 address 02:00:00:00:02:01
ip -n c1 link set eth0 address 02:00:00:00:01:02
ip -n c2 link set eth0 address 02:00:00:00:02:02
ip link set v1 master br0
ip link set v2 master br0
ip link set v1 up
ip link set v2 up
ip -n c1 addr add 10.20.0.2/24 dev eth0
ip -n c2 addr add 10.20.0.3/24 dev eth0
ip -n c1 link set eth0 up
ip -n c2 link set eth0 up
ip netns exec c1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip netns exec c2 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
sysctl net.bridge.bridge-nf-call-iptables
iptables -P FORWARD DROP
#> capture v1 v2
ip netns exec c1 ping -c 1 -W 1 10.20.0.3
iptables -L FORWARD -n -v
iptables -A FORWARD -i br0 -o br0 -p icmp --icmp-type echo-request -j ACCEPT
iptables -A FORWARD -m conntrack --ctstate ESTABLISHED -j ACCEPT
ip netns exec c1 ping -c 2 -i 0.3 -W 1 10.20.0.3
iptables -L FORWARD -n -v
conntrack -L
# conntrack lists its hash table in an order that changes from run to run: one entry at a time
conntrack -F
ip netns exec c1 ping -c 1 -W 1 10.20.0.1
conntrack -L
iptables -A INPUT -i br0 -p icmp -j DROP
ip netns exec c2 ping -c 1 -W 1 10.20.0.1
iptables -L INPUT -n -v
sysctl -w net.bridge.bridge-nf-call-iptables=0
iptables -Z
ip netns exec c2 ping -c 1 -W 1 10.20.0.2
iptables -L FORWARD -n -v
sysctl -w net.bridge.bridge-nf-call-iptables=7
sysctl net.bridge.bridge-nf-call-iptables
ip netns exec c1 sysctl net.bridge.bridge-nf-call-iptables
sysctl net.bridge
