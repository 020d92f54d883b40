// `lab`: what a person does with hands rather than commands on a real network: plug a NIC in, run a
// VM behind a tap, edit /etc/hosts. Everything else in a lab is plain ip/bridge/sysctl.
import { parseIp4, fmtIp4, type Ip4 } from '../core/addr';
import type { Netns } from '../net/netns';
import type { World } from '../net/world';
import type { NetDevice } from '../net/netdevice';
import { plug, unplug, type CableEnd } from '../drivers/nic';
import { isNic, nicProbe } from '../drivers/nic_link';
import { isTun } from '../drivers/tun_link';
import { destroyNetns } from '../net/rtnl';
import { devOpen, devUnregister } from '../net/link';
import { CmdError } from './errors';
import { parseLladdr } from './ip/util';
import { validIfname } from './ip/link';
import { validNetnsName } from './ip/netns';

const USAGE = [
  'Usage: lab nic add NAME [netns NS] [address LLADDR] [speed MBPS]',
  '       lab cable [NS:]DEV [NS:]DEV',
  '       lab unplug [NS:]DEV',
  '       lab vm add NAME tap TAPDEV [address LLADDR]',
  '       lab vm del NAME',
  '       lab hosts [ add NAME ADDRESS | del NAME ]',
];

function devSpec(world: World, cur: Netns, spec: string): NetDevice {
  const [nsName, devName] = spec.includes(':') ? spec.split(':', 2) : [cur.name, spec];
  const ns = world.netns(nsName);
  if (!ns) throw new CmdError(`lab: no namespace "${nsName}"`, 1);
  const d = ns.dev(devName);
  if (!d) throw new CmdError(`lab: no device "${spec}"`, 1);
  return d;
}

export function labMain(argv: string[], ns: Netns): string[] {
  const world = ns.world;
  const [obj, sub, ...rest] = argv.slice(1);
  if (obj === 'nic' && sub === 'add') {
    const name = rest[0];
    if (!name) throw new CmdError(USAGE, 1);
    let target = ns;
    let mac = null;
    let speed = 1000;
    for (let i = 1; i < rest.length; i += 2) {
      const k = rest[i],
        v = rest[i + 1];
      if (v === undefined) throw new CmdError(USAGE, 1);
      if (k === 'netns') {
        const t = world.netns(v);
        if (!t) throw new CmdError(`lab: no namespace "${v}"`, 1);
        target = t;
      } else if (k === 'address') mac = parseLladdr(v);
      else if (k === 'speed') {
        speed = Number(v);
        if (!Number.isInteger(speed) || speed <= 0) throw new CmdError(`lab: bad speed "${v}"`, 1);
      } else throw new CmdError(USAGE, 1);
    }
    // the names `ip link add` takes (dev_valid_name(), under IFNAMSIZ)
    if (!validIfname(name))
      throw new CmdError(
        `lab: "${name}" is not a valid interface name (1 to 15 characters, no "/", ":" or spaces, not "." or "..")`,
        1,
      );
    if (target.dev(name)) throw new CmdError('RTNETLINK answers: File exists', 2);
    nicProbe(target, name, mac ?? null, speed);
    return [];
  }
  if (obj === 'cable' && sub && rest[0]) {
    const a = devSpec(world, ns, sub),
      b = devSpec(world, ns, rest[0]);
    if (!isNic(a) || !isNic(b)) throw new CmdError('lab: a cable joins two NICs (lab nic add)', 1);
    if (a.cable || b.cable) throw new CmdError('lab: unplug the cable first', 1);
    if (a === b) throw new CmdError('lab: a cable needs two ends', 1);
    plug(a, b);
    return [];
  }
  if (obj === 'unplug' && sub) {
    const a = devSpec(world, ns, sub);
    if (!isNic(a)) throw new CmdError('lab: only a NIC has a cable', 1);
    unplug(a);
    return [];
  }
  if (obj === 'vm' && sub === 'add') {
    const [name, kw, tapName, kw2, macArg] = rest;
    if (!name || kw !== 'tap' || !tapName || (kw2 !== undefined && kw2 !== 'address')) throw new CmdError(USAGE, 1);
    const tap = ns.dev(tapName);
    if (!isTun(tap) || tap.hwType !== 'ether')
      throw new CmdError(`lab: "${tapName}" is not a tap device (ip tuntap add dev ${tapName} mode tap)`, 1);
    if (tap.reader) throw new CmdError(`lab: ${tapName} is already open by another process`, 1);
    if (!validNetnsName(name))
      throw new CmdError(`lab: "${name}" is not a valid namespace name (1 to 255 bytes, no "/", not "." or "..")`, 1);
    if (world.netns(name)) throw new CmdError(`lab: "${name}" exists`, 1);
    const vm = world.addNetns(name);
    devOpen(vm.lo);
    const nic = nicProbe(vm, 'eth0', macArg ? parseLladdr(macArg) : null, 1000);
    // the VM process holds the tap open: what the host sends to tap0 arrives on the VM's eth0
    const end: CableEnd = { receive: (f) => tap.inject(f), linkUp: true, partnerChanged: () => {} };
    nic.cable = end;
    tap.attach({ receive: (b, id) => nic.receive(b, id), owner: vm });
    return [];
  }
  if (obj === 'vm' && sub === 'del') {
    const vm = world.netns(rest[0] ?? '');
    if (!vm || vm === world.host) throw new CmdError(`lab: no VM "${rest[0] ?? ''}"`, 1);
    // the VM process exits: its tap loses carrier, its NIC goes with it
    for (const d of world.namespaces.flatMap((n) => n.devices)) if (isTun(d) && d.reader?.owner === vm) d.attach(null);
    for (const d of [...vm.devices]) if (isNic(d)) devUnregister(d);
    destroyNetns(vm);
    return [];
  }
  if (obj === 'hosts') {
    if (sub === undefined) return [...world.hosts].map(([n, a]) => `${fmtIp4(a)}\t${n}`);
    if (sub === 'add' && rest.length === 2) {
      const a: Ip4 | undefined = parseIp4(rest[1]);
      if (a === undefined) throw new CmdError(`lab: bad address "${rest[1]}"`, 1);
      world.hosts.set(rest[0].toLowerCase(), a);
      return [];
    }
    if (sub === 'del' && rest.length === 1) {
      world.hosts.delete(rest[0].toLowerCase());
      return [];
    }
  }
  throw new CmdError(USAGE, 1);
}
