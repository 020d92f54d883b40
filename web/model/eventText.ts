// The words of the event list (Packet Tracer style: time, where, what) and of the playback narration,
// in the reader's language: the simulator reports facts (sim/net/trace.ts), the page words them.
import {
  type TraceEvent,
  formatFrame,
  fmtIp4,
  IPPROTO_ICMP,
  IPV4_HLEN,
  ipv4Dst,
  ipv4Protocol,
  ipv4Src,
  ICMP_ECHO,
  ICMP_ECHOREPLY,
  icmpType,
} from '../../sim/index';
import { isBareIp } from './frameKind';
import type { TFunction } from 'i18next';

/** Virtual time as seconds with microseconds, as the kernel counts it. */
export const fmtTime = (us: number) => `${Math.floor(us / 1e6)}.${String(us % 1e6).padStart(6, '0')}`;

export const where = (e: TraceEvent) => (e.ns === 'host' ? e.dev : `${e.ns} ${e.dev}`);

/** The frame in one line, as tcpdump -n prints it (an IP packet not yet on a wire: its addresses). */
export function frameLine(b: Uint8Array): string {
  if (!isBareIp(b)) return formatFrame(b, false);
  const proto = ipv4Protocol(b);
  const t = icmpType(b, IPV4_HLEN);
  const icmp =
    proto === IPPROTO_ICMP
      ? t === ICMP_ECHO
        ? 'ICMP echo request'
        : t === ICMP_ECHOREPLY
          ? 'ICMP echo reply'
          : `ICMP type ${t}`
      : `proto ${proto}`;
  return `IP ${fmtIp4(ipv4Src(b))} > ${fmtIp4(ipv4Dst(b))}: ${icmp}, length ${b.length - IPV4_HLEN}`;
}

/** The page's translate function (i18next's, fixed to the reader's language). */
export type Tr = TFunction;

/** A drop's reason in a few words. */
export function dropText(e: Extract<TraceEvent, { type: 'drop' }>, t: Tr): string {
  switch (e.reason) {
    case 'PKT_TOO_BIG':
      return e.peer !== undefined
        ? t('drop.PKT_TOO_BIG_peer', { peer: e.peer })
        : t('drop.PKT_TOO_BIG', { mtu: e.mtu });
    case 'NETFILTER_DROP':
      return t('drop.NETFILTER_DROP', { table: e.table, chain: e.chain });
    case 'PORT_STATE':
      return t('drop.PORT_STATE', { dev: e.dev, state: e.state });
    case 'PORT_LOCKED':
      return t('drop.PORT_LOCKED', { dev: e.dev, mac: e.mac });
    default:
      return t(`drop.${e.reason}`);
  }
}

