# The bridge's MAC follows its ports (br_stp_recalculate_bridge_id(), KERNEL.md 1.6): on every port
# add and delete it becomes the numerically smallest port address, unless it was set by hand. A new
# bridge has a random address; the first port gives it its own; a higher one leaves it; a lower one
# takes over; changing a port's address recalculates it too (the new address is seen on br0 and
# vb at once, and br0 comes first, so it prints as {br0}); when the last port leaves, the bridge
# is left with 00:00:00:00:00:00 and, having lost its last forwarding port, no carrier.
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip link add name br0 type bridge
ip link set br0 up
ip link add va type veth peer name vap
ip link add vb type veth peer name vbp
ip link add vc type veth peer name vcp
ip link set dev va address 02:00:00:00:00:20
ip link set dev vb address 02:00:00:00:00:30
ip link set dev vc address 02:00:00:00:00:10
ip link set dev vap address 0a:00:00:00:00:20
ip link set dev vbp address 0a:00:00:00:00:30
ip link set dev vcp address 0a:00:00:00:00:10
ip link set va up
ip link set vb up
ip link set vc up
ip link set vap up
ip link set vbp up
ip link set vcp up
ip -br link show dev br0
ip link set dev va master br0
ip -br link show dev br0
ip link set dev vb master br0
ip -br link show dev br0
ip link set dev vc master br0
ip -br link show dev br0
bridge fdb show br br0 permanent
ip link set dev vc nomaster
ip -br link show dev br0
ip link set dev va nomaster
ip -br link show dev br0
ip link set dev vb address 02:00:00:00:00:05
ip -br link show dev br0
bridge fdb show br br0 permanent
ip link set dev vb nomaster
ip -br link show dev br0
ip link show dev br0
bridge fdb show br br0 permanent
ip link set dev vc master br0
ip -br link show dev br0
