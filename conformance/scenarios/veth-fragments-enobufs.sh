# A veth peer whose MTU is smaller than the sender's: veth_xmit() drops each frame is_skb_forwardable()
# refuses (the sender counts a TX drop, the peer an RX drop) and returns NET_XMIT_DROP, which sendmsg()
# sees as ENOBUFS (ip_send_skb(): net_xmit_errno()). A 3028-byte echo leaves in three fragments; with the
# neighbour unresolved the first waits in its queue while __neigh_event_send() sends the solicitation, and
# the local_bh_enable() after it runs the softirqs: the reply comes back through the bridge, the queued
# fragment goes out and is dropped, and the second one is dropped at once, so ip_do_fragment() stops
# there and the small third fragment is never sent. ping retries after 500 ms (nores_interval) and then
# reports the error. A single packet that waits for ARP is dropped after sendmsg() returned: no error.
ip netns add a
sysctl -w net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0
ip netns exec a sysctl -w net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0
ip link add br0 type bridge mcast_snooping 0
ip link set br0 address 02:00:00:00:00:10
ip link add va type veth peer name eth0 netns a
ip link set va address 02:00:00:00:00:03
ip -n a link set eth0 address 02:00:00:00:00:a1
sysctl -w net.ipv4.neigh.br0.base_reachable_time_ms=3600000 net.ipv4.neigh.br0.delay_first_probe_time=3600
ip netns exec a sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=3600000 net.ipv4.neigh.eth0.delay_first_probe_time=3600
ip link set va master br0
ip addr add 10.9.0.1/24 dev br0
ip -n a addr add 10.9.0.11/24 dev eth0
ip link set br0 up
ip link set va up
ip -n a link set eth0 up
sleep 1
ip link set va mtu 1280
#> capture va a:eth0
ip netns exec a ping -c 1 -W 1 -s 3000 -M dont 10.9.0.1
ip -s link show va
ip -n a -s link show eth0
#> capture va
ip netns exec a ping -c 1 -W 1 -s 3000 -M dont 10.9.0.1
ip -n a neigh flush dev eth0
#> capture va a:eth0
ip netns exec a ping -c 1 -W 1 -s 1300 -M dont 10.9.0.1
ip -s link show va
ip -n a -s link show eth0
#> capture va
ip netns exec a ping -c 1 -W 1 -s 1200 -M dont 10.9.0.1
