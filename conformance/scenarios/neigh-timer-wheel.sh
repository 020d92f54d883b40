# A neighbour's timers run on the kernel's timer wheel: three ARP retransmissions end some 10-100 ms
# after 3 s, so a ping whose second ends before 3 s hears nothing of the failure, and neither does one
# started 1.5 s after the first; the entry is FAILED soon after 3 s. (Each wait leaves some 300 ms either
# side of the failure, so a busy machine's slower commands do not move a line.)
ip netns add lan
ip link add eth0 type veth peer name gw netns lan
ip addr add 192.168.3.21/24 dev eth0
ip link set eth0 up
ip -n lan link set gw up
ping -c 1 -W 1 192.168.3.9
sleep 0.6
ping -c 1 -W 1 192.168.3.9
sleep 0.8
ip neigh
ping -c 1 -W 1 192.168.3.8
sleep 0.5
ping -c 1 -W 1 192.168.3.8
ip neigh
