# Routes and neighbours changed every way a lab does it: ip route's types, replace/change/append/prepend,
# the list selectors root/match/exact and the mtu/advmss metrics; net-tools route add/del through the
# SIOCADDRT ioctl (a host route unless -net, a reject route of host scope, the same key prepended, the
# errors of each kind) and arp -s/-d through SIOCSARP/SIOCDARP. /proc/net/arp lists in hash order, so
# arp -n is asked about one host at a time. A name that is not an address makes net-tools ask DNS,
# which sends traffic through a default route: that one is tried before there is any.
ip link add br0 type bridge
ip link add veth0 type veth peer name veth1
ip link set dev veth0 address 02:00:00:00:00:01
ip link set dev veth1 address 02:00:00:00:00:02
ip link set veth0 master br0
ip link set br0 up
ip link set veth0 up
ip link set veth1 up
ip addr add 10.0.0.1/24 dev br0
ip route add 10.9.0.0/16 via 10.0.0.254
ip route add 10.8.0.0/16 dev br0 metric 5
ip route add blackhole 10.7.0.0/16
ip route add unreachable 10.6.0.0/16
ip route add prohibit 10.5.0.0/16
ip route add 10.4.0.0/16 via 10.0.0.254 src 10.0.0.1
ip route
ip route show proto kernel
ip route show root 10.0.0.0/8
ip route show match 10.9.1.1
ip route show exact 10.9.0.0/16
ip route get 10.7.1.1
ip route get 10.6.1.1
ip route get 10.5.1.1
ping -c 1 -W 1 10.7.1.1
ping -c 1 -W 1 10.6.1.1
ping -c 1 -W 1 10.5.1.1
ip route replace 10.9.0.0/16 via 10.0.0.253
ip route change 10.8.0.0/16 dev br0 metric 5 mtu 1400
ip route append 10.8.0.0/16 dev br0 metric 6
ip route prepend 10.3.0.0/16 dev br0
ip route
ip route del 10.9.0.0/16 via 10.0.0.1
ip route del 10.9.0.0/16
ip route flush 10.8.0.0/16
ip route
route add -net bogus dev br0
route -n
route add -net 10.2.0.0 netmask 255.255.0.0 gw 10.0.0.254
route add -host 10.1.1.1 dev br0
route -n
route del -net 10.2.0.0 netmask 255.255.0.0
route -n
ip neigh add 10.0.0.50 lladdr 02:00:00:00:00:50 dev br0
ip neigh add 10.0.0.51 lladdr 02:00:00:00:00:51 dev br0 nud reachable
ip neigh replace 10.0.0.50 lladdr 02:00:00:00:00:55 dev br0
ip neigh change 10.0.0.52 lladdr 02:00:00:00:00:52 dev br0
ip neigh add 10.0.0.50 lladdr 02:00:00:00:00:50 dev br0
ip neigh show
ip neigh show nud permanent
ip neigh del 10.0.0.50 dev br0
ip neigh del 10.0.0.50 dev br0
arp -n 10.0.0.51
arp -s 10.0.0.60 02:00:00:00:00:60
arp -n 10.0.0.51
arp -d 10.0.0.60
bridge fdb add 02:00:00:00:00:77 dev veth0 master static
bridge fdb replace 02:00:00:00:00:78 dev veth0 master
bridge fdb show br br0
bridge fdb show dev veth0
bridge fdb del 02:00:00:00:00:77 dev veth0 master
bridge fdb del 02:00:00:00:00:77 dev veth0 master
bridge fdb show dev veth0
route add -net 10.2.0.0 netmask 255.255.0.0 gw 10.0.0.253
route add -net 10.2.0.0 netmask 255.255.0.0 gw 10.0.0.254
route add -net 10.2.0.0 netmask 255.255.0.0 gw 10.0.0.254
route add -net 10.12.0.0/16 dev br0 metric 7
route add default gw 10.0.0.254
route add -net 10.14.0.0 netmask 255.255.0.0
route add -net 10.15.0.0 netmask 255.255.0.0 gw 10.9.9.9
route add -net 10.16.0.1 netmask 255.255.0.0 dev br0
route add -net 10.17.0.0 netmask 255.255.0.0 dev nope
route add -net 10.17.0.0 netmask 255.0.255.0 dev br0
route add -net 10.18.0.0 dev br0
route add -host 10.9.2.0/24 dev br0
route add -net 10.19.0.0 netmask 255.255.0.0 reject
ip route
route -n
route del -net 10.2.0.0 netmask 255.255.0.0
route del -net 10.2.0.0 netmask 255.255.0.0
route del -net 10.2.0.0 netmask 255.255.0.0
route del default
route -n
arp -i br0 -s 10.0.0.61 02:00:00:00:00:61
arp -s 10.0.0.62 02:00:00:00:00:62 temp
arp -s 10.99.9.9 02:00:00:00:00:63
arp -s 10.0.0.64 zz
arp -n 10.0.0.62
ip neigh show dev br0
arp -d 10.0.0.62
arp -d 10.0.0.62
arp -n 10.0.0.62
