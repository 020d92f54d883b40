# ip neigh: NONE entries left by an add without an address, NOARP entries for lo, broadcasts and an
# ARP-less device, the nud filter's bits, get/del of any entry, and ip -s neigh flush's rounds.
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
ip neigh show nud all
ip -s neigh flush all
ip neigh add 10.3.0.9 dev v0
ip neigh show
ip neigh show nud all
ip neigh show nud none
ip neigh get 10.3.0.9 dev v0
ip neigh add 10.3.0.9 dev v0 lladdr 02:00:00:00:00:09
ip neigh replace 10.3.0.9 dev v0 lladdr 02:00:00:00:00:09
ip neigh show nud all
ip neigh del 10.3.0.9 dev v0
ip neigh add 10.3.0.10 dev v0 nud reachable
ip neigh add 10.3.0.11 dev v0 nud stale
ip neigh show nud all
ip neigh del 10.3.0.10 dev v0
ping -c 1 -W 1 10.3.0.3
ip neigh add 10.3.0.3 lladdr 02:00:00:00:00:03 dev v0
ip neigh show nud incomplete
ip -s neigh flush dev v0
ip neigh show nud all
ping -c 1 -W 1 10.3.0.1
ip neigh show nud all
ping -c 1 -W 1 -b 10.3.0.255
ping -c 1 -W 1 -b 255.255.255.255
ip neigh show nud all
ip neigh show nud noarp
ip neigh get 10.3.0.255 dev v0
ip -s neigh flush all
ip -s neigh flush nud noarp
ip neigh show nud all
ip link set v0 arp off
ping -c 1 -W 1 10.3.0.2
ip neigh show nud all
ip link set v0 arp on
ip neigh show nud all
ip neigh show nud permanent nud noarp
ip neigh show nud 2
ip neigh show nud 3
ip neigh show nud bogus
