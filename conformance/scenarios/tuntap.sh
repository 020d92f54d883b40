# tun and tap devices: no carrier without a process, link/none for tun, a tap as a bridge port (cost 2:
# tun reports 10 Gb/s in 6.18), and ip tuntap del / add of an existing name.
ip tuntap add dev tap0 mode tap
ip tuntap add dev tun0 mode tun
ip link set tap0 address 02:00:00:00:00:0a
ip link
ip link set tap0 up
ip link set tun0 up
ip -br link
ip addr add 10.8.0.1/24 dev tun0
ip addr add 10.9.0.1/24 dev tap0
ip route
ip link add br0 type bridge
ip link set br0 up
ip link set tap0 master br0
bridge link
ip -br link show dev br0
ping -c 1 -W 1 10.8.0.5
ip tuntap del dev tun0 mode tun
ip tuntap add dev tap0 mode tap
ip -br link
