# Routes and link state: linkdown while the peer is down, what an admin-down device takes with it and
# gives back, lo down (ping to a local address fails), reject route types for ping and route get,
# replace/change/append/prepend/flush.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip link add veth0 type veth peer name veth1
ip link set dev veth0 address 02:00:00:00:00:01
ip link set dev veth1 address 02:00:00:00:00:02
ip addr add 192.0.2.1/24 dev veth0
ip link set veth0 up
ip route add 10.1.0.0/16 via 192.0.2.254
ip route add 10.2.0.0/16 dev veth0 metric 7
ip route
ip link set veth1 up
ip route
ip link set veth1 down
ip route
ip -br link
ping -c 1 -W 1 10.1.2.3
ip neigh
ip link set veth0 down
ip route
ip route show table local
ip link set veth0 up
ip route
ping -c 1 -W 1 192.0.2.1
ip link set lo down
ping -c 1 -W 1 192.0.2.1
ping -c 1 -W 1 127.0.0.1
ip route show table local
ip link set lo up
ip route show table local
ip route add blackhole 10.9.0.0/16
ip route add unreachable 10.8.0.0/16
ip route add prohibit 10.7.0.0/16
ip route
ping -c 1 -W 1 10.9.1.1
ping -c 1 -W 1 10.8.1.1
ping -c 1 -W 1 10.7.1.1
ip route get 10.9.1.1
ip route get 10.8.1.1
ip route get 10.7.1.1
ip route del 10.2.0.0/16
ip route del 10.1.0.0/16 via 192.0.2.253
ip route replace 10.1.0.0/16 via 192.0.2.253
ip route change 10.5.0.0/16 via 192.0.2.253
ip route append 10.1.0.0/16 via 192.0.2.252
ip route prepend 10.1.0.0/16 via 192.0.2.251
ip route
ip route flush 10.1.0.0/16
ip route
