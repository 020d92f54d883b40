# Experiment 1 of the article: a bridge with no ports is a device with one link, to the stack.
# Before it is up it has qdisc noop and state DOWN; once up it has carrier and shows state UNKNOWN
# (a bridge's operstate changes only on a carrier event, and a bridge that never had a port has had
# none). An address on it works for the host itself, over lo; an ARP request sent through it is
# transmitted on br0 (tcpdump sees it) but there is no port to flood it to, so nobody answers.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip link add name br0 type bridge
ip link show dev br0
ip link set br0 up
sysctl -w net.ipv4.neigh.br0.base_reachable_time_ms=3600000 net.ipv4.neigh.br0.delay_first_probe_time=3600
ip link show dev br0
bridge link
ip addr add 192.168.3.101/24 dev br0
ip addr show dev br0
ip route
#> capture br0 lo
ping -c 1 -W 1 192.168.3.101
#> capture br0
ping -c 1 -W 1 192.168.3.102
ip neigh
