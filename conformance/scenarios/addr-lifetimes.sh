# Address lifetimes: an address with a valid lifetime is dynamic and shows what is left in whole
# seconds; preferred_lft 0 deprecates it at once, the preferred lifetime running out deprecates it later,
# the valid one deletes it; forever (or 4294967295) makes it permanent again, and a permanent address
# shows forever for both even when deprecated. The first sleep lets the new link settle, so the kernel's
# and the simulator's clocks agree on the seconds.
ip link add veth0 type veth peer name veth1
sleep 2
ip addr add 10.0.0.1/24 dev veth0 valid_lft 100 preferred_lft 50
ip addr add 10.0.0.2/24 dev veth0 valid_lft forever preferred_lft 0
ip addr add 10.0.0.3/24 dev veth0 valid_lft 10 preferred_lft 20
ip addr show dev veth0
ip -o addr show dev veth0
ip addr change 10.0.0.1/24 dev veth0 valid_lft forever preferred_lft forever
ip addr show dev veth0
ip addr add 10.0.0.3/24 dev veth0 valid_lft 3 preferred_lft 1 noprefixroute
ip addr add 10.0.0.4/24 dev veth0 valid_lft 4294967295
ip addr add 10.0.0.5/24 dev veth0 valid_lft x
sleep 2
ip addr show dev veth0
sleep 2
ip addr show dev veth0
ip -br addr show dev veth0
