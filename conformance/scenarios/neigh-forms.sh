# ip neigh's other forms: nud states given at add (noarp, stale, incomplete), get, show with a prefix
# (to), a state or proxy, flush by state, all or prefix, and proxy entries, which go when their device
# goes down.
ip link add veth0 type veth peer name veth1
ip link set dev veth0 address 02:00:00:00:00:01
ip link set dev veth1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ip neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev veth0
ip neigh add 10.0.0.6 lladdr 02:00:00:00:00:06 dev veth0 nud noarp
ip neigh add 10.0.0.7 lladdr 02:00:00:00:00:07 dev veth0 nud stale
ip neigh add 10.0.0.8 dev veth0 nud incomplete
ip neigh add proxy 10.0.0.9 dev veth0
ip neigh get 10.0.0.5 dev veth0
ip neigh get 10.0.0.99 dev veth0
ip neigh show to 10.0.0.0/30
ip neigh show nud noarp
ip neigh show nud all
ip neigh show proxy
ip neigh show nud stale dev veth0
ip neigh del proxy 10.0.0.9 dev veth0
ip neigh show proxy
ip neigh flush dev veth0 nud stale
ip neigh show dev veth0
ip neigh flush all
ip neigh show
ip neigh flush to 10.0.0.5
ip neigh
ip neigh add proxy 10.0.0.9 dev veth0
ip neigh show proxy dev veth0
ip link set veth0 down
ip neigh show proxy
ip link set veth0 up
