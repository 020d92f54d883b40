import { describe, expect, it } from 'vitest';
import { callNetdeviceNotifiers, netdevNotifiers, registerNetdeviceNotifier, type NetdevEvent } from './notifier';
import { ptypeHandler } from './ptype';
import { ETH_P_ARP, ETH_P_IP } from '../wire/ethernet';
import { arpRcv } from '../ipv4/arp';
import { ipRcv } from '../ipv4/ip_input';
import { World } from '../world';

describe('registration points (sim/init.ts)', () => {
  it('dev_add_pack: ARP and IPv4 take their ethertypes, nothing else is taken', () => {
    expect(ptypeHandler(ETH_P_ARP)).toBe(arpRcv);
    expect(ptypeHandler(ETH_P_IP)).toBe(ipRcv);
    expect(ptypeHandler(0x86dd)).toBeUndefined();
  });

  it('the netdevice chain runs IPv4 before ARP, the bridge and netfilter', () => {
    const names = netdevNotifiers().map((n) => n.name);
    expect(names.indexOf('inetdev_event')).toBeLessThan(names.indexOf('arp_netdev_event'));
    expect(names.indexOf('arp_netdev_event')).toBeLessThan(names.indexOf('br_device_event'));
    expect(names.indexOf('br_device_event')).toBeLessThan(names.indexOf('masq_device_event'));
  });

  it('notifier_chain_register: a higher priority runs first, an equal one after those already there', () => {
    const seen: string[] = [];
    const w = new World(1);
    const dev = w.host.lo;
    const mk = (name: string, priority: number) => ({
      name,
      priority,
      call: (ev: NetdevEvent, d: typeof dev) => d === dev && ev === 'CHANGEMTU' && seen.push(name),
    });
    registerNetdeviceNotifier(mk('t-low', -5));
    registerNetdeviceNotifier(mk('t-high', 10));
    registerNetdeviceNotifier(mk('t-zero', 0));
    callNetdeviceNotifiers('CHANGEMTU', dev);
    expect(seen).toEqual(['t-high', 't-zero', 't-low']);
    const names = netdevNotifiers().map((n) => n.name);
    expect(names[0]).toBe('t-high');
    expect(names.indexOf('t-zero')).toBeGreaterThan(names.indexOf('masq_device_event'));
  });
});
