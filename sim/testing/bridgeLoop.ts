// Test fixture: two bridges joined by three veth pairs with STP off, br0 addressed and up: the loop the
// storm tests (model, worker, page) start a broadcast storm in.
export const BRIDGE_LOOP: readonly string[] = [
  'ip link add br0 type bridge',
  'ip link add br1 type bridge',
  ...[1, 2, 3].map((i) => `ip link add a${i} type veth peer name b${i}`),
  ...[1, 2, 3].map((i) => `ip link set a${i} master br0`),
  ...[1, 2, 3].map((i) => `ip link set b${i} master br1`),
  ...[1, 2, 3].map((i) => `ip link set a${i} up`),
  ...[1, 2, 3].map((i) => `ip link set b${i} up`),
  'ip link set br1 up',
  'ip addr add 10.9.0.1/24 dev br0',
  'ip link set br0 up',
];
