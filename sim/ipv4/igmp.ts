// IGMPv3 membership reports (net/ipv4/igmp.c: igmpv3_newpack, igmp_ifc_event, igmp_ifc_timer_expire).
// A bridge with multicast snooping joins 224.0.0.106 (all-snoopers, br_multicast_join_snoopers) when it
// comes up; the join is announced by mr_qrv (2) reports to 224.0.0.22, the first at once and the next
// after a random part of igmpv3_unsolicited_report_interval.
import { ip4, ipToBytes } from '../core/addr';
import { inetChecksum } from '../wire/checksum';
import type { NetDevice } from '../net/netdevice';
import { isRouteError, routeOutput } from './route';
import { ipOutput } from './ip_output';

const IGMPV3_ALL_MCR = ip4(0xe0000016);
const ALL_SNOOPERS = ip4(0xe000006a);
const IGMPV3_CHANGE_TO_EXCLUDE = 4;

/** An IPv4 packet with the Router Alert option carrying one IGMPv3 report record. */
function reportPacket(src: number, group: number): Uint8Array {
  const b = new Uint8Array(24 + 16);
  b[0] = 0x46; // IHL 6: the Router Alert option
  b[1] = 0xc0;
  b[3] = b.length;
  b[6] = 0x40; // DF, id 0
  b[8] = 1; // ttl 1
  b[9] = 2; // IGMP
  ipToBytes(src, b, 12);
  ipToBytes(IGMPV3_ALL_MCR, b, 16);
  b[20] = 0x94; b[21] = 0x04; // IPOPT_RA
  let c = inetChecksum(b, 0, 24);
  b[10] = c >>> 8; b[11] = c & 255;
  const g = 24;
  b[g] = 0x22; // IGMPV3_HOST_MEMBERSHIP_REPORT
  b[g + 7] = 1; // one group record
  b[g + 8] = IGMPV3_CHANGE_TO_EXCLUDE;
  ipToBytes(group, b, g + 12);
  c = inetChecksum(b, g, 16);
  b[g + 2] = c >>> 8; b[g + 3] = c & 255;
  return b;
}

function sendReport(dev: NetDevice, group: number): void {
  if (!dev.up || !dev.inDev) return;
  const ns = dev.ns;
  const rt = routeOutput(ns, { daddr: IGMPV3_ALL_MCR, oif: dev.ifindex });
  if (isRouteError(rt)) return;
  ipOutput(ns, rt, reportPacket(rt.saddr, group), { id: ns.world.nextFrameId() });
}

/** ip_mc_inc_group() of a new group, announced as igmp_ifc_event() does. */
export function igmpJoinSnoopers(dev: NetDevice): void {
  const w = dev.ns.world;
  const reports = 2;
  let left = reports;
  const fire = () => {
    sendReport(dev, ALL_SNOOPERS);
    left--;
    if (left > 0) w.sched.after(w.prng.range(0, (dev.inDev?.conf('igmpv3_unsolicited_report_interval') ?? 1000) * 1000), fire);
  };
  w.sched.after(4000, fire);
}
