# REJECT in OUTPUT: the ICMP error comes back over lo before sendto() returns EPERM, so ping prints
# the From line, then 'sendmsg: Operation not permitted'. A plain DROP also fails sendto() with EPERM,
# but with nothing on the error queue iputils says nothing.
sysctl -w net.ipv4.conf.all.rp_filter=0
ip link add veth0 type veth peer name veth1
ip addr add 192.0.2.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
iptables -A OUTPUT -d 192.0.2.9 -j REJECT
ping -c 2 -i 0.2 -W 1 192.0.2.9
iptables -R OUTPUT 1 -d 192.0.2.9 -j DROP
ping -c 2 -i 0.2 -W 1 192.0.2.9
