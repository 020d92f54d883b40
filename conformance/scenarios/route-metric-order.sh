# Route selection among routes to the same prefix (KERNEL.md 4.3): longest prefix first; then lower
# metric, whatever the order of insertion; then insertion order (ip route append). `ip route add`
# of an existing prefix/metric fails with "File exists"; `ip route del` without a metric removes the
# first match. ip route and route -n list the aliases of one prefix in that order; metric appears
# only when it is not 0. Special route types: blackhole shows Iface `*` in route -n, unreachable
# and prohibit show `!` and `-`.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip link add veth0 type veth peer name veth1
ip link add veth2 type veth peer name veth3
ip link set veth0 up
ip link set veth1 up
ip link set veth2 up
ip link set veth3 up
ip addr add 192.0.2.1/24 dev veth0
ip addr add 198.51.100.1/24 dev veth2
ip route add 203.0.113.0/24 via 192.0.2.254 metric 10
ip route add 203.0.113.0/24 via 198.51.100.254 metric 5
ip route add 203.0.113.0/24 via 198.51.100.254 metric 5
ip route add 203.0.113.0/24 via 192.0.2.253 metric 5
ip route append 203.0.113.0/24 via 192.0.2.253 metric 5
ip route
ip route get 203.0.113.9
ip route add 203.0.113.0/25 via 192.0.2.254 metric 100
ip route get 203.0.113.9
ip route get 203.0.113.200
ip route add default via 192.0.2.254
ip route add default via 198.51.100.254 metric 1
ip route add 10.30.0.0/16 dev veth2
ip route add blackhole 10.40.0.0/16
ip route add unreachable 10.50.0.0/16
ip route add prohibit 10.60.0.0/16
ip route
route -n
ip route get 192.0.2.77
ip route del 203.0.113.0/24
ip route
ip route del 203.0.113.0/24 metric 10
ip route del default
ip route
route -n
