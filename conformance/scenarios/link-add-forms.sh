# ip link add's forms and limits: a veth with its own and its peer's address, mtu, txqueuelen and
# namespace, the peer keyword left out, a peer named like its device (the peer's ifindex is spent),
# the name length limits (iproute2 for "name", the kernel's policy for a bare name), mtu limits (the
# peer's error is bare), bridge timers (ranges in jiffies, STP clamping the forward delay when it
# comes on, HZ=250 rounding: hello_time 123 reads 122), delete of either end of a pair.
ip netns add c1
ip link add veth0 address 02:00:00:00:00:01 mtu 9000 txqueuelen 100 type veth peer name veth1 address 02:00:00:00:00:02 mtu 1400 netns c1
ip link show dev veth0
ip -n c1 link show dev veth1
ip link add veth2 type veth peer veth3
ip link add veth4 type veth
ip -br link show type veth
ip link add name br1 up type bridge
ip link add br2 address 02:00:00:00:00:09 type bridge
ip -br link show type bridge
ip link add veth5 type veth peer name veth5
ip link add veth6 type veth peer name veth0
ip link add lo type veth peer name x1
ip link add veth7 type veth peer name veth8 mtu 67
ip link add 123456789012345678 type bridge
ip link add veth9 type veth peer name 123456789012345678
ip link set dev veth0 name 123456789012345678
ip link add "a b" type bridge
ip link add br3 type bridge forward_delay 400 hello_time 150 max_age 1000 priority 4096 stp_state 1
ip link add br4 type bridge
ip link set br4 type bridge hello_time 50
ip link set br4 type bridge hello_time 1100
ip link set br4 type bridge max_age 500
ip link set br4 type bridge max_age 5000
ip link set br4 type bridge forward_delay 100
ip link set br4 type bridge stp_state 1
ip link set br4 type bridge forward_delay 100
ip link set br4 type bridge forward_delay 3500
ip link set br4 type bridge hello_time 123
ip -d link show br4
ip -d link show br3
ip link delete veth2
ip -br link show type veth
ip link del dev veth1
ip -n c1 link del veth1
ip link show veth0
ip link add dummy0 type dummy
