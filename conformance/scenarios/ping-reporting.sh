# ping's reporting forms: -O says which request is still unanswered when the next one goes, -q keeps only
# the summary, -w ends by deadline, -s 8 has no room for a timestamp, -t 0 is refused by setsockopt,
# -l preloads.
ip link add veth0 type veth peer name veth1
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ping -c 2 -i 1.5 -O 10.0.0.9
ping -c 1 -q 10.0.0.9
ping -c 3 -w 1 10.0.0.9
ping -w 2 -i 0.5 10.0.0.1
ping -c 2 -s 8 10.0.0.1
ping -c 1 -t 0 10.0.0.1
ping -c 1 -l 3 10.0.0.1
