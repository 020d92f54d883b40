# A snooping bridge announces the all-snoopers group (br_multicast_join_snoopers() -> igmp_ifc_event())
# with two IGMPv3 reports: the first within two jiffies of `up`, the second within
# igmpv3_unsolicited_report_interval. A bridge with no forwarding port has no carrier, and dev_deactivate()
# left noop_qdisc on it: noop_enqueue() drops each report and ip -s link counts a TX drop. With the
# default interval (1 s) whether the second one finds the carrier depends on how soon a port comes up
# (the pvlan fuzz lab raced on it); an interval of 1 ms sends both before any port can. Once a port
# forwards, turning snooping off (br_multicast_leave_snoopers()) sends its two reports out.
ip netns add h1
ip link add br0 type bridge
ip link set br0 address 02:00:00:00:00:10
sysctl -w net.ipv4.conf.br0.igmpv3_unsolicited_report_interval=1
ip link set br0 up
sleep 1
ip -s link show br0
ip link add p1 type veth peer name eth0 netns h1
ip link set p1 address 02:00:00:00:00:01
ip -n h1 link set eth0 address 02:00:00:00:01:01
ip link set p1 master br0
ip link set p1 up
ip -n h1 link set eth0 up
sleep 1
ip -s link show br0
ip link set br0 type bridge mcast_snooping 0
sleep 1
ip -s link show br0
ip -s link show p1
