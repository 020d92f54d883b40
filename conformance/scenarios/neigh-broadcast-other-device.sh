# ping -b -I DEV to the broadcast address of another device's subnet: the route is unicast, on-link
# through DEV, but the neighbour entry is NOARP with the broadcast address, so no ARP asks for it.
ip link add v0 type veth peer name v1
ip link add vb type veth peer name vc
ip addr add 10.9.1.1/24 dev v1
ip addr add 10.9.0.4/24 dev vb
ip link set v0 up
ip link set v1 up
ip link set vb up
ip link set vc up
ip route get 10.9.0.255 oif v0
#> capture v0
ping -c 1 -W 1 -b -I v0 10.9.0.255
ip neigh show nud noarp
ip route get 10.9.0.77 oif v0
#> capture v0
ping -c 1 -W 1 -I v0 10.9.0.77
ip neigh show nud noarp
ip addr add 10.9.2.1/24 dev vc
ping -c 1 -W 1 -b -I v0 10.9.2.255
ping -c 1 -W 1 -I v0 10.9.2.1
ping -c 1 -W 1 -I v0 10.9.2.0
ping -c 1 -W 1 -b -I v0 255.255.255.255
ip neigh show nud noarp
