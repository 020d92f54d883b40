// The physical network of the article as commands: a LAN switch with the gateway 192.168.3.1, and
// behind the gateway an internet with a few named hosts. The host plugs its eth0 into port p1.

/** Hosts on the "internet" and the addresses /etc/hosts gives them. */
export const INTERNET_HOSTS: readonly [string, string][] = [
  ['baidu.com', '110.242.68.66'],
  ['www.baidu.com', '110.242.68.66'],
  ['example.com', '93.184.215.14'],
  ['one.one.one.one', '1.1.1.1'],
];

/** Builds lan (switch sw0, ports p1..p4), gw (the router) and internet; the host's eth0 is a NIC cabled to lan:p1. */
export function outsideWorld(opts: { hostNic?: string; gatewayMac?: string } = {}): string[] {
  const nic = opts.hostNic ?? 'eth0';
  const cmds = [
    '# the LAN: a switch with four ports',
    'ip netns add lan',
    'ip -n lan link add sw0 type bridge',
    'ip -n lan link set sw0 up',
  ];
  for (const p of ['p1', 'p2', 'p3', 'p4'])
    cmds.push(`lab nic add ${p} netns lan`, `ip -n lan link set ${p} master sw0`, `ip -n lan link set ${p} up`);
  cmds.push(
    '# the gateway 192.168.3.1 routes between the LAN and the internet',
    'ip netns add gw',
    `lab nic add eth0 netns gw${opts.gatewayMac ? ` address ${opts.gatewayMac}` : ''}`,
    'lab nic add eth1 netns gw',
    'lab cable gw:eth0 lan:p4',
    'ip -n gw addr add 192.168.3.1/24 dev eth0',
    'ip -n gw addr add 100.64.0.1/24 dev eth1',
    'ip -n gw link set eth0 up',
    'ip -n gw link set eth1 up',
    'ip netns exec gw sysctl -w net.ipv4.ip_forward=1',
    '# the internet: one namespace holding every public address, routing back to the LAN through gw',
    'ip netns add internet',
    'lab nic add eth0 netns internet',
    'lab cable internet:eth0 gw:eth1',
    'ip -n internet addr add 100.64.0.2/24 dev eth0',
    'ip -n internet link set eth0 up',
    'ip -n internet route add 192.168.3.0/24 via 100.64.0.1',
    'ip -n gw route add default via 100.64.0.2',
  );
  const seen = new Set<string>();
  for (const [name, addr] of INTERNET_HOSTS) {
    if (!seen.has(addr)) cmds.push(`ip -n internet addr add ${addr}/32 dev lo`);
    seen.add(addr);
    cmds.push(`lab hosts add ${name} ${addr}`);
  }
  cmds.push("# the host's NIC, plugged into the switch", `lab nic add ${nic}`, `lab cable ${nic} lan:p1`);
  return cmds;
}

/** The lines of outsideWorld() whatever its options: the setup a page may run without showing it. */
const WORLD_LINES = new Set(outsideWorld());
export function isOutsideWorldLine(line: string): boolean {
  // the gateway's NIC may be given its MAC address; any other line is as outsideWorld() writes it
  return WORLD_LINES.has(line.replace(/^(lab nic add eth0 netns gw) address \S+$/, '$1'));
}
