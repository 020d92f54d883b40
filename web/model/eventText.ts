// The words of the event list (Packet Tracer style: time, where, what) and of the playback narration.
import type { TraceEvent } from '../../sim/net/trace';
import { formatFrame } from '../../sim/apps/tcpdump_print';
import { isBareIp } from './frameKind';

/** Virtual time as seconds with microseconds, as the kernel counts it. */
export const fmtTime = (us: number) => `${Math.floor(us / 1e6)}.${String(us % 1e6).padStart(6, '0')}`;

export const where = (e: TraceEvent) => (e.ns === 'host' ? e.dev : `${e.ns} ${e.dev}`);

/** The frame in one line, as tcpdump -n prints it (an IP packet not yet on a wire: its addresses). */
export function frameLine(b: Uint8Array): string {
  if (!isBareIp(b)) return formatFrame(b, false);
  const ip = (o: number) => `${b[o]}.${b[o + 1]}.${b[o + 2]}.${b[o + 3]}`;
  const icmp = b[9] === 1 ? (b[20] === 8 ? 'ICMP echo request' : b[20] === 0 ? 'ICMP echo reply' : `ICMP type ${b[20]}`) : `proto ${b[9]}`;
  return `IP ${ip(12)} > ${ip(16)}: ${icmp}, length ${b.length - 20}`;
}

/** What happened, in a few words. */
export function what(e: TraceEvent): string {
  switch (e.type) {
    case 'socket-send':
      return `${e.app} sends`;
    case 'route':
      return `route: out of ${e.dev}${e.via ? ` via ${e.via}` : ''}, from ${e.src}`;
    case 'neigh':
      return `no MAC for ${e.ip} yet (${e.state})${e.queued ? ': packet queued, ARP asks' : ''}`;
    case 'xmit':
      return `leaves ${e.dev}`;
    case 'rx':
      return `arrives on ${e.dev}`;
    case 'br-port-rx':
      return `${e.bridge} takes it (${e.dev} is its port)`;
    case 'fdb-learn':
      return `${e.bridge} learns ${e.mac} on ${e.dev}`;
    case 'br-forward':
      return `${e.bridge} forwards it to ${e.to}`;
    case 'br-flood':
      return `${e.bridge} floods it`;
    case 'br-up':
      return `${e.bridge} passes it up to the stack`;
    case 'deliver':
      return `delivered to the stack (${e.proto})`;
    case 'arp-reply':
      return `the stack answers for ${e.ip}`;
    case 'arp-ignore':
      return `not answered for ${e.ip} (${e.sysctl})`;
    case 'loopback':
      return 'goes over lo';
    case 'nat':
      return `NAT ${e.hook}: ${e.from} → ${e.to}`;
    case 'drop':
      return `dropped: ${e.reason}`;
    case 'storm':
      return e.state === 'start' ? `broadcast storm: the backlog is full, what arrives on ${e.dev} is dropped` : `broadcast storm over: ${e.dev} drops nothing any more`;
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** The steps of a frame between devices (the rest are the bridge's and the stack's own steps). */
export const isHop = (e: TraceEvent) => e.type === 'xmit' || e.type === 'rx' || e.type === 'socket-send' || e.type === 'deliver' || e.type === 'drop';
