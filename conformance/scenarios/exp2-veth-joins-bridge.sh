# Experiment 2 of the article: veth0 joins br0. Three things change: br0-veth0 becomes a two-way
# link (ip link shows "master br0", bridge link shows the port forwarding at once since STP is
# off, with cost 2 for a 10G veth); the stack no longer receives what arrives on veth0; and br0
# takes veth0's MAC, the smallest port address. The bridge's FDB gets a permanent local entry for
# the port's own MAC. veth1 is given the lower address here, to show that only ports count.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip link add name br0 type bridge
ip link set br0 up
ip link add veth0 type veth peer name veth1
ip link set dev veth0 address 6e:5f:3a:10:00:02
ip link set dev veth1 address 6e:5f:3a:10:00:01
ip addr add 192.168.3.101/24 dev veth0
ip addr add 192.168.3.102/24 dev veth1
ip link set veth0 up
ip link set veth1 up
ip link
ip link set dev veth0 master br0
ip link
bridge link
bridge link show dev veth0
bridge fdb show br br0 permanent
ip -br addr
ip route
