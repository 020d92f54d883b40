# What -d adds to ip link, ip addr and bridge link for each kind of device: the kind's own line, a bridge
# port's line, queue and GSO figures (a bridge takes its ports' tso_max_size once it has had one), and
# addrgenmode, which ip addr does not print. Devices are shown while their timers are stopped (a bridge
# that is up runs its FDB cleanup timer, printed to the hundredth of a second). This kernel has no VLAN
# filtering: vlan_filtering, even 0, is refused, after the options br_changelink() handles before it;
# a bridge that fails so at creation is deleted again.
ip link add name br0 type bridge
ip -d link show br0
ip link add veth0 type veth peer name veth1
ip link set dev veth0 address 02:00:00:00:00:01
ip link set dev veth1 address 02:00:00:00:00:02
ip link set veth0 master br0
ip -d link show lo
ip -d link show veth1
ip tuntap add dev tap0 mode tap
ip tuntap add dev tun0 mode tun
ip -d link show tap0
ip -d link show tun0
ip -d addr show dev tun0
bridge -d link show
ip link add br1 type bridge vlan_filtering 0
ip link add br2 type bridge stp_state 1 bogus 1
ip link add br3 type bridge forward_delay x
ip link set br0 type bridge stp_state 1 vlan_filtering 1
ip link set br0 up type bridge mcast_snooping 0 vlan_filtering 1
ip -br link
bridge vlan add dev veth0 vid 5
bridge vlan show
bridge vlan
bridge vlan show dev veth0
bridge vlan show dev nope
bridge vlan foo
ip link add br4 type bridge
ip -br link show dev br4
ip -d link show br0
ip -d link show veth0
ip link set br0 type bridge stp_state 0
ip -d link show br0
ip link del br0
ip link add br0 type bridge
ip -d link show br0
