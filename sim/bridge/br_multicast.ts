// Multicast snooping on and off (net/bridge/br_multicast.c: br_multicast_toggle). Snooping itself (the
// MDB) is not modelled; what shows is the bridge's membership of the all-snoopers group and the IGMP
// reports that announce it.
import type { Bridge } from './br_device';
import { igmpJoinSnoopers, igmpLeaveSnoopers } from '../ipv4/igmp';

/** br_multicast_toggle(): joining waits for the bridge to be up; leaving happens at once. */
export function brMulticastToggle(br: Bridge, on: boolean): void {
  if (br.mcastSnooping === on) return;
  br.mcastSnooping = on;
  if (!br.up) return; // down, the group is not joined: br_dev_stop() left it
  if (on) igmpJoinSnoopers(br);
  else igmpLeaveSnoopers(br);
}
