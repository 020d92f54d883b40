// What rtnetlink tells its listeners (`ip monitor`) when something a link or address dump shows changes
// (net/core/rtnetlink.c: rtnetlink_event, rtmsg_ifinfo; net/ipv4/devinet.c: rtmsg_ifa,
// inet_netconf_notify_devconf; net/bridge/br_netlink.c: br_ifinfo_notify). The model's listener is the
// snapshot (sim/snapshot.ts): it reads a namespace's links again only after a notification, so a tick that
// only moved packets costs nothing per device. A world counts its notifications in `linkSeq`.
//
// Counted wider than the kernel sends: a carrier flip, or an operstate that linkwatch applies to a device that
// is down, shows in the next dump without a message of its own; and every command the shell starts counts as
// one (shell.ts), so what a command changes never depends on a notification being in the right place. What
// changes later on the clock (linkwatch, STP's timers, an address's lifetime, a process letting go of a tap)
// notifies where it happens. One that did not would leave the diagram stale: tests run with
// SnapshotCache.verify on (sim/testing/snapshot_verify.ts), which reads the links again whenever a snapshot
// kept them, and fails on a difference. The bridge's FDB has its own count (br_fdb.ts: fdb_notify).
import type { World } from './world';

/** Something a namespace's link or address dump shows changed in `world` (a device's row, the device list, an
 *  address, a netconf value, a bridge port's state or cost, who is at the other end of a wire). */
export function rtnlNotify(world: World | undefined): void {
  if (world) world.linkSeq++;
}
