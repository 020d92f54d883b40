# ip neigh add/replace/change/del/flush on entries that ping made, and ip -s neigh flush's report.
sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns add a
ip link add v0 type veth peer name eth0 netns a
ip link set v0 address 02:00:00:00:00:01
ip -n a link set eth0 address 02:00:00:00:00:a1
sysctl -w net.ipv4.neigh.v0.base_reachable_time_ms=3600000 net.ipv4.neigh.v0.delay_first_probe_time=3600
ip addr add 10.3.0.1/24 dev v0
ip link set v0 up
ip -n a addr add 10.3.0.2/24 dev eth0
ip -n a link set eth0 up
ping -c 1 -W 1 10.3.0.2
ping -c 1 -W 1 10.3.0.3
ip neigh show nud reachable
ip neigh show nud failed
ip neigh show nud all
ip neigh add 10.3.0.50 lladdr 02:00:00:00:00:50 dev v0
ip neigh add 10.3.0.50 lladdr 02:00:00:00:00:51 dev v0
ip neigh replace 10.3.0.50 lladdr 02:00:00:00:00:51 dev v0 nud reachable
ip neigh change 10.3.0.60 lladdr 02:00:00:00:00:60 dev v0
ip neigh show dev v0
ip neigh del 10.3.0.50 dev v0
ip neigh del 10.3.0.50 dev v0
ip neigh flush dev v0
ip neigh show
ip neigh add 10.3.0.70 dev v0 nud noarp
ip neigh show
ip -s neigh flush all
ip neigh show
ip neigh add 10.3.0.80 lladdr 02:00:00:00:00:80 dev v0 nud stale
ip neigh
ping -c 1 -W 1 10.3.0.80
ip neigh
