// A physical Ethernet NIC (an e1000-like driver): carrier follows the cable and the link partner
// (netif_carrier_on/off from the PHY), frames cross the cable to whatever is plugged in.
import { countRx, countTx, ethTypeTrans, netifRx } from '../net/dev';
import { NetDevice } from '../net/netdevice';
import type { Netns } from '../net/netns';
import { type Skb, allocSkb } from '../net/skb';
import type { Mac } from '../core/addr';
import { carrierOff, carrierOn } from '../net/link';
import { rtnlNotify } from '../net/rtnl_notify';

/** The far end of a cable: another NIC, or a VM's process behind a tap. */
export interface CableEnd {
  /** the frame arrives at this end */
  receive(frame: Uint8Array, id: number): void;
  /** link partner present and up (auto-negotiation succeeds) */
  readonly linkUp: boolean;
  /** called when the partner's link changes */
  partnerChanged(): void;
}

export class Nic extends NetDevice implements CableEnd {
  readonly kind = 'nic' as const;
  /** Mb/s as ethtool reports it; port_cost() reads it */
  speed: number;
  cable: CableEnd | null = null;

  constructor(ns: Netns, name: string, mac: Mac, brd: Mac, speed = 1000) {
    super(ns, name, mac, brd);
    this.speed = speed;
    this.carrier = false;
    this.carrierChanges = 1; // the driver's probe: netif_carrier_off() until the PHY sees a link
    this.addrAssign = 'perm';
  }

  override openQdisc(): string {
    return 'pfifo_fast';
  }

  get linkUp(): boolean {
    return this.up;
  }

  /** The PHY: carrier when both ends are up and plugged. */
  refreshCarrier(): void {
    if (this.up && this.cable?.linkUp) carrierOn(this);
    else carrierOff(this);
  }

  partnerChanged(): void {
    this.refreshCarrier();
  }

  override driverOpen(): void {
    this.refreshCarrier();
    this.cable?.partnerChanged();
  }

  override driverStop(): void {
    carrierOff(this);
    this.cable?.partnerChanged();
  }

  xmit(skb: Skb): void {
    if (!this.carrier || !this.cable) {
      this.stats.txDropped++;
      const w = this.ns.world;
      if (w.trace)
        w.emit({
          type: 'drop',
          ns: this.ns.name,
          dev: this.name,
          frameId: skb.id,
          reason: 'NO_CARRIER',
          fn: 'ndo_start_xmit',
        });
      return;
    }
    countTx(this, skb.data.length);
    this.cable.receive(skb.data, skb.id);
  }

  /** A frame arrives from the cable. */
  receive(frame: Uint8Array, id: number): void {
    if (!this.up) return;
    // a NIC filters unicast for other MACs in hardware unless promiscuous
    const pkt = ethTypeTrans(frame, this);
    if (pkt === 'otherhost' && !this.isPromisc) return;
    if (netifRx(allocSkb(frame, this, pkt, id))) countRx(this, frame.length);
  }
}

/** Plug a cable between two ends. */
export function plug(a: Nic, b: CableEnd): void {
  // the cable's other end is the peer the diagram draws
  rtnlNotify(a.ns.world);
  a.cable = b;
  if (b instanceof Nic) b.cable = a;
  a.refreshCarrier();
  b.partnerChanged();
}

export function unplug(a: Nic): void {
  const b = a.cable;
  rtnlNotify(a.ns.world);
  a.cable = null;
  if (b instanceof Nic) {
    b.cable = null;
    b.refreshCarrier();
  }
  a.refreshCarrier();
}
