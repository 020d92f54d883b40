// `help`: this shell's own builtin (bash's help lists bash's builtins; ours lists the commands this
// simulated machine knows, one line each). `help CMD` prints that command's line.
import { CmdError } from './errors';

/** Every command the shell runs, with what it is for; the shell's COMMANDS is this table's keys. */
export const HELP = {
  ip: 'show and change links, addresses, routes, neighbours, namespaces, tun/tap (iproute2)',
  bridge: 'show and change bridge ports, the forwarding database, VLANs (iproute2)',
  sysctl: 'read and set kernel parameters: sysctl -w net.ipv4.ip_forward=1',
  ping: 'send ICMP echo requests: ping -c 1 192.168.3.1',
  arping: 'send ARP requests: arping -c 1 -I eth0 192.168.3.1',
  tcpdump: 'capture the frames on a device: tcpdump -i br0 -n',
  route: 'the old routing table tool (net-tools)',
  arp: 'the old neighbour table tool (net-tools)',
  iptables: 'packet filtering and NAT rules',
  'iptables-save': 'print every iptables rule',
  conntrack: 'list and clear the connection tracking table',
  lab: 'what hands do: lab nic add, lab cable, lab unplug, lab vm add, lab hosts add',
  sleep: 'wait on the virtual clock: sleep 1',
  echo: 'print its arguments',
  true: 'do nothing, successfully',
  false: 'do nothing, unsuccessfully',
  help: 'this list; help CMD shows one command',
} as const;

export function helpMain(argv: string[]): string[] {
  const names = Object.keys(HELP) as (keyof typeof HELP)[];
  const wanted = argv.slice(1);
  const width = Math.max(...names.map((n) => n.length)) + 2;
  const line = (n: keyof typeof HELP) => `${n.padEnd(width)}${HELP[n]}`;
  if (!wanted.length) return ['Commands of this lab (Tab completes a command, its words and device names):', ...names.map(line)];
  const out: string[] = [];
  for (const w of wanted) {
    // bash's own words when no topic matches
    if (!(w in HELP)) throw new CmdError(`bash: help: no help topics match \`${w}'.  Try \`help help' or \`man -k ${w}' or \`info ${w}'.`, 1);
    out.push(line(w as keyof typeof HELP));
  }
  return out;
}
