# ping -s at IPv4's limits: 65507 bytes of data fill a 65535-byte datagram; 65508 to 65527 are refused
# locally (EMSGSIZE, "local error", +1 errors); from 65528 on iputils sends nothing it could report;
# past 2147483647 the size is an invalid argument. (From about 5.5 MB the real ping also warns that
# rcvbuf is too small - that depends on the host's net.core.rmem_max, not modelled; and above about
# 400 MB it spends seconds filling its buffer, or never returns: the lab answers at once instead.)
ip link set lo up
ping -c1 -W1 -s 65507 127.0.0.1
ping -c1 -W1 -s 65508 127.0.0.1
ping -c1 -W1 -s 65527 127.0.0.1
ping -c1 -W1 -s 65528 127.0.0.1
ping -c1 -W1 -s 70000 127.0.0.1
ping -c1 -W1 -s 1000000 127.0.0.1
ping -c1 -W1 -s 2147483648 127.0.0.1
ping -c1 -W1 -s -1 127.0.0.1
ping -c1 -W1 -s 99999999999999999999 127.0.0.1
