# ip tuntap's forms: flags (pi, one_queue, vnet_hdr, multi_queue) and owner/group as show and ip -d
# print them, a delete that must name the device's kind and multi_queue flag, errors of add and del,
# and ip link show type tun, which lists taps too (both are the "tun" link kind).
ip tuntap add dev tap0 mode tap
ip tuntap add dev tun0 mode tun user 0 group 0
ip tuntap add dev tap1 mode tap multi_queue
ip tuntap add tap2 mode tap
ip tuntap add dev tap0 mode tap
ip tuntap add dev tap9
ip tuntap add dev tap8 mode bogus
ip tuntap show
ip tuntap list
ip tuntap show dev tun0
ip tuntap del dev tap1 mode tap
ip tuntap del dev tap1 mode tap
ip tuntap del dev tun0
ip tuntap del dev tun0 mode tun
ip -br link show type tun
ip link del tap2
ip tuntap
ip tuntap add dev tap3 mode tap pi vnet_hdr one_queue
ip tuntap add dev tun4 mode tun user 0 group 0
ip tuntap add dev tap5 mode tap multi_queue
ip tuntap show
ip -d link show tun4
ip -d link show tap5
ip -d link show tap3
ip link show type tap
ip tuntap del dev tap5 mode tap multi_queue
ip tuntap show
