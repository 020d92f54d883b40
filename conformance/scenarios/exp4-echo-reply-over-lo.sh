# Experiment 4 of the article: with the address moved from veth0 to br0, ping -I br0 192.168.3.102
# works. The echo request crosses br0 -> veth0 -> veth1, but the reply is addressed to
# 192.168.3.101, one of the host's own addresses, so it is routed over lo and never appears on veth1
# or br0. Without -I the whole exchange stays on lo: both addresses are local.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
sysctl -w net.ipv4.conf.all.accept_local=0
sysctl -w net.ipv4.conf.default.accept_local=1
ip link add name br0 type bridge
ip link set br0 up
ip link add veth0 type veth peer name veth1
ip link set dev veth0 address 6e:5f:3a:10:00:01
ip link set dev veth1 address 6e:5f:3a:10:00:02
sysctl -w net.ipv4.neigh.br0.base_reachable_time_ms=3600000 net.ipv4.neigh.br0.delay_first_probe_time=3600
sysctl -w net.ipv4.neigh.veth1.base_reachable_time_ms=3600000 net.ipv4.neigh.veth1.delay_first_probe_time=3600
ip link set veth0 up
ip link set veth1 up
ip link set dev veth0 master br0
ip addr add 192.168.3.101/24 dev br0
ip addr add 192.168.3.102/24 dev veth1
ip route get 192.168.3.102
ip route get 192.168.3.102 oif br0
#> capture lo br0 veth1
ping -c 1 -W 1 192.168.3.102
#> capture lo br0 veth1
ping -c 1 -W 1 -I br0 192.168.3.102
ip neigh
