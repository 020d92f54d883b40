# Source address selection looks for an address within the route's own scope (fib_scope): a route via
# lo or a gateway finds none among host- or link-scoped addresses, and ip route get then prints no src.
ip link add br0 type bridge
ip route add 10.9.0.0/24 dev br0 metric 500
ip route
ip route get 10.9.0.11
ping -c 1 -W 1 10.9.0.11
ip link set br0 up
ip route get 10.9.0.11
ping -c 1 -W 1 10.9.0.11
ip route add 10.8.0.0/24 dev lo
ip route get 10.8.0.1
ping -c 1 -W 1 10.8.0.1
ip link add v0 type veth peer name v1
ip link set v0 up
ip link set v1 up
ip addr add 10.9.0.1/24 dev v0 scope link
ip route add 10.7.0.0/24 via 10.9.0.11
ip route get 10.7.0.1
ip route get 10.9.0.11
ip addr add 10.6.0.1/24 dev v1
ip route get 10.7.0.1
ip route get 10.9.0.11
ip addr add 10.5.0.1/32 dev lo
ip route get 10.8.0.1
ip route get 10.7.0.1
