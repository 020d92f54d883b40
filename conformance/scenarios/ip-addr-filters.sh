# ip addr show with filters, as ipaddress.c applies them in user space: a device is listed when one of its
# addresses passes (scope, primary/secondary, label, a `to` prefix), or when it has no address at all and
# no family was asked for. -4 or a `to` prefix asks for a family: the link/ether line is then left out
# (the link-netns stays, on the first line); a label prints the addresses alone.
ip netns add lan
ip link add eth0 type veth peer name gw netns lan
ip link add veth0 type veth peer name veth1
ip addr add 192.168.3.21/24 dev eth0
ip addr add 192.168.3.22/24 dev eth0
ip addr add 10.0.0.1/8 dev veth0
ip link set eth0 up
ip -4 addr show
ip -4 addr show dev eth0
ip addr show to 192.168.3.0/24
ip addr show to 192.168.3.22
ip addr show to 10.0.0.0/8 dev veth0
ip addr show scope host
ip addr show scope global
ip addr show label eth0
ip addr show primary
ip addr show secondary
ip -br -4 addr
ip -4 -br addr show up
ip -o -4 addr show to 192.168.3.0/24
ip addr show label 'eth*'
ip addr show label e?h0 dev eth0
ip addr show scope link
ip addr show scope bogus
ip addr show to bogus
ip -4 addr show dev veth1
ip -d -4 addr show dev eth0
ip addr show to 192.168.3.21/32 secondary
