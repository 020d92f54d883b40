# arping's forms: broadcast first then unicast probes (unless -b), -q silent to the end, -w and -c
# together, -s with a source that is not this host's, -D with and without an answer, -V, a missing
# destination, and lo, which is not ARPable.
ip netns add c1
ip link add veth0 type veth peer name eth0 netns c1
ip link set dev veth0 address 02:00:00:00:00:01
ip -n c1 link set dev eth0 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip -n c1 addr add 10.0.0.2/24 dev eth0
ip -n c1 link set eth0 up
#> capture veth0
arping -c 3 -I veth0 10.0.0.2
#> capture veth0
arping -c 2 -b -I veth0 10.0.0.2
arping -c 2 -q -I veth0 10.0.0.2
arping -c 1 -w 2 -I veth0 10.0.0.9
arping -w 1 -I veth0 10.0.0.9
arping -c 2 -I veth0 -s 10.0.0.1 10.0.0.2
arping -c 1 -I veth0 -s 10.0.0.77 10.0.0.2
arping -c 1 -D -I veth0 10.0.0.2
arping -c 1 -D -q -I veth0 10.0.0.5
arping -V
arping -c 1 -I veth0
arping -c 1 -I lo 127.0.0.1
