// The model's initcalls (the kernel's do_initcalls): every protocol, notifier block and link kind
// registers itself here, once, before a World is built. The core (sim/net, sim/core) knows none of them.
import { ETH_P_ARP, ETH_P_IP } from './wire/ethernet';
import { devAddPack } from './net/ptype';
import { registerNetdeviceNotifier } from './net/notifier';
import { rtnlNotify } from './net/rtnl_notify';
import { arpNetdevEvent, arpRcv } from './ipv4/arp';
import { ipRcv } from './ipv4/ip_input';
import { inetdevEvent } from './ipv4/fib_frontend';
import { brDeviceEvent } from './bridge/br_notify';
import { nfNetdevEvent } from './netfilter/hooks';
import { rtnlLinkRegister } from './net/rtnl_link';
import { registerPernetDevice, registerPernetSubsys } from './net/pernet';
import { inetdevRegister, ipv4NetInit } from './ipv4/ipv4_net';
import { setupArp } from './ipv4/arp';
import { createLoopback } from './drivers/loopback';
import { vethLinkOps } from './drivers/veth_link';
import { bridgeLinkOps } from './bridge/br_link';
import { tunLinkOps } from './drivers/tun_link';
import { nicLinkOps } from './drivers/nic_link';
import { macvlanLinkOps, macvlanNotifier } from './drivers/macvlan';

let done = false;

/** Runs the registrations once (importing this module does it). */
export function initcalls(): void {
  if (done) return;
  done = true;
  // register_pernet_subsys(): IPv4's per-namespace state, then ARP's table ops; register_pernet_device():
  // loopback_net_ops, which gives every namespace its lo
  registerPernetSubsys({ name: 'ipv4', init: (ns, initial) => ipv4NetInit(ns, initial) });
  registerPernetSubsys({ name: 'arp', init: (ns) => setupArp(ns) });
  registerPernetDevice({
    name: 'loopback',
    init: (ns) => {
      ns.lo = createLoopback(ns);
    },
  });
  // inet_init(): dev_add_pack(&arp_packet_type) in arp_init(), dev_add_pack(&ip_packet_type)
  devAddPack(ETH_P_ARP, arpRcv);
  devAddPack(ETH_P_IP, ipRcv);
  // rtnetlink_init() (netlink_proto_init, a core_initcall, so before the blocks below): rtnetlink_event tells
  // rtnetlink's listeners of every device event (rtmsg_ifinfo), here the snapshot (net/rtnl_notify.ts)
  registerNetdeviceNotifier({ name: 'rtnetlink_event', priority: 0, call: (_ev, dev) => rtnlNotify(dev.ns.world) });
  // register_netdevice_notifier(), all at priority 0, so called in this order: devinet_init() and
  // ip_fib_init() (the model's inetdev_event does both), arp_init(), br_init(), then netfilter's
  // masquerade notifier (nf_nat_masquerade_inet_register_notifiers)
  registerNetdeviceNotifier({
    name: 'inetdev_event',
    priority: 0,
    call: (ev, dev) => {
      // NETDEV_REGISTER: inetdev_init() (and the ARP parameters it allocates)
      if (ev === 'REGISTER') inetdevRegister(dev);
      else inetdevEvent(ev, dev);
    },
  });
  registerNetdeviceNotifier({
    name: 'arp_netdev_event',
    priority: 0,
    call: (ev, dev, info) => {
      if (ev === 'CHANGEADDR' || ev === 'CHANGE') arpNetdevEvent(ev, dev, info.noarpChanged);
    },
  });
  registerNetdeviceNotifier({ name: 'br_device_event', priority: 0, call: (ev, dev) => brDeviceEvent(ev, dev) });
  registerNetdeviceNotifier({ name: 'masq_device_event', priority: 0, call: (ev, dev) => nfNetdevEvent(ev, dev) });
  // rtnl_link_register(): the link kinds (veth_init, br_netlink_init, tun_init; the lab's NIC driver).
  // A new kind is its own file plus one line here.
  rtnlLinkRegister(vethLinkOps);
  rtnlLinkRegister(bridgeLinkOps);
  rtnlLinkRegister(tunLinkOps);
  rtnlLinkRegister(nicLinkOps);
  // macvlan_init_module(): its notifier block (the parent's events reach its macvlans), then its kind
  registerNetdeviceNotifier(macvlanNotifier);
  rtnlLinkRegister(macvlanLinkOps);
}

initcalls();
