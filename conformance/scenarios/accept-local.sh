# accept_local and rp_filter on a veth pair whose two ends are in one namespace (KERNEL.md 4.6).
# veth0 192.0.2.1/24 asks who-has 192.0.2.2 (veth1). The request arrives on veth1 with a sender
# address that is the host's own, and fib_validate_source() drops it as a martian unless veth1 has
# accept_local; veth0's own setting does not matter. With accept_local, strict rp_filter fails
# again (the route back to 192.0.2.1 is the local route on veth0, not veth1), loose rp_filter
# passes. The same check applies to the echo request itself once the neighbour is known. A plain
# ping needs none of this: both addresses are local and the packets go over lo.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
sysctl -w net.ipv4.conf.all.accept_local=0
sysctl -w net.ipv4.conf.default.accept_local=0
ip link add veth0 type veth peer name veth1
ip link set dev veth0 address 02:00:00:00:00:01
ip link set dev veth1 address 02:00:00:00:00:02
sysctl -w net.ipv4.neigh.veth0.base_reachable_time_ms=3600000 net.ipv4.neigh.veth0.delay_first_probe_time=3600
sysctl -w net.ipv4.neigh.veth1.base_reachable_time_ms=3600000 net.ipv4.neigh.veth1.delay_first_probe_time=3600
ip addr add 192.0.2.1/24 dev veth0
ip addr add 192.0.2.2/24 dev veth1
ip link set veth0 up
ip link set veth1 up
ping -c 1 -W 1 192.0.2.2
#> capture veth1
arping -c 1 -w 1 -I veth0 192.0.2.2
sysctl -w net.ipv4.conf.veth0.accept_local=1
#> capture veth1
arping -c 1 -w 1 -I veth0 192.0.2.2
sysctl -w net.ipv4.conf.veth1.accept_local=1
#> capture veth1
arping -c 1 -w 1 -I veth0 192.0.2.2
#> capture veth0 veth1 lo
ping -c 1 -W 1 -I veth0 192.0.2.2
ip neigh
sysctl -w net.ipv4.conf.all.rp_filter=1
#> capture veth1
arping -c 1 -w 1 -I veth0 192.0.2.2
#> capture veth1
ping -c 1 -W 1 -I veth0 192.0.2.2
sysctl -w net.ipv4.conf.all.rp_filter=2
#> capture veth1
arping -c 1 -w 1 -I veth0 192.0.2.2
ping -c 1 -W 1 -I veth0 192.0.2.2
