# ip route get ... iif DEV on 6.18: a packet the input path would drop (martian source, rp_filter)
# answers Invalid argument, whatever the reason; a missing route Network is unreachable, forwarding
# off No route to host. A source covered only by a local route (an address on lo with its prefix) is
# not one of this host's addresses, so it is no martian.
ip link add e0 type veth peer name e1
ip addr add 10.1.0.10/24 dev e0
ip addr add 10.2.0.10/24 dev e1
ip link set e0 up
ip link set e1 up
sysctl -w net.ipv4.conf.e1.rp_filter=1 net.ipv4.conf.all.rp_filter=1 net.ipv4.ip_forward=1
ip route get 10.1.0.10 from 10.1.0.2 iif e1
ip route get 10.1.0.10 from 10.9.0.2 iif e1
ip route get 10.1.0.10 from 10.1.0.10 iif e1
ip route get 10.7.0.10 from 10.2.0.2 iif e1
ip route get 10.1.0.3 from 10.1.0.2 iif e1
sysctl -w net.ipv4.conf.e1.rp_filter=2 net.ipv4.conf.all.rp_filter=0
ip route get 10.1.0.10 from 10.9.0.2 iif e1
ip route get 10.1.0.10 from 10.1.0.2 iif e1
sysctl -w net.ipv4.ip_forward=0
ip route get 10.1.0.3 from 10.2.0.2 iif e1
sysctl -w net.ipv4.conf.e1.rp_filter=0
ip addr add 10.5.0.10/24 dev lo
ip route get 10.1.0.10 from 10.5.0.2 iif e1
ip route get 10.1.0.10 from 10.5.0.10 iif e1
ip route get 10.5.0.7 from 10.2.0.2 iif e1
