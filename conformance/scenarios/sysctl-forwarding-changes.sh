# ip_forward and all.forwarding reset every device only when their value changes; default.forwarding
# is not copied to existing devices
ip link add v0 type veth peer name v1
sysctl -w net.ipv4.conf.v0.forwarding=1
sysctl -w net.ipv4.ip_forward=0
sysctl net.ipv4.conf.v0.forwarding net.ipv4.conf.v1.forwarding
sysctl -w net.ipv4.conf.all.forwarding=0
sysctl net.ipv4.conf.v0.forwarding
sysctl -w net.ipv4.conf.default.forwarding=1
sysctl net.ipv4.conf.v0.forwarding net.ipv4.conf.v1.forwarding net.ipv4.conf.default.forwarding net.ipv4.ip_forward
ip link add v2 type veth peer name v3
sysctl net.ipv4.conf.v2.forwarding
sysctl -w net.ipv4.ip_forward=1
sysctl net.ipv4.conf.v0.forwarding net.ipv4.conf.v1.forwarding net.ipv4.conf.v2.forwarding net.ipv4.conf.default.forwarding net.ipv4.conf.all.accept_redirects
sysctl -w net.ipv4.conf.v1.forwarding=0
sysctl -w net.ipv4.ip_forward=1
sysctl net.ipv4.conf.v1.forwarding
sysctl -w net.ipv4.conf.default.forwarding=0
sysctl -w net.ipv4.ip_forward=0
sysctl net.ipv4.conf.v0.forwarding net.ipv4.conf.v1.forwarding net.ipv4.conf.default.forwarding net.ipv4.conf.all.accept_redirects
sysctl -w net.ipv4.conf.default.forwarding=1
ip link add v4 type veth peer name v5
sysctl net.ipv4.conf.v4.forwarding
