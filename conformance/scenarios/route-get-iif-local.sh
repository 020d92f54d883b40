# ip route get ... iif DEV for packets this host would take: local and broadcast input routes print no
# table (the merged main/local trie answers as main), with a cache line naming the input device.
ip link add v0 type veth peer name v1
ip addr add 10.9.0.1/24 dev v0
ip addr add 10.9.1.1/24 dev v1
ip link set v0 up
ip link set v1 up
ip route get 255.255.255.255 from 10.9.0.7 iif v0
ip route get 10.9.0.1 from 10.9.0.7 iif v0
ip route get 10.9.0.255 from 10.9.0.7 iif v0
ip route get 10.9.1.1 from 10.9.0.7 iif v0
ip route get 10.9.1.255 from 10.9.0.7 iif v0
ip route get 10.9.0.1 from 10.9.0.7 iif lo
ip route get 10.9.1.1 from 10.9.0.255 iif v0
ip route get 10.9.0.1
ip route get 10.9.0.255
