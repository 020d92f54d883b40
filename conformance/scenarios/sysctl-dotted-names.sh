# Dotted device names (VLAN style eth0.10): /proc/sys/net/ipv4/conf/eth0.10 is shown as
# net.ipv4.conf.eth0/10 (procps slashdot()), every spelling is read, and -r patterns are POSIX EREs
# (regcomp REG_EXTENDED): a pattern glibc refuses matches nothing, silently.
ip link add eth0.10 type veth peer name x
sysctl net.ipv4.conf.eth0/10.forwarding
sysctl net/ipv4/conf/eth0.10/forwarding
sysctl net.ipv4.conf.eth0.10.forwarding
sysctl -w net.ipv4.conf.eth0/10.forwarding=1
sysctl net.ipv4.conf.eth0/10
sysctl net.ipv4.neigh.eth0/10.locktime
sysctl -n net.ipv4.conf.eth0/10.forwarding
sysctl -r "eth0/10.forw" net.ipv4.conf net.ipv4.neigh
sysctl -r "eth0\.10.forw" net.ipv4.conf net.ipv4.neigh
sysctl -r "neigh.eth0/10.lock" net.ipv4.conf net.ipv4.neigh
sysctl -r "(" net.ipv4.conf net.ipv4.neigh
sysctl -r "*forw" net.ipv4.conf net.ipv4.neigh
sysctl -r "x|*y" net.ipv4.conf net.ipv4.neigh
sysctl -r "a{,2}forw" net.ipv4.conf net.ipv4.neigh
sysctl -r "(|x)forw" net.ipv4.conf net.ipv4.neigh
sysctl -r "[[:digit:]]0.forw" net.ipv4.conf net.ipv4.neigh
sysctl -r "^net.ipv4.conf.x.forw" net.ipv4.conf net.ipv4.neigh
sysctl -r "conf\.all\.forw" net.ipv4.conf net.ipv4.neigh
sysctl -r 'ip_forward$|all.forwarding' net.ipv4
sysctl -r 'forwarding$' net.ipv4.conf net.ipv4.neigh
