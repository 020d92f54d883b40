# Neighbour entries made by hand and by traffic (KERNEL.md 3.1, 3.3):
# - `nud permanent`: used as is, never probed: a ping to it goes straight to that MAC, without ARP
#   (p drops the frame: not its MAC, and later not its address); `ip neigh flush` leaves it alone.
# - An ARP request from p makes the host create p's entry as STALE (neigh_event_ns()); using a
#   STALE entry sends the packet at once and moves it to DELAY (which would probe after
#   delay_first_probe_time, set long here).
# - `nud stale` by hand behaves the same; a reply to our own request gives REACHABLE.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns add p
ip netns exec p sysctl -w net.ipv4.conf.all.rp_filter=0
ip link add veth0 type veth peer name eth0 netns p
ip link set dev veth0 address 02:00:00:00:00:01
ip -n p link set dev eth0 address 02:00:00:00:00:02
sysctl -w net.ipv4.neigh.veth0.base_reachable_time_ms=3600000 net.ipv4.neigh.veth0.delay_first_probe_time=3600
ip netns exec p sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip addr add 192.0.2.1/24 dev veth0
ip -n p addr add 192.0.2.2/24 dev eth0
ip -n p addr add 192.0.2.3/24 dev eth0
ip link set veth0 up
ip -n p link set eth0 up
ip neigh add 192.0.2.77 lladdr 02:11:22:33:44:55 dev veth0 nud permanent
ip neigh
#> capture veth0
ping -c 1 -W 1 192.0.2.77
ip neigh
ip netns exec p arping -c 1 -w 1 -I eth0 192.0.2.1
ip neigh
#> capture veth0
ping -c 1 -W 1 192.0.2.2
ip neigh
ip -n p neigh
ip neigh add 192.0.2.3 lladdr 02:00:00:00:00:02 dev veth0 nud stale
ip neigh show dev veth0 nud stale
#> capture veth0
ping -c 1 -W 1 192.0.2.3
ip neigh
ip neigh flush dev veth0
ip neigh
ip neigh replace 192.0.2.77 lladdr 02:00:00:00:00:02 dev veth0 nud permanent
ping -c 1 -W 1 192.0.2.77
ip neigh del 192.0.2.77 dev veth0
ip neigh
