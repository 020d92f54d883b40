# Experiment 3 of the article, seen with arping: an ARP request sent from veth0 (a port of br0)
# is answered by veth1, and tcpdump on veth0 sees the reply arrive, but the reply never reaches
# arping's packet socket on veth0: br_handle_frame() consumes the frame before any protocol
# handler of veth0 runs, and hands it up as received on br0. Only the tcpdump taps run before the
# bridge. veth1 answers because accept_local is on (the article's machine): the request's sender
# 192.168.3.101 is one of the host's own addresses. veth1 learns 192.168.3.101 from the request.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
sysctl -w net.ipv4.conf.all.accept_local=0
sysctl -w net.ipv4.conf.default.accept_local=1
sysctl -w net.ipv4.conf.all.arp_ignore=0
sysctl -w net.ipv4.conf.default.arp_ignore=0
ip link add name br0 type bridge
ip link set br0 up
ip link add veth0 type veth peer name veth1
ip link set dev veth0 address 6e:5f:3a:10:00:01
ip link set dev veth1 address 6e:5f:3a:10:00:02
sysctl -w net.ipv4.neigh.br0.base_reachable_time_ms=3600000 net.ipv4.neigh.br0.delay_first_probe_time=3600
sysctl -w net.ipv4.neigh.veth0.base_reachable_time_ms=3600000 net.ipv4.neigh.veth0.delay_first_probe_time=3600
sysctl -w net.ipv4.neigh.veth1.base_reachable_time_ms=3600000 net.ipv4.neigh.veth1.delay_first_probe_time=3600
ip addr add 192.168.3.101/24 dev veth0
ip addr add 192.168.3.102/24 dev veth1
ip link set veth0 up
ip link set veth1 up
#> capture veth0 veth1
arping -c 1 -w 1 -I veth0 192.168.3.102
ip neigh
ip link set dev veth0 master br0
#> capture veth0 veth1 br0
arping -c 1 -w 1 -I veth0 192.168.3.102
ip neigh
