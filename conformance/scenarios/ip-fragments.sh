# IPv4 fragmentation on one link: a ping longer than the MTU leaves in fragments of a multiple of 8
# bytes and is reassembled before it is answered (tcpdump names only the first fragment's ICMP; the
# others are ip-proto-1); -M do refuses it locally with EMSGSIZE, -M dont fragments anyway, and past
# IP's 64 KiB every packet is refused (or, past ping's buffer, silently not sent).
ip netns add c1
ip link add veth0 type veth peer name veth1 netns c1
ip link set dev veth0 address 02:00:00:00:00:01
ip -n c1 link set dev veth1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev veth0
ip -n c1 addr add 10.0.0.2/24 dev veth1
ip link set veth0 up
ip -n c1 link set veth1 up
sysctl -w net.ipv4.neigh.veth0.base_reachable_time_ms=3600000 net.ipv4.neigh.veth0.delay_first_probe_time=3600
ip netns exec c1 sysctl -w net.ipv4.neigh.veth1.base_reachable_time_ms=3600000 net.ipv4.neigh.veth1.delay_first_probe_time=3600
#> capture veth0
ping -c 1 -s 2000 10.0.0.2
ping -c 1 -s 1472 -M do 10.0.0.2
ping -c 1 -s 1473 -M do 10.0.0.2
ping -c 1 -s 1473 -M probe 10.0.0.2
ping -c 1 -s 65529 127.0.0.1
ping -c 1 -s 65508 127.0.0.1
ping -c 1 -s 2147483648 127.0.0.1
ping -c 1 -s 1473 -M maybe 10.0.0.2
#> capture veth0
ping -c 1 -s 3000 -M dont 10.0.0.2
ping -c 1 -s 65508 10.0.0.2
ping -c 1 -s 65507 -q 10.0.0.2
ip link set dev veth0 mtu 576
ip -n c1 link set dev veth1 mtu 576
#> capture veth0
ping -c 1 -s 1000 10.0.0.2
ip -s link show dev veth0
