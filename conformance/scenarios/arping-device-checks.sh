# arping's checks in iputils' order: the target first, then the device (down, not ARPable, missing),
# the route that names it when there is no -I (lo for a local address; a failed lookup), and a source
# address the route cannot give.
ip link add br0 type bridge
ip link add v0 type veth peer name v1
ip link set v0 address 02:00:00:00:00:01
ip link set v1 address 02:00:00:00:00:02
arping -c 1 -w 1 -I v0 10.9.0.2
arping -q -c 1 -w 1 -I v0 10.9.0.2
arping -c 1 -w 1 -I nosuch 10.9.0.2
arping -c 1 -w 1 -I v0 nosuch.example
ip link set v0 up
ip link set v1 up
ip link set br0 up
#> capture v0
arping -c 1 -w 1 -I v0 10.9.0.2
arping -q -c 1 -w 1 -I v0 10.9.0.2
#> capture v0
arping -D -c 1 -w 1 -I v0 10.9.0.2
ip addr add 10.9.0.1/24 dev v1
arping -c 1 -w 1 -I v0 10.9.0.2
arping -c 1 -w 1 -I br0 10.9.0.2
arping -c 1 -w 1 -I br0 10.9.0.1
arping -c 1 -w 1 -s 0.0.0.0 -I v0 10.9.0.1
ip link set v0 arp off
arping -c 1 -w 1 -I v0 10.9.0.1
arping -D -c 1 -w 1 -I v0 10.9.0.1
arping -c 1 -w 1 -I lo 10.9.0.1
arping -c 1 -w 1 10.9.0.7
arping -c 1 -w 1 10.99.0.7
arping -c 1 -w 1 10.9.0.1
ip route add blackhole 10.98.0.0/16
arping -c 1 -w 1 10.98.0.7
