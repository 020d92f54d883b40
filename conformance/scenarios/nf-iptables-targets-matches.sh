# The options of the targets and matches the simulator knows (SNAT, DNAT, MASQUERADE, REJECT, icmp,
# tcp, udp, conntrack, state), their listings and their errors; where the kernel refuses a rule
# (RULE_APPEND failed); -v forms; user chains; long options and their abbreviations.
iptables -t nat -A INPUT -j SNAT --to-source 1.2.3.4
iptables -t nat -A POSTROUTING -j DNAT --to-destination 1.2.3.4
iptables -t nat -A OUTPUT -j DNAT --to-destination 1.2.3.4
iptables -t nat -A PREROUTING -j REJECT
iptables -t nat -A OUTPUT -j ACCEPT
iptables -t nat -N foo
iptables -t nat -A foo -j MASQUERADE
iptables -t nat -A PREROUTING -j foo
iptables -t nat -I OUTPUT 1 -j DNAT --to-destination 1.2.3.4 --to-destination 1.1.1.1
iptables -t nat -A POSTROUTING -j MASQUERADE --to-ports 100
iptables -t nat -A POSTROUTING -p icmp -j MASQUERADE --random
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 1000-2000
iptables -t nat -A POSTROUTING -p udp -j SNAT --to-source 1.2.3.4:53
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination :8080
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1:80-90
iptables -t nat -L -n
iptables -t nat -L
iptables -t nat -S
iptables -A INPUT -j REJECT --reject-with tcp-reset
iptables -A INPUT -p tcp -j REJECT --reject-with tcp-reset
iptables -A INPUT -j REJECT --reject-with icmp-admin-prohibited
iptables -A INPUT -j REJECT --reject-with icmp-proto-unreachable --reject-with icmp-net-prohibited
iptables -S INPUT
iptables -t filter -A INPUT -j DNAT --to-destination 1.1.1.1
iptables -t mangle -L
iptables -t raw -L -n
iptables -t security -L
iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables -A INPUT -m state --state NEW,INVALID -j ACCEPT
iptables -L INPUT
iptables -S INPUT
iptables -A INPUT -m conntrack --ctstate FOO
iptables -A INPUT -m bogus
iptables -A INPUT --dport 80
iptables -A INPUT -p udp --dport 80:90 --sport 53
iptables -A INPUT -p icmp --icmp-type 3/1
iptables -A INPUT -p icmp --icmp-type bogus
iptables -A INPUT -p icmp ! --icmp-type any
iptables -L INPUT
iptables -L INPUT -n
iptables -S INPUT
iptables -A INPUT -m conntrack ! --ctstate NEW
iptables -A INPUT -m state ! --state NEW
iptables -A INPUT -p icmp -m icmp --icmp-type 0
iptables -A INPUT -p tcp ! --dport 22
iptables -A INPUT -p tcp --sport 1:1023
iptables -A INPUT -m icmp --icmp-type 8
iptables -L INPUT
iptables -S INPUT
iptables -A INPUT -p tcp --dport foo
iptables -A INPUT -p tcp --dport 70000
iptables -A INPUT -m state --state
iptables -A INPUT -m state --state ""
iptables -A INPUT -m conntrack --ctstate NEW --ctstate NEW
iptables -A INPUT -p icmp --icmp-type 8 --icmp-type 0
iptables -A INPUT -m icmp
iptables -A INPUT -p icmp -p tcp
iptables -A INPUT -i ""
iptables -A INPUT -s 1.2.3.4 -s 2.2.2.2
iptables -A INPUT -s 1.2.3.4,5.6.7.8 -j ACCEPT
iptables -S INPUT
iptables -A INPUT -s 1.2.3.4/33
iptables -A INPUT -s 1.2.3.4/255.0.255.0
iptables -A INPUT -d localhost
iptables -A INPUT -s 10.1.2.3/8
iptables -L INPUT -n --line-numbers
iptables -L INPUT
iptables -D INPUT -s 1.2.3.4 -j ACCEPT
iptables -D INPUT 1 2
iptables -D INPUT 99
iptables -A INPUT ! -p all
iptables -v -A FORWARD -i br0 -j ACCEPT
iptables -v -F FORWARD
iptables -v -Z
iptables -t nat -v -Z
iptables -v -N vv
iptables -v -X vv
iptables -v -F
iptables -t nat -v -F
iptables -t nat -X
iptables -t nat -S
iptables -L -Z -v -n
iptables -V
iptables -nvL
iptables -Ln
iptables -L -L
iptables -A INPUT -L
iptables --list INPUT
iptables --lis
iptables --line-numbers -L OUTPUT
iptables --line -L OUTPUT
iptables -C INPUT -j ACCEPT
iptables -C OUTPUT -j ACCEPT
iptables -R INPUT 1 -j ACCEPT
iptables -R INPUT
iptables -A INPUT -j ACCEPT -c 5 10
iptables -A INPUT -c 5 -j ACCEPT
iptables -S INPUT -v
iptables -A INPUT -g OUTPUT
iptables -P OUTPUT DROP
iptables -X OUTPUT
iptables -X
iptables -S
iptables -6 -L
iptables -4 -L OUTPUT
iptables -t nat -A OUTPUT -j DROP
iptables -N -foo
iptables -N ACCEPT
iptables -N abcdefghijklmnopqrstuvwxyz0123
iptables -A INPUT -j abcdefghijklmnopqrstuvwxyz0123
iptables -A INPUT -i eth0 -i eth1
iptables -A INPUT -p tcp -m tcp --dport 22 --dport 23
iptables -A INPUT -p udp --dport 22 --dport 23
iptables -A INPUT -p udp --dport foo
iptables -h
iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE
iptables -N DOCKER
iptables -A FORWARD -j DOCKER
iptables -A DOCKER -j RETURN
iptables -L DOCKER -v -n
iptables -L -n
iptables -F DOCKER
iptables -X DOCKER
iptables -D FORWARD -j DOCKER
iptables -X DOCKER
iptables -L
iptables -A INPUT -p icmp -j ACCEPT -i lo
iptables -A OUTPUT -o lo -p udp --dport 53 -j ACCEPT
iptables -A OUTPUT -o lo -p tcp --dport https -j ACCEPT
iptables -A OUTPUT -o lo -p tcp --sport 22:25 -j ACCEPT
iptables -L OUTPUT
iptables -S OUTPUT
iptables -A INPUT -s 0/0 -j DROP
iptables -A INPUT -s 10.0.0.1/0.0.0.255 -j DROP
iptables -A INPUT -s 010.1 -j DROP
iptables -A INPUT -d 192.0.2.0/24 -j DROP
iptables -L INPUT -n
iptables -S INPUT
iptables -I INPUT 3 -j ACCEPT
iptables -L INPUT -n --line-numbers
iptables -L INPUT 3 -n --line-numbers
iptables -L INPUT 99
iptables -S INPUT 99
iptables -D INPUT 3
iptables --append INPUT --protocol icmp --jump ACCEPT
iptables --list INPUT --numeric
iptables -A INPUT --src 1.1.1.1 --dst 2.2.2.2
iptables -A INPUT --s 1.1.1.1
iptables -A INPUT --in eth0
iptables -A INPUT --ju ACCEPT
iptables -A INPUT -j SNAT --to 1.1.1.1
iptables -t nat -A POSTROUTING -j SNAT --to 1.1.1.1 --rand
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.1.1.1 ! --random
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.1.1.1 --random-fully --persistent
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.1.1.1:1000-900
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.1.1.1:1000:2000
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.1.1.1:abc
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.1.1.1-1.1.1.x
iptables -t nat -A PREROUTING -j DNAT --to-destination [::1]
iptables -t nat -L POSTROUTING -n
iptables -t nat -S POSTROUTING
iptables -t nat -L POSTROUTING
iptables -t nat -L -v
iptables -Z INPUT 1
iptables -Z INPUT 99
iptables -L -Z INPUT
iptables -A INPUT -p icmp --icmp-type echo
iptables -A INPUT -p icmp --icmp-type TOS
iptables -A INPUT -p icmp --icmp-type 300
iptables -A INPUT -p icmp --icmp-type 3/
iptables -A INPUT -p icmp --icmp-type network-unre
iptables -A INPUT -m state --state ESTABLISHED,
iptables -A INPUT -m state --state EST,REL
iptables -A INPUT -m conntrack --ctstate snat,dnat
iptables -A INPUT -m conntrack --ctstate ,NEW
iptables -A INPUT -m state --state FOO
iptables -A INPUT -m state ! --state NEW --state INVALID
iptables -L INPUT
iptables -S INPUT
