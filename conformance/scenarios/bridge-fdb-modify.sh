# bridge fdb add/replace/del: with neither master nor self, self is meant, and with no state, permanent
# (a local entry: frames to it go up the stack). master goes to the bridge of the port, self to the
# device itself: on a bridge a local entry of its own, on another device its unicast (or multicast)
# list, which makes a device without unicast filtering promiscuous while it is up. A port that does not
# learn refuses dynamic entries; the dynamic listing leaves out permanent entries only.
ip link add br0 type bridge
ip link add veth0 type veth peer name veth1
ip link set dev veth0 address 02:00:00:00:00:01
ip link set dev veth1 address 02:00:00:00:00:02
ip link set veth0 master br0
bridge fdb add 02:00:00:00:00:70 dev veth0
bridge fdb add 02:00:00:00:00:71 dev veth0 master
bridge fdb add 02:00:00:00:00:72 dev veth0 master static
bridge fdb add 02:00:00:00:00:73 dev veth0 master dynamic
bridge fdb add 02:00:00:00:00:74 dev veth0 master permanent
bridge fdb add 02:00:00:00:00:75 dev veth1
bridge fdb add 02:00:00:00:00:71 dev veth0 master
bridge fdb replace 02:00:00:00:00:71 dev veth0 master dynamic
bridge fdb show
bridge fdb show dynamic
bridge fdb del 02:00:00:00:00:70 dev veth0
bridge fdb del 02:00:00:00:00:75 dev veth1
bridge fdb del 02:00:00:00:00:75 dev veth1
bridge fdb add 02:00:00:00:00:76 dev br0
bridge fdb add 02:00:00:00:00:77 dev br0 self
bridge fdb add 02:00:00:00:00:78 dev br0 master
bridge fdb add 02:00:00:00:00:79 dev veth1 master
bridge fdb show br br0
bridge fdb show dev veth1
bridge fdb add 02:00:00:00:00:7a
bridge fdb add dev veth0
bridge fdb add zz dev veth0
ip -d link show veth1
ip link set veth1 up
ip -d link show veth1
bridge fdb add 02:00:00:00:00:7b dev veth1 static
bridge fdb add 01:00:5e:00:00:7c dev veth1
bridge fdb show dev veth1
bridge fdb del 02:00:00:00:00:79 dev veth1
ip -d link show veth1
ip link set br0 up
ip link set veth0 up
bridge fdb add 02:00:00:00:00:7d dev veth0 master dynamic
bridge fdb show dynamic
