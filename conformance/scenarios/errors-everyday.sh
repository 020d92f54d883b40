# Error texts of everyday mistakes, as iproute2, iputils and the kernel word them: routes without a
# device or with a bad gateway, bad prefixes and addresses, a request with no local address, missing
# devices, unknown subcommands; ping's -W (0 waits on; garbage is only warned about), a name no lab
# resolves (no way out: the resolver gives up for now), ping and arping argument errors; bridge fdb on
# a device that is not a bridge lists nothing.
ip link add veth0 type veth peer name veth1
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip route add 10.9.0.0/16 via 10.1.1.1
ip route add 10.9.0.0/16 via 10.0.0.9 dev veth1
ip route add 10.9.0.0/33 dev veth0
ip route add 10.9.0.1/16 dev veth0
ip route add 10.9.0.0/16 dev nope
ip route add 10.9.0.0/16
ip route add default via 10.0.0.9 metric x
ip route del 10.99.0.0/16
ip route get 300.1.1.1
ip route get
ip addr add 10.0.0.300/24 dev veth0
ip addr add 10.0.0.2/40 dev veth0
ip addr add dev veth0
ip addr del 10.0.0.77/24 dev veth0
ip neigh add 10.0.0.5 lladdr zz dev veth0
ip neigh add 10.0.0.5 dev veth0
ip neigh del 10.0.0.55 dev veth0
ip link set veth9 up
ip link set dev veth0 mtu x
ip link set dev veth0 address zz
ip link set dev veth0 address 01:02:03:04:05:06
ip link set dev veth0 master veth1
ip link set dev veth0 nomaster
ip link set dev lo netns nope
ip link foo
ip addr foo
ip route foo
ip neigh foo
ip foo
bridge fdb show br veth0
bridge link set dev veth0 cost 5
ping -c 1 -W 1 10.0.0.300
ping -c 0 10.0.0.1
ping -W 0 -c 1 10.0.0.1
ping -i 0.001 -c 1 10.0.0.1
ping
arping -c 1 10.0.0.2
arping -c 1 -I nope 10.0.0.2
sysctl -w net.ipv4.conf.veth0.rp_filter
sysctl net.ipv4.nope
ping -c 1 -W abc 10.0.0.1
