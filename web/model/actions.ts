// What a person does on the diagram, and the command lines a Linux user would type for it. The lab runs
// the lines through the same shell as the terminal; nothing here changes the network itself.
import type { ConfKey, Snapshot } from '../../sim/index';
import { devId, nsId, nsRole } from './ids';

export type LabAction =
  | { type: 'addBridge'; ns: string }
  | { type: 'addVethPair'; ns: string }
  | { type: 'addTap'; ns: string }
  | { type: 'addNetns' }
  | { type: 'addLan'; ns: string }
  | { type: 'cable'; ns: string; dev: string; lan: string; port: string | null }
  | { type: 'enslave'; ns: string; dev: string; br: string }
  | { type: 'release'; ns: string; dev: string }
  | { type: 'moveToNs'; ns: string; dev: string; to: string }
  | { type: 'setUp'; ns: string; dev: string; up: boolean }
  | { type: 'setMac'; ns: string; dev: string; mac: string }
  | { type: 'addAddr'; ns: string; dev: string; cidr: string }
  | { type: 'delAddr'; ns: string; dev: string; cidr: string }
  | { type: 'setConf'; ns: string; dev: string; key: ConfKey; value: number }
  | { type: 'setIpForward'; ns: string; value: number }
  | { type: 'deleteDev'; ns: string; dev: string }
  | { type: 'deleteNs'; ns: string };

/** One command line and the terminal (namespace) it is typed in. */
export interface Step {
  ns: string;
  line: string;
}

function devNames(snap: Snapshot, ns: string): Set<string> {
  return new Set(snap.namespaces.find((n) => n.name === ns)?.devices.map((d) => d.name) ?? []);
}

/** dev_alloc_name()-like: the first free "prefix%d". */
export function freeName(taken: ReadonlySet<string>, prefix: string, from = 0): string {
  for (let i = from; ; i++) if (!taken.has(`${prefix}${i}`)) return `${prefix}${i}`;
}

/** Two consecutive free names for a veth pair: veth0/veth1, then veth2/veth3... */
function freePair(taken: ReadonlySet<string>): [string, string] {
  for (let i = 0; ; i += 2)
    if (!taken.has(`veth${i}`) && !taken.has(`veth${i + 1}`)) return [`veth${i}`, `veth${i + 1}`];
}

function freeNetns(snap: Snapshot, prefix: string, from: number): string {
  return freeName(new Set(snap.namespaces.map((n) => n.name)), prefix, from);
}

/** The LAN subnets in use, so a new physical network gets the next 192.168.x.0/24. */
function freeSubnet(snap: Snapshot): number {
  const used = new Set<number>();
  for (const n of snap.namespaces)
    for (const d of n.devices) for (const a of d.addrs) used.add(Number(a.local.split('.')[2]));
  for (let x = 3; ; x++) if (!used.has(x)) return x;
}

