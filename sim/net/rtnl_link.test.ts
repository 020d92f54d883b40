// A kind added the way a new driver would be: one object registered with rtnl_link_register, nothing else
// touched. `ip link` creates, prints, filters, moves and deletes it without knowing its name.
import { describe, expect, it } from 'vitest';
import { BCAST_MAC } from '../core/addr';
import { NetDevice } from './netdevice';
import type { Skb } from './skb';
import { registerNetdev } from './register';
import { allocName, randomEtherMac } from './rtnl';
import { type RtnlLinkOps, RtnlError, linkKindOf, rtnlLinkKinds, rtnlLinkOpsGet, rtnlLinkRegister } from './rtnl_link';
import { Lab } from '../testing/lab';

class Blackhole extends NetDevice {
  readonly kind = 'blackhole';
  depth = 0;
  xmit(_skb: Skb): 'drop' {
    this.stats.txDropped++;
    return 'drop';
  }
}

const blackholeOps: RtnlLinkOps<{ depth: number }, Blackhole> = {
  kind: 'blackhole',
  parse(args) {
    if (args[0] === 'depth' && args[1] !== undefined) return { depth: Number(args[1]) };
    return { depth: 1 };
  },
  newlink(a, o) {
    if (o.depth > 9) throw new RtnlError('ERANGE', 'too deep');
    const d = new Blackhole(a.ns, allocName(a.ns, a.name ?? 'bh%d'), a.address ?? randomEtherMac(a.ns), BCAST_MAC);
    d.depth = o.depth;
    d.rtnlLinkOps = blackholeOps;
    registerNetdev(a.ns, d);
    return d;
  },
  changelink(d, o) {
    d.depth = o.depth;
  },
  printOpt: (d) => `depth ${d.depth} `,
  diagram: { node: 'interface', tag: () => 'bh' },
};

describe('rtnl_link_register: a new kind is one object', () => {
  it('the kinds registered at boot', () => {
    expect(rtnlLinkKinds()).toEqual(expect.arrayContaining(['veth', 'bridge', 'tun', 'nic']));
    expect(rtnlLinkOpsGet('macvlan-not-there')).toBeUndefined();
  });

  it('is made, shown, changed, filtered and deleted by ip link without ip link naming it', () => {
    const lab = new Lab('ip netns add c');
    expect(lab.run('ip link add bh0 type blackhole depth 3')).toEqual(['Error: Unknown device type.']);
    rtnlLinkRegister(blackholeOps);
    expect(() => rtnlLinkRegister({ ...blackholeOps })).toThrow(/taken/);
    expect(lab.run('ip link add bh0 type blackhole depth 3')).toEqual([]);
    expect(lab.run('ip link add bh1 type blackhole depth 12')).toEqual(['Error: too deep.']);
    const dev = lab.world.host.dev('bh0')!;
    expect(linkKindOf(dev)).toBe('blackhole');
    const d = lab.run('ip -d link show bh0');
    expect(d[2]).toBe(
      '    blackhole depth 3 addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 65536 tso_max_segs 65535 gro_max_size 65536 ',
    );
    expect(lab.run('ip link set bh0 type blackhole depth 5')).toEqual([]);
    expect(lab.run('ip -d link show bh0')[2]).toMatch(/^ {4}blackhole depth 5 /);
    expect(lab.run('ip link set lo type blackhole depth 5')).toEqual(['RTNETLINK answers: Operation not supported']);
    expect(lab.run('ip -br link show type blackhole').map((l) => l.split(' ')[0])).toEqual(['bh0']);
    // a kind with rtnl_link_ops dies with its namespace (default_device_exit_net)
    expect(lab.run('ip link set bh0 netns c')).toEqual([]);
    expect(lab.run('ip link show type blackhole', 'c')).toHaveLength(2);
    lab.run('ip netns del c');
    expect(lab.world.namespaces.some((n) => n.devices.includes(dev))).toBe(false);
    lab.run('ip link add bh2 type blackhole');
    expect(lab.run('ip link del bh2')).toEqual([]);
    expect(lab.world.host.dev('bh2')).toBeUndefined();
  });
});