/** What happened, in a few words. */
export function what(e: TraceEvent, t: Tr): string {
  switch (e.type) {
    case 'socket-send':
      return t('what.socket-send', { app: e.app });
    case 'route':
      return e.via
        ? t('what.routeVia', { dev: e.dev, via: e.via, src: e.src })
        : t('what.route', { dev: e.dev, src: e.src });
    case 'neigh':
      return t(e.queued ? 'what.neighQueued' : 'what.neigh', { ip: e.ip, state: e.state });
    case 'xmit':
    case 'rx':
    case 'loopback':
      return t(`what.${e.type}`, { dev: e.dev });
    case 'br-port-rx':
    case 'br-flood':
    case 'br-up':
      return t(`what.${e.type}`, { bridge: e.bridge, dev: e.dev });
    case 'fdb-learn':
      return t('what.fdb-learn', { bridge: e.bridge, mac: e.mac, dev: e.dev });
    case 'br-forward':
      return t('what.br-forward', { bridge: e.bridge, to: e.to });
    case 'deliver':
      return t('what.deliver', { proto: e.proto });
    case 'arp-reply':
      return t('what.arp-reply', { ip: e.ip });
    case 'arp-ignore':
      return t('what.arp-ignore', { ip: e.ip, sysctl: e.sysctl, value: e.value });
    case 'nat':
      return t('what.nat', { hook: e.hook, from: e.from, to: e.to });
    case 'drop':
      return t('what.drop', { reason: dropText(e, t) });
    case 'storm':
      return t(e.state === 'start' ? 'what.stormStart' : 'what.stormEnd', { dev: e.dev });
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** Why it happened, in one plain sentence: the narration of a packet step. */
export function why(e: TraceEvent, t: Tr): string {
  switch (e.type) {
    case 'socket-send':
      if (e.app === 'ping') return t('why.socket-send.ping', { seq: e.seq ?? '', dst: e.dst });
      if (e.app === 'arping') return t('why.socket-send.arping', { dst: e.dst, dev: e.dev });
      return t('why.socket-send', { app: e.app, dst: e.dst });
    case 'route': {
      const v = { dst: e.dst, src: e.src, dev: e.dev, via: e.via ?? '' };
      switch (e.purpose) {
        case 'output':
          if (e.local) return t('why.route.local', v);
          if (e.bound) return t(e.via ? 'why.route.boundVia' : 'why.route.bound', v);
          return t(e.via ? 'why.route.outputVia' : 'why.route.output', v);
        case 'icmp-error':
          return t('why.route.icmp-error', { dst: e.dst, type: e.icmpType ?? '', code: e.icmpCode ?? '' });
        case 'echo-reply':
          return t(e.local ? 'why.route.echo-reply.local' : 'why.route.echo-reply', v);
        case 'forward':
          return t('why.route.forward', v);
      }
      break;
    }
    case 'neigh':
      return t('why.neigh', { ip: e.ip, dev: e.dev });
    case 'xmit':
    case 'rx':
    case 'deliver':
      return t(`why.${e.type}`, { dev: e.dev });
    case 'br-port-rx':
      return t('why.br-port-rx', { dev: e.dev, bridge: e.bridge });
    case 'fdb-learn':
      return t('why.fdb-learn', { bridge: e.bridge, mac: e.mac, dev: e.dev });
    case 'br-forward':
      return t('why.br-forward', { mac: e.mac, to: e.to });
    case 'br-flood':
      return t(`why.br-flood.${e.pktType}`, { mac: e.mac, bridge: e.bridge });
    case 'br-up':
      return t(e.local ? 'why.br-up.local' : `why.br-up.${e.pktType}`, { mac: e.mac, bridge: e.bridge, dev: e.dev });
    case 'arp-reply':
      if (e.proxy) return t(`why.arp-reply.${e.proxy}`, { ip: e.ip, dev: e.dev, out: e.out ?? e.dev });
      return t('why.arp-reply', { ip: e.ip, value: e.arpIgnore, dev: e.dev });
    case 'arp-ignore':
      return t(`why.arp-ignore.${e.sysctl}`, { ip: e.ip, value: e.value, dev: e.dev, asker: e.asker });
    case 'loopback':
      return t('why.loopback', { dst: e.dst });
    case 'nat':
      return t(`why.nat.${e.which}`, { from: e.from, to: e.to, hook: e.hook });
    case 'drop':
      return whyDrop(e, t);
    case 'storm':
      return t(e.state === 'start' ? 'why.stormStart' : 'why.stormEnd', { dev: e.dev });
    default: {
      const never: never = e;
      return never;
    }
  }
  return '';
}

function whyDrop(e: Extract<TraceEvent, { type: 'drop' }>, t: Tr): string {
  const v = { dev: e.dev };
  switch (e.reason) {
    case 'PKT_TOO_BIG':
      return e.peer !== undefined
        ? t('why.drop.PKT_TOO_BIG_peer', { peer: e.peer, mtu: e.mtu })
        : t('why.drop.PKT_TOO_BIG', { mtu: e.mtu });
    case 'NETFILTER_DROP':
      return e.bridge !== undefined
        ? t('why.drop.NETFILTER_DROP_bridge', { bridge: e.bridge, chain: e.chain, table: e.table })
        : t('why.drop.NETFILTER_DROP', { chain: e.chain, table: e.table });
    case 'IP_RPFILTER':
      return t('why.drop.IP_RPFILTER', { ...v, src: e.src, value: e.value });
    case 'IP_LOCAL_SOURCE':
      return t('why.drop.IP_LOCAL_SOURCE', { src: e.src });
    case 'IP_INVALID_DEST':
    case 'IP_INNOROUTES':
    case 'IP_INADDRERRORS':
      return t(`why.drop.${e.reason}`, { dst: e.dst });
    case 'MAC_INVALID_SOURCE':
    case 'PAUSE_FRAME':
      return t(`why.drop.${e.reason}`, { bridge: e.bridge });
    case 'PORT_STATE':
      return t('why.drop.PORT_STATE', { ...v, bridge: e.bridge, state: e.state });
    case 'PORT_LOCKED':
      return t('why.drop.PORT_LOCKED', { ...v, bridge: e.bridge, mac: e.mac });
    default:
      return t(`why.drop.${e.reason}`, v);
  }
}

/** The steps of a frame between devices (the rest are the bridge's and the stack's own steps). */
export const isHop = (e: TraceEvent) =>
  e.type === 'xmit' || e.type === 'rx' || e.type === 'socket-send' || e.type === 'deliver' || e.type === 'drop';