export function actionSteps(a: LabAction, snap: Snapshot): Step[] {
  const at = (ns: string, ...lines: string[]) => lines.map((line) => ({ ns, line }));
  switch (a.type) {
    case 'addBridge': {
      const br = freeName(devNames(snap, a.ns), 'br');
      return at(a.ns, `ip link add name ${br} type bridge`, `ip link set ${br} up`);
    }
    case 'addVethPair': {
      const [x, y] = freePair(devNames(snap, a.ns));
      return at(a.ns, `ip link add ${x} type veth peer name ${y}`);
    }
    case 'addTap':
      return at(a.ns, `ip tuntap add dev ${freeName(devNames(snap, a.ns), 'tap')} mode tap`);
    case 'addNetns': {
      const c = freeNetns(snap, 'c', 1);
      return [...at('host', `ip netns add ${c}`), ...at(c, 'ip link set lo up')];
    }
    case 'addLan': {
      // a NIC of its own (1 Gb/s), cabled to a new physical network whose gateway is .1 of the next subnet
      const lan = snap.namespaces.some((n) => n.name === 'lan') ? freeNetns(snap, 'lan', 2) : 'lan';
      const nic = freeName(devNames(snap, a.ns), 'eth');
      const net = freeSubnet(snap);
      return [
        ...at('host', `ip netns add ${lan}`),
        ...at(lan, 'lab nic add gw', `ip addr add 192.168.${net}.1/24 dev gw`, 'ip link set gw up'),
        ...at(a.ns, `lab nic add ${nic}`, `lab cable ${nic} ${lan}:gw`, `ip link set ${nic} up`),
      ];
    }
    case 'cable': {
      // a free port of the switch, or a new one on it as outside_world makes them
      if (a.port) return at(a.ns, `lab cable ${a.dev} ${a.lan}:${a.port}`);
      const p = freeName(devNames(snap, a.lan), 'p', 1);
      const sw = snap.namespaces.find((n) => n.name === a.lan)?.devices.find((d) => d.kind === 'bridge')?.name;
      return [
        ...at('host', `lab nic add ${p} netns ${a.lan}`),
        ...at('host', ...(sw ? [`ip -n ${a.lan} link set ${p} master ${sw}`] : []), `ip -n ${a.lan} link set ${p} up`),
        ...at(a.ns, `lab cable ${a.dev} ${a.lan}:${p}`),
      ];
    }
    case 'enslave':
      return at(a.ns, `ip link set dev ${a.dev} master ${a.br}`);
    case 'release':
      return at(a.ns, `ip link set dev ${a.dev} nomaster`);
    case 'moveToNs':
      return at(a.ns, `ip link set ${a.dev} netns ${a.to}`);
    case 'setUp':
      return at(a.ns, `ip link set ${a.dev} ${a.up ? 'up' : 'down'}`);
    case 'setMac':
      return at(a.ns, `ip link set dev ${a.dev} address ${a.mac}`);
    case 'addAddr':
      return at(a.ns, `ip addr add ${a.cidr} dev ${a.dev}`);
    case 'delAddr':
      return at(a.ns, `ip addr del ${a.cidr} dev ${a.dev}`);
    case 'setConf':
      return at(a.ns, `sysctl -w net.ipv4.conf.${a.dev}.${a.key}=${a.value}`);
    case 'setIpForward':
      return at(a.ns, `sysctl -w net.ipv4.ip_forward=${a.value}`);
    case 'deleteDev':
      return at(a.ns, `ip link del ${a.dev}`);
    case 'deleteNs':
      return at('host', `ip netns del ${a.ns}`);
    default: {
      const never: never = a;
      return never;
    }
  }
}

/** The diagram ids of the devices or box an action adds, by the names actionSteps gives them. */
export function addedIds(a: LabAction, snap: Snapshot): string[] {
  switch (a.type) {
    case 'addBridge':
      return [devId(a.ns, freeName(devNames(snap, a.ns), 'br'))];
    case 'addVethPair':
      return freePair(devNames(snap, a.ns)).map((d) => devId(a.ns, d));
    case 'addTap':
      return [devId(a.ns, freeName(devNames(snap, a.ns), 'tap'))];
    case 'addNetns':
      return [nsId(freeNetns(snap, 'c', 1))];
    default:
      return [];
  }
}

/** Where a device dropped on the diagram ends up, as an action (or none: it only moved on the page). */
export function dropAction(
  snap: Snapshot,
  from: { ns: string; dev: string },
  onto: { ns: string | null; bridge: string | null },
): LabAction | null {
  const dev = snap.namespaces.find((n) => n.name === from.ns)?.devices.find((d) => d.name === from.dev);
  if (!dev) return null;
  if (onto.ns && onto.ns !== from.ns && nsRole(onto.ns) !== 'lan')
    return { type: 'moveToNs', ns: from.ns, dev: from.dev, to: onto.ns };
  if (onto.ns === from.ns && onto.bridge && onto.bridge !== dev.name && dev.master !== onto.bridge) {
    return { type: 'enslave', ns: from.ns, dev: from.dev, br: onto.bridge };
  }
  if (!onto.ns && dev.master) return { type: 'release', ns: from.ns, dev: from.dev };
  return null;
}
