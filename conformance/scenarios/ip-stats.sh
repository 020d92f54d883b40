# ip -s link: each driver counts as the kernel's does. A veth end receives what its peer sent; lo counts
# IP packets (the Ethernet header already pulled) as both sent and received; the bridge device counts
# what it sends whole and what it passes up without the Ethernet header; a tap counts only what a
# process reads or writes. A device that lost its carrier has its queue deactivated by linkwatch: what
# is sent through it is dropped (the dropped column) before a capture could see it. -s -s adds the
# error breakdowns and transns, the carrier changes (a new veth end starts with one: carrier off).
ip -s -s link show lo
ip link add br0 type bridge
ip link add veth0 type veth peer name veth1
ip link set dev veth0 address 02:00:00:00:00:01
ip link set dev veth1 address 02:00:00:00:00:02
ip tuntap add dev tap0 mode tap
ip -s -s link show br0
ip -s -s link show veth0
ip -s -s link show tap0
ip link set veth0 master br0
ip link set br0 type bridge mcast_snooping 0
ip link set br0 up
ip link set veth0 up
ip link set veth1 up
ip link set tap0 up
ip addr add 10.0.0.1/24 dev br0
ip netns add c1
ip link set veth1 netns c1
ip -n c1 link set veth1 up
ip -n c1 addr add 10.0.0.2/24 dev veth1
sysctl -w net.ipv4.neigh.br0.base_reachable_time_ms=3600000 net.ipv4.neigh.br0.delay_first_probe_time=3600
ip netns exec c1 sysctl -w net.ipv4.neigh.veth1.base_reachable_time_ms=3600000 net.ipv4.neigh.veth1.delay_first_probe_time=3600
ping -c 2 -i 0.2 -q 10.0.0.2
ping -c 1 -q 10.0.0.1
ip -s link show br0
ip -s -s link show veth0
ip -n c1 -s -s link show veth1
ip -s link show lo
ip link set tap0 master br0
ping -c 1 -q -W 1 10.0.0.99
sleep 3
ip -s -s link show tap0
ip -s link show br0
ip -s -s addr show dev br0
ip -n c1 link set veth1 down
ping -c 1 -q -W 1 10.0.0.2
ip -s -s link show veth0
ip -s -s link show br0
ip -s -o link show dev veth0
ip -s -br link show dev veth0
