// tun/tap devices (drivers/net/tun.c): carrier only while a process holds the file open; with no reader
// what the stack sends is dropped.
import { countRx, countTx, ethTypeTrans, netifRx } from '../net/dev';
import { NetDevice } from '../net/netdevice';
import type { Netns } from '../net/netns';
import { type Skb, allocSkb } from '../net/skb';
import type { Mac } from '../core/addr';
import { carrierOff, carrierOn } from '../net/link';
import { rtnlNotify } from '../net/rtnl_notify';

export interface TunReader {
  /** A frame (tap) or an IP packet (tun) the kernel sent to the process. */
  receive(bytes: Uint8Array, id: number): void;
  /** the VM (its namespace) whose process holds the device open */
  owner?: Netns;
}

export class Tun extends NetDevice {
  readonly kind: 'tun' | 'tap';
  reader: TunReader | null = null;
  /** the TUNSETIFF flags ip tuntap add asked for (IFF_NO_PI unless pi), and TUNSETOWNER/TUNSETGROUP */
  pi = false;
  vnetHdr = false;
  oneQueue = false;
  multiQueue = false;
  owner: number | null = null;
  group: number | null = null;

  constructor(ns: Netns, name: string, mode: 'tun' | 'tap', mac: Mac, brd: Mac) {
    super(ns, name, mac, brd);
    this.kind = mode;
    this.txqlen = mode === 'tun' ? 500 : 1000;
    this.carrier = false;
    this.carrierChanges = 1; // tun_set_iff(): netif_carrier_off()
  }

  /** tun_net_init(): a tun is ARPHRD_NONE (no link-layer header), a tap ARPHRD_ETHER */
  override get hwType(): 'none' | 'ether' {
    return this.kind === 'tun' ? 'none' : 'ether';
  }

  /** tun_netdev_ops has no ndo_set_mac_address; tap_netdev_ops has eth_mac_addr */
  override get hasSetMacAddress(): boolean {
    return this.kind === 'tap';
  }

  /** tun_net_init(): a tun is IFF_POINTOPOINT */
  override get pointopoint(): boolean {
    return this.kind === 'tun';
  }

  override get flagsNoArp(): boolean {
    return this.kind === 'tun' || this.userNoArp;
  }

  override openQdisc(): string {
    return 'pfifo_fast';
  }

  /** tun_set_iff() / tun_detach(): a process opens or closes the device. */
  attach(reader: TunReader | null): void {
    this.reader = reader;
    // who holds it open is the other end the diagram draws (a VM's NIC)
    rtnlNotify(this.ns.world);
    if (reader) carrierOn(this);
    else carrierOff(this);
  }

  /** tun_net_xmit() */
  xmit(skb: Skb): void {
    if (!this.reader) {
      this.stats.txDropped++;
      return;
    }
    // tun_put_user(): counted when the process reads it
    countTx(this, skb.data.length);
    this.reader.receive(skb.data, skb.id);
  }

  override xmitIp(ip: Uint8Array, id: number): void {
    if (!this.reader) {
      this.stats.txDropped++;
      return;
    }
    countTx(this, ip.length);
    this.reader.receive(ip, id);
  }

  /** tun_get_user(): the process writes a frame; the kernel receives it on this device. */
  inject(frame: Uint8Array): void {
    const id = this.ns.world.nextFrameId();
    if (netifRx(allocSkb(frame, this, ethTypeTrans(frame, this), id))) countRx(this, frame.length);
  }
}
