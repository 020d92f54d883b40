# iptables (1.8.9, nf_tables) without any traffic: listings of an empty and a filled filter and nat
# table in every format (-L, -n, -v, -x, --line-numbers, -S), and the messages of mistyped or refused
# commands. The namespace has no route, so listings without -n cannot wait on DNS.
iptables -L
iptables -L -n -v
iptables -S
iptables -t nat -L -n
iptables -A FOO -j ACCEPT
iptables -A INPUT -s 1.2.3.300 -j ACCEPT
iptables -A INPUT -s
iptables -A
iptables -A INPUT foo
iptables -A INPUT -j
iptables -X
iptables -P INPUT
iptables -P INPUT FOO
iptables -P FOO DROP
iptables -t nat -P POSTROUTING DROP
iptables -t foo -L
iptables -L FOO
iptables -D INPUT 1
iptables -D INPUT -j ACCEPT
iptables -A INPUT -j NOSUCH
iptables --bogus
iptables -q
iptables
iptables -A INPUT -p bogus
iptables -A INPUT -o eth0 -j ACCEPT
iptables -t nat -A POSTROUTING -j SNAT
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.2.3
iptables -t nat -A PREROUTING -j DNAT
iptables -A INPUT -j MASQUERADE
iptables -t nat -A PREROUTING -j MASQUERADE
iptables -A INPUT -j REJECT --reject-with foo
iptables -N INPUT
iptables -N foo
iptables -N foo
iptables -X INPUT
iptables -X nosuch
iptables -A foo -j RETURN
iptables -X foo
iptables -L -s 1.2.3.4
iptables -A INPUT ! ! -s 1.1.1.1
iptables -A INPUT -s 1.1.1.1 !
iptables -I INPUT 5 -j ACCEPT
iptables -I INPUT 0 -j ACCEPT
iptables -D INPUT 0
iptables -D INPUT 3
iptables -L INPUT 3
iptables -F FOO
iptables -Z FOO
iptables -A INPUT -p icmp -j ACCEPT
iptables -A INPUT ! -s 10.0.0.0/8 -d 192.0.2.1 -i eth0 -p tcp -j DROP
iptables -A INPUT -p udp ! -i lo -j REJECT
iptables -A FORWARD -s 192.0.2.7/255.255.0.0 -j REJECT --reject-with icmp-host-prohibited
iptables -A FORWARD ! -p icmp -o br+ -j REJECT --reject-with net-unreach
iptables -N MYCHAIN
iptables -A FORWARD -j MYCHAIN
iptables -A MYCHAIN -s 1.2.3.4 -j RETURN
iptables -A OUTPUT -p 47
iptables -A OUTPUT -p icmp --icmp-type echo-request
iptables -A OUTPUT -p tcp --dport 80
iptables -A OUTPUT -p all -d 8.8.8.8/32
iptables -A OUTPUT -p 0 -d 8.8.8.8/31
iptables -t nat -A PREROUTING -d 198.51.100.2 -p icmp -j DNAT --to-destination 192.0.2.2
iptables -t nat -A OUTPUT -j DNAT --to-destination 192.0.2.2-192.0.2.9
iptables -t nat -A POSTROUTING -o eth0 -j SNAT --to-source 198.51.100.2
iptables -t nat -A POSTROUTING -o eth0 -j SNAT --to 198.51.100.2 --random
iptables -L
iptables -L -n
iptables -L -v
iptables -L -n -v --line-numbers
iptables -S
iptables -t nat -L
iptables -t nat -L -n -v
iptables -t nat -S
iptables -S FORWARD
iptables -S FORWARD 2
iptables -L FORWARD 2
iptables -L MYCHAIN
iptables -L FORWARD -n
iptables -v -S
iptables -L -x -v
iptables -I INPUT 2 -p icmp -j DROP
iptables -I INPUT -p icmp -j REJECT
iptables -L INPUT --line-numbers -n
iptables -D INPUT 2
iptables -D INPUT -p icmp -j REJECT
iptables -S INPUT
iptables -E MYCHAIN OTHER
iptables -S
iptables -F
iptables -X
iptables -S
iptables -t nat -F
iptables -t nat -X
iptables -t nat -S
