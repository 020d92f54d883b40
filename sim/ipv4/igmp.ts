// IGMPv3 membership reports (net/ipv4/igmp.c: igmpv3_newpack, igmp_ifc_event, igmp_ifc_timer_expire).
// A bridge with multicast snooping joins 224.0.0.106 (all-snoopers, br_multicast_join_snoopers) when it
// comes up, and leaves it when snooping is turned off while it is up; each change is announced by mr_qrv
// (2) reports to 224.0.0.22 (CHANGE_TO_EXCLUDE to join, CHANGE_TO_INCLUDE to leave), the first at once
// and the next after a random part of igmpv3_unsolicited_report_interval. Going down stops the timer
// (ip_mc_down), so nothing is announced then.
import { ip4, ipToBytes } from '../core/addr';
import type { Timer } from '../core/scheduler';
import { inetChecksum } from '../wire/checksum';
import type { NetDevice } from '../net/netdevice';
import { isRouteError, routeOutput } from './route';
import { ipLocalOut } from './ip_output';

const IGMPV3_ALL_MCR = ip4(0xe0000016);
const ALL_SNOOPERS = ip4(0xe000006a);
const IGMPV3_CHANGE_TO_INCLUDE = 3;
const IGMPV3_CHANGE_TO_EXCLUDE = 4;

/** An IPv4 packet with the Router Alert option carrying one IGMPv3 report record. */
function reportPacket(src: number, group: number, record: number): Uint8Array {
  const b = new Uint8Array(24 + 16);
  b[0] = 0x46; // IHL 6: the Router Alert option
  b[1] = 0xc0;
  b[3] = b.length;
  b[6] = 0x40; // DF, id 0
  b[8] = 1; // ttl 1
  b[9] = 2; // IGMP
  ipToBytes(src, b, 12);
  ipToBytes(IGMPV3_ALL_MCR, b, 16);
  b[20] = 0x94;
  b[21] = 0x04; // IPOPT_RA
  let c = inetChecksum(b, 0, 24);
  b[10] = c >>> 8;
  b[11] = c & 255;
  const g = 24;
  b[g] = 0x22; // IGMPV3_HOST_MEMBERSHIP_REPORT
  b[g + 7] = 1; // one group record
  b[g + 8] = record;
  ipToBytes(group, b, g + 12);
  c = inetChecksum(b, g, 16);
  b[g + 2] = c >>> 8;
  b[g + 3] = c & 255;
  return b;
}

function sendReport(dev: NetDevice, group: number, record: number): void {
  if (!dev.up || !dev.inDev) return;
  const ns = dev.ns;
  const rt = routeOutput(ns, { daddr: IGMPV3_ALL_MCR, oif: dev.ifindex });
  if (isRouteError(rt)) return;
  // igmpv3_sendpack() -> ip_local_out()
  ipLocalOut(ns, rt, reportPacket(rt.saddr, group, record), ns.world.nextFrameId());
}

/** in_dev->mr_ifc_timer, per device */
const ifcTimers = new WeakMap<NetDevice, Timer>();

/** igmp_ifc_event(): announce a change of `group` with mr_qrv reports. */
function ifcEvent(dev: NetDevice, group: number, record: number): void {
  const w = dev.ns.world;
  let left = 2;
  const fire = () => {
    ifcTimers.delete(dev);
    sendReport(dev, group, record);
    left--;
    if (left > 0) arm(w.prng.range(0, (dev.inDev?.conf('igmpv3_unsolicited_report_interval') ?? 1000) * 1000));
  };
  const arm = (delay: number) => ifcTimers.set(dev, w.sched.after(delay, fire));
  w.sched.cancel(ifcTimers.get(dev));
  arm(4000);
}

/** ip_mc_inc_group() of the all-snoopers group (br_multicast_join_snoopers). */
export function igmpJoinSnoopers(dev: NetDevice): void {
  ifcEvent(dev, ALL_SNOOPERS, IGMPV3_CHANGE_TO_EXCLUDE);
}

/** ip_mc_dec_group() of the all-snoopers group (br_multicast_leave_snoopers). */
export function igmpLeaveSnoopers(dev: NetDevice): void {
  ifcEvent(dev, ALL_SNOOPERS, IGMPV3_CHANGE_TO_INCLUDE);
}

/** ip_mc_down(): the device went down; a pending report is never sent. */
export function igmpDown(dev: NetDevice): void {
  dev.ns.world.sched.cancel(ifcTimers.get(dev));
  ifcTimers.delete(dev);
}
