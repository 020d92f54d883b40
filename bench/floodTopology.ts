// The flood bench's topology, the same lines on the kernel and in the simulator: two namespaces, each with
// the far end of a veth whose near end is a port of br0 (veth -> br0 -> veth). `p` prefixes the namespaces.
export const FLOOD_TOPOLOGY = (p: string): string[] => [
  `ip netns add ${p}c1`,
  `ip netns add ${p}c2`,
  `ip link add br0 type bridge`,
  `ip link set br0 up`,
  `ip link add vA type veth peer name eth0 netns ${p}c1`,
  `ip link add vB type veth peer name eth0 netns ${p}c2`,
  `ip link set vA master br0`,
  `ip link set vB master br0`,
  `ip link set vA up`,
  `ip link set vB up`,
  `ip -n ${p}c1 addr add 10.99.0.1/24 dev eth0`,
  `ip -n ${p}c2 addr add 10.99.0.2/24 dev eth0`,
  `ip -n ${p}c1 link set eth0 up`,
  `ip -n ${p}c2 link set eth0 up`,
];
