// The loopback device (drivers/net/loopback.c): what it sends comes straight back in.
import { ZERO_MAC } from '../core/addr';
import { countRx, countTx, netifRx } from '../net/dev';
import { NetDevice } from '../net/netdevice';
import type { Netns } from '../net/netns';
import type { Skb } from '../net/skb';
import { registerNetdev } from '../net/register';

export class Loopback extends NetDevice {
  readonly kind = 'loopback' as const;

  constructor(ns: Netns) {
    super(ns, 'lo', ZERO_MAC, ZERO_MAC);
    this.mtu = 65536;
    this.tsoMaxSize = 524280; // loopback_setup(): netif_set_tso_max_size(dev, GSO_MAX_SIZE)
    this.addrAssign = 'perm';
    this.netnsImmutable = true; // loopback_setup(): dev->netns_immutable
  }

  override get hwType(): 'loopback' {
    return 'loopback';
  }

  override get flagsNoArp(): boolean {
    return false;
  }

  /** loopback_xmit(): counted after eth_type_trans() pulled the header; what is sent is received */
  xmit(skb: Skb): void {
    if (!netifRx({ ...skb, dev: this, pktType: 'host' })) return;
    countTx(this, skb.data.length - 14);
    countRx(this, skb.data.length - 14);
  }
}

export function createLoopback(ns: Netns): Loopback {
  const lo = new Loopback(ns);
  registerNetdev(ns, lo);
  // lo's operstate is never driven by a carrier event
  lo.operstate = 'UNKNOWN';
  return lo;
}
