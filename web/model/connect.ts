// A wire drawn on the diagram from a device's handle, as the command a Linux user would type for it: onto a
// bridge, the device becomes its port; into a namespace or VM box, the device moves there; onto the LAN
// switch, a cable. What the gesture cannot mean is refused with the reason; what it can mean is typed
// and the kernel answers as it does (an `ip link set` it refuses prints its error in the terminal).
import type { Snapshot } from '../../sim/index';
import type { LabAction } from './actions';
import type { WireEnd } from './hit';
import { nsRole, physKind } from './ids';

/** Why a wire was refused (the page words each in the reader's language: wire.refused.*). */
export type WireRefusal =
  | 'nothing'
  | 'self'
  | 'gone'
  | 'sameBox'
  | 'notBridge'
  | 'bridgeElsewhere'
  | 'alreadyPort'
  | 'onlySwitch'
  | 'notNic'
  | 'plugged'
  | 'fromLan';

export type WireResult =
  | { ok: true; action: LabAction }
  | { ok: false; reason: WireRefusal; vars: Record<string, string> };

export function wireAction(snap: Snapshot, from: { ns: string; dev: string }, to: WireEnd): WireResult {
  const no = (reason: WireRefusal, vars: Record<string, string> = {}): WireResult => ({
    ok: false,
    reason,
    vars: { dev: from.dev, ...vars },
  });
  const dev = snap.namespaces.find((n) => n.name === from.ns)?.devices.find((d) => d.name === from.dev);
  if (!dev) return no('gone');
  if (nsRole(from.ns) === 'lan') return no('fromLan');
  if (!to) return no('nothing');
  if (to.type === 'dev') {
    if (to.ns === from.ns && to.dev === from.dev) return no('self');
    const target = snap.namespaces.find((n) => n.name === to.ns)?.devices.find((d) => d.name === to.dev);
    if (!target) return no('gone');
    if (to.ns !== from.ns) {
      // a device in another box: the wire means that box, unless it names a bridge there
      if (target.kind === 'bridge') return no('bridgeElsewhere', { br: to.dev, netns: to.ns });
      return wireAction(snap, from, { type: 'ns', ns: to.ns });
    }
    if (target.kind !== 'bridge') return no('notBridge', { to: to.dev });
    if (dev.master === to.dev) return no('alreadyPort', { br: to.dev });
    return { ok: true, action: { type: 'enslave', ns: from.ns, dev: from.dev, br: to.dev } };
  }
  if (to.type === 'station' || nsRole(to.ns) === 'lan') {
    if (physKind(to.ns) !== 'switch' || to.type !== 'station') return no('onlySwitch');
    if (dev.kind !== 'nic') return no('notNic');
    if (dev.peer) return no('plugged', { peer: `${dev.peer.ns}:${dev.peer.name}` });
    const free = snap.namespaces.find((n) => n.name === to.ns)?.devices.find((d) => d.kind === 'nic' && !d.peer);
    return { ok: true, action: { type: 'cable', ns: from.ns, dev: from.dev, lan: to.ns, port: free?.name ?? null } };
  }
  if (to.ns === from.ns) return no('sameBox', { netns: to.ns });
  return { ok: true, action: { type: 'moveToNs', ns: from.ns, dev: from.dev, to: to.ns } };
}

/** What a wire from the device could join, for its menu (the keyboard's and a phone's way to draw one). */
export function wireTargets(
  snap: Snapshot,
  from: { ns: string; dev: string },
): { key: string; to: string; action: LabAction }[] {
  const out: { key: string; to: string; action: LabAction }[] = [];
  const here = snap.namespaces.find((n) => n.name === from.ns);
  // a bridge is offered nothing: the kernel keeps it in its namespace (NETIF_F_NETNS_LOCAL) and out of
  // other bridges (br_add_if's -ELOOP), as the inspector already does not offer it
  if (here?.devices.find((d) => d.name === from.dev)?.kind === 'bridge') return out;
  for (const d of here?.devices ?? []) {
    if (d.kind !== 'bridge') continue;
    const r = wireAction(snap, from, { type: 'dev', ns: from.ns, dev: d.name });
    if (r.ok) out.push({ key: `br:${d.name}`, to: d.name, action: r.action });
  }
  for (const n of snap.namespaces) {
    const role = nsRole(n.name);
    const r =
      role === 'lan'
        ? physKind(n.name) === 'switch'
          ? wireAction(snap, from, { type: 'station', ns: n.name })
          : null
        : wireAction(snap, from, { type: 'ns', ns: n.name });
    if (r?.ok) out.push({ key: `ns:${n.name}`, to: n.name, action: r.action });
  }
  return out;
}
