// The bridge device (net/bridge/br_device.c): br_dev_xmit, open/stop, defaults from br_dev_setup.
import { BCAST_MAC, isMulticastMac, type Mac } from '../core/addr';
import { ethDst } from '../wire/ethernet';
import { NetDevice } from '../net/netdevice';
import { countTx } from '../net/dev';
import type { Netns } from '../net/netns';
import type { Skb } from '../net/skb';
import type { BridgePort, FdbEntry, StpState } from './br_private';
import { fdbFind } from './br_fdb';
import { brFlood, brForward } from './br_forward';
import { brStpChangeBridgeId, brStpDisableBridge, brStpEnableBridge } from './br_stp_if';
import { newBridgeStp, type BridgeStp } from './br_stp';
import { igmpDown, igmpJoinSnoopers } from '../ipv4/igmp';
import { defaultBridgeOpts, type BridgeOpts } from './br_opts';

export class Bridge extends NetDevice {
  readonly kind = 'bridge' as const;
  /** port_list: newest first, as list_add_rcu() leaves it */
  ports: BridgePort[] = [];
  fdb = new Map<Mac, FdbEntry>();
  /** fdb_notify()s so far: an entry came, went, moved to another port or changed its flags (br_fdb.ts) */
  fdbSeq = 0;
  /** bridge_id.addr: zero until the first port */
  bridgeIdAddr: Mac = 0 as Mac;
  priority = 32768;
  stpState: StpState = 0;
  /** centiseconds, as ip -d link shows them */
  forwardDelay = 1500;
  helloTime = 200;
  maxAge = 2000;
  ageingTime = 30000;
  topologyChange = false;
  groupFwdMask = 0;
  /** the tunables the model only keeps and shows (multicast snooping's, the group address, nf_call_*) */
  opts: BridgeOpts = defaultBridgeOpts();
  /** BROPT_MTU_SET_BY_USER: the MTU no longer follows the ports (br_mtu_auto_adjust) */
  mtuSetByUser = false;
  /** BROPT_MULTICAST_ENABLED (mcast_snooping), on by default */
  mcastSnooping = true;
  /** when br->gc_work (br_fdb_cleanup) first runs after the bridge came up; null while down */
  private gcStart: number | null = null;
  /** The bridge's carrier has been evaluated once (before that ip link shows UNKNOWN). */
  hadPortEvent = false;
  private nextPortNo = 1;

  stp: BridgeStp;

  constructor(ns: Netns, name: string, mac: Mac) {
    super(ns, name, mac, BCAST_MAC);
    this.stp = newBridgeStp(this);
  }

  /**
   * µs until br_fdb_cleanup() runs again. It reschedules itself a hold time on (sooner when a learnt
   * entry expires first, which is not modelled: ageing is applied when the FDB is read).
   */
  gcLeft(now: number): number {
    if (this.gcStart === null) return 0;
    if (now < this.gcStart) return this.gcStart - now;
    const period = this.ageingTime * 10_000;
    return period - ((now - this.gcStart) % period);
  }

  /** br_set_ageing_time(): mod_delayed_work(&br->gc_work, 0) runs the cleanup now, up or down */
  gcKick(): void {
    this.gcStart = this.ns.world.now;
  }

  allocPortNo(): number {
    return this.nextPortNo++;
  }

  override driverOpen(): void {
    // br_stp_enable_bridge(): mod_delayed_work(&br->gc_work, HZ / 10)
    this.gcStart = this.ns.world.now + 100_000;
    brStpEnableBridge(this);
    // br_dev_open() -> br_multicast_join_snoopers()
    if (this.mcastSnooping) igmpJoinSnoopers(this);
  }

  override driverStop(): void {
    this.gcStart = null;
    brStpDisableBridge(this);
    igmpDown(this);
  }

  /** br_set_mac_address(): a new address changes the bridge id too (which notifies then) */
  override ndoSetMacAddress(mac: Mac): void {
    if (this.mac !== mac) brStpChangeBridgeId(this, mac);
  }

  /** br_change_mtu(): a change that br_mtu_auto_adjust() did not make sticks */
  override changeMtu(mtu: number): void {
    this.mtu = mtu;
    this.mtuSetByUser = true;
  }

  /** br_dev_xmit(): broadcast and unknown unicast flood; known unicast goes to its port. */
  xmit(skb: Skb): void {
    countTx(this, skb.data.length);
    const dest = ethDst(skb.data);
    if (isMulticastMac(dest)) {
      brFlood(this, skb, dest === BCAST_MAC ? 'broadcast' : 'multicast', false, true);
      return;
    }
    const f = fdbFind(this, dest);
    if (f) brForward(f.dst, skb, false, true);
    else brFlood(this, skb, 'unicast', false, true);
  }
}
