# conntrack's usage, options and messages on an empty table, and iptables-save's errors.
conntrack
conntrack -h
conntrack -L
conntrack -L -p bogus
conntrack -L -s 1.2.3
conntrack -L -s
conntrack -L foo
conntrack -L -p icmp -s 1.2.3.4
conntrack -F conntrack
conntrack -L conntrack -p tcp
conntrack -F -p icmp
conntrack -L -F
conntrack -D
conntrack -L expect
conntrack -C
conntrack -L -n
conntrack -L -f ipv6
conntrack -L -o extended
conntrack --version
conntrack -V
conntrack -X
conntrack -L --bogus
conntrack -L -s foo
conntrack -L -d 300.1.1.1
conntrack -L -p 1
conntrack -L -p ICMP
conntrack -F expect
conntrack -C -p icmp
conntrack -D -p icmp
conntrack --dump
conntrack -L -o foo
iptables-save -t foo
iptables-save --bogus
iptables-save -V
iptables-save -t
