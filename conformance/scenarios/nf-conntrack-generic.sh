# Connection tracking follows every protocol, not only ICMP. Once the nat table has switched it on, a
# bridge's IGMPv3 reports (two each time it joins or leaves the all-snoopers group: when it comes up with
# multicast snooping on, or when snooping is toggled while it is up) open "unknown" entries. Counts are
# shown rather than listings: the second report comes at a random moment and refreshes the timeout.
# Snooping toggled while the bridge is down announces nothing until it comes up.
iptables -t nat -A POSTROUTING -o br9 -j MASQUERADE
iptables -A OUTPUT -d 224.0.0.22 -j ACCEPT
ip link add br0 type bridge
ip link set br0 up
ip link add br1 type bridge mcast_snooping 0
ip addr add 192.0.2.9/24 dev br1
ip link set br1 type bridge mcast_snooping 1
ip link set br1 up
sleep 3
conntrack -C
iptables -L OUTPUT -v -n
conntrack -L -p icmp
conntrack -F
conntrack -C
ip link set br1 type bridge mcast_snooping 0
sleep 3
iptables -L OUTPUT -v -n
conntrack -C
ip link set br1 down
ip link set br1 type bridge mcast_snooping 1
ip link set br1 up
sleep 3
iptables -L OUTPUT -v -n
conntrack -C
ip link add br2 type bridge mcast_snooping 0
ip link set br2 up
sleep 3
iptables -L OUTPUT -v -n
