# A bridge MAC set by hand stays (KERNEL.md 1.6): `ip link set br0 address ...` marks it
# NET_ADDR_SET, and br_stp_recalculate_bridge_id() then keeps it through every port add and
# delete, even when a port with a lower address joins and after the last port leaves. Its local FDB
# entry is not a port's: `bridge fdb` shows it on br0 itself.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip link add name br0 type bridge
ip link set br0 up
ip link add va type veth peer name vap
ip link add vb type veth peer name vbp
ip link set dev va address 02:00:00:00:00:20
ip link set dev vb address 02:00:00:00:00:10
ip link set dev vap address 0a:00:00:00:00:20
ip link set dev vbp address 0a:00:00:00:00:10
ip link set va up
ip link set vb up
ip link set vap up
ip link set vbp up
ip link set dev va master br0
ip -br link show dev br0
ip link set dev br0 address 02:00:00:00:00:99
ip -br link show dev br0
bridge fdb show br br0 permanent
ip link set dev vb master br0
ip -br link show dev br0
ip link set dev va nomaster
ip link set dev vb nomaster
ip -br link show dev br0
bridge fdb show br br0 permanent
ip link set dev vb master br0
ip -br link show dev br0
ip link set dev br0 address 02:00:00:00:00:10
ip -br link show dev br0
bridge fdb show br br0 permanent
