# iptables user chains (-N, -E, -X, RETURN, references), the comment and addrtype matches (Docker's
# "-m addrtype --dst-type LOCAL -j DOCKER") and the LOG target (on to the next rule), as -L, -S and the
# counters show them; -X of a built-in chain: refused with a policy, busy with rules.
iptables -N MYCHAIN
iptables -A MYCHAIN -s 10.0.0.0/8 -j RETURN
iptables -A MYCHAIN -p icmp --icmp-type echo-request -m comment --comment "no pings" -j DROP
iptables -A INPUT -j MYCHAIN
iptables -I INPUT 1 -i lo -j ACCEPT
iptables -A OUTPUT -o lo -j LOG --log-prefix "out: "
iptables -A OUTPUT -j LOG --log-level 6 --log-prefix x
iptables -A OUTPUT -j LOG --log-level info --log-tcp-sequence --log-ip-options --log-uid
iptables -A OUTPUT -j LOG --log-level bogus
iptables -A OUTPUT -m comment -j ACCEPT
iptables -A OUTPUT -m comment --comment "q\"uote" -m comment --comment single
iptables -L -n --line-numbers
iptables -S
iptables -L MYCHAIN -v -n
iptables -E MYCHAIN CHECKS
iptables -L INPUT -n
iptables -X CHECKS
iptables -D INPUT 2
iptables -X CHECKS
iptables -S CHECKS
iptables -F CHECKS
iptables -X CHECKS
iptables -N INPUT
iptables -X INPUT
iptables -P MYCHAIN DROP
iptables -t nat -N DOCKER
iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
iptables -t nat -A DOCKER -i br0 -j RETURN
iptables -t nat -S
iptables -t nat -L -n -v --line-numbers
iptables -Z
iptables -L -n -v -x
iptables -t nat -A OUTPUT -m addrtype --src-type LOCAL --dst-type BROADCAST,MULTICAST -j ACCEPT
iptables -t nat -A OUTPUT -m addrtype ! --dst-type LOCAL --limit-iface-out -j ACCEPT
iptables -t nat -A OUTPUT -m addrtype --dst-type BOGUS -j ACCEPT
iptables -t nat -A OUTPUT -m addrtype -j ACCEPT
iptables -t nat -L OUTPUT -n
iptables -t nat -S OUTPUT
iptables -F
iptables -X INPUT
iptables -P INPUT DROP
iptables -X INPUT
iptables -P INPUT ACCEPT
iptables -A FORWARD -j ACCEPT
iptables -X FORWARD
iptables -F
ip netns add c1
ip link add veth0 type veth peer name eth0 netns c1
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip -n c1 addr add 10.0.0.2/24 dev eth0
ip -n c1 link set eth0 up
sysctl -w net.ipv4.neigh.veth0.base_reachable_time_ms=3600000 net.ipv4.neigh.veth0.delay_first_probe_time=3600
ip netns exec c1 sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
iptables -A INPUT -p icmp -m addrtype --dst-type LOCAL --limit-iface-in -m comment --comment "pings to veth0's own" -j LOG --log-prefix "ping: "
iptables -A INPUT -p icmp -m addrtype --dst-type BROADCAST -j DROP
iptables -A INPUT -p icmp -m addrtype ! --src-type UNICAST -j DROP
ip netns exec c1 ping -c 2 -i 0.2 10.0.0.1
ip netns exec c1 ping -c 1 -W 1 -b 10.0.0.255
iptables -L INPUT -v -n
