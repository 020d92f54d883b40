// Raw IPv4 sockets (net/ipv4/raw.c): raw_v4_input hands a copy of every matching packet to the socket;
// raw_icmp_error queues ICMP errors on sockets with IP_RECVERR.
import type { Ip4 } from '../core/addr';
import type { Netns } from '../net/netns';

export interface RawError {
  /** the ICMP error's source (SO_EE_OFFENDER) */
  offender: Ip4;
  type: number;
  code: number;
  info: number;
  /** the offending packet's IP header and payload as quoted */
  quoted: Uint8Array;
}

export class RawSocket {
  ns: Netns;
  protocol: number;
  /** SO_BINDTODEVICE ifindex, 0 when unbound */
  boundDev = 0;
  /** bind(): inet_rcv_saddr */
  rcvSaddr = 0;
  /** connect(): inet_daddr */
  daddr = 0;
  recverr = true;
  onPacket: (ip: Uint8Array) => void = () => {};
  onError: (e: RawError) => void = () => {};

  constructor(ns: Netns, protocol: number) {
    this.ns = ns;
    this.protocol = protocol;
    ns.rawSockets.push(this);
  }

  close(): void {
    this.ns.rawSockets = this.ns.rawSockets.filter((s) => s !== this);
  }

  /** raw_v4_match() */
  matches(num: number, raddr: number, laddr: number, dif: number): boolean {
    return (
      this.protocol === num &&
      !(this.daddr && this.daddr !== raddr) &&
      !(this.rcvSaddr && this.rcvSaddr !== laddr) &&
      (!this.boundDev || this.boundDev === dif)
    );
  }
}
