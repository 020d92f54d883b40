// Table tests for FIB decisions (fib_table_lookup) and a property check of longest-prefix match.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ip4, inPrefix, parseIp4, prefixMask } from '../core/addr';
import { Fib, RTPROT_BOOT, RTPROT_KERNEL, RT_TABLE_LOCAL, RT_TABLE_MAIN, isFibError, type FibRoute } from './fib';
import { RT_SCOPE_HOST, RT_SCOPE_LINK, RT_SCOPE_NOWHERE, RT_SCOPE_UNIVERSE } from './devinet';
import type { NetDevice } from '../net/netdevice';

const dev = (name: string, ifindex: number) => ({ name, ifindex, carrier: true, inDev: null }) as unknown as NetDevice;
const eth0 = dev('eth0', 2),
  br0 = dev('br0', 3),
  veth1 = dev('veth1', 4);
const A = (s: string) => parseIp4(s)!;

function route(p: Partial<Omit<FibRoute, 'dst'>> & { dst: string; len: number }): Omit<FibRoute, 'seq'> {
  return {
    table: RT_TABLE_MAIN,
    type: 'unicast',
    tos: 0,
    priority: 0,
    protocol: RTPROT_KERNEL,
    scope: RT_SCOPE_LINK,
    prefsrc: null,
    gw: null,
    dev: eth0,
    nhScope: RT_SCOPE_HOST,
    onlink: false,
    ...p,
    dst: A(p.dst),
  } as Omit<FibRoute, 'seq'>;
}

function devOf(fib: Fib, d: string, oif?: number): string {
  const r = fib.lookup({ daddr: A(d), oif });
  return isFibError(r) ? r.error : `${r.type} ${r.route.dev?.name ?? '-'}`;
}

describe('fib lookup', () => {
  const cases: { name: string; routes: Omit<FibRoute, 'seq'>[]; dst: string; oif?: number; want: string }[] = [
    {
      name: 'same prefix: insertion order wins (eth0 added first)',
      routes: [
        route({ dst: '192.168.3.0', len: 24, dev: eth0 }),
        route({ dst: '192.168.3.0', len: 24, dev: veth1 }),
        route({ dst: '192.168.3.0', len: 24, dev: br0 }),
      ],
      dst: '192.168.3.1',
      want: 'unicast eth0',
    },
    {
      name: 'a longer prefix beats an older shorter one',
      routes: [route({ dst: '192.0.2.0', len: 24, dev: eth0 }), route({ dst: '192.0.2.0', len: 25, dev: br0 })],
      dst: '192.0.2.5',
      want: 'unicast br0',
    },
    {
      name: 'lower metric first, whatever the order',
      routes: [
        route({ dst: '10.0.0.0', len: 8, dev: eth0, priority: 100 }),
        route({ dst: '10.0.0.0', len: 8, dev: br0, priority: 5 }),
      ],
      dst: '10.1.2.3',
      want: 'unicast br0',
    },
    {
      name: 'oif skips routes through other devices, local ones included',
      routes: [
        route({
          dst: '192.0.2.2',
          len: 32,
          table: RT_TABLE_LOCAL,
          type: 'local',
          scope: RT_SCOPE_HOST,
          dev: veth1,
          nhScope: RT_SCOPE_NOWHERE,
        }),
        route({ dst: '192.0.2.0', len: 24, dev: eth0 }),
        route({ dst: '192.0.2.0', len: 24, dev: veth1 }),
      ],
      dst: '192.0.2.2',
      oif: 2,
      want: 'unicast eth0',
    },
    {
      name: 'the local table answers for an own address',
      routes: [
        route({ dst: '192.0.2.0', len: 24, dev: eth0 }),
        route({
          dst: '192.0.2.1',
          len: 32,
          table: RT_TABLE_LOCAL,
          type: 'local',
          scope: RT_SCOPE_HOST,
          dev: eth0,
          nhScope: RT_SCOPE_NOWHERE,
        }),
      ],
      dst: '192.0.2.1',
      want: 'local eth0',
    },
    {
      name: 'the default route catches the rest',
      routes: [
        route({
          dst: '0.0.0.0',
          len: 0,
          gw: A('192.0.2.254'),
          scope: RT_SCOPE_UNIVERSE,
          protocol: RTPROT_BOOT,
          nhScope: RT_SCOPE_LINK,
        }),
        route({ dst: '192.0.2.0', len: 24 }),
      ],
      dst: '8.8.8.8',
      want: 'unicast eth0',
    },
    { name: 'no route', routes: [route({ dst: '192.0.2.0', len: 24 })], dst: '8.8.8.8', want: 'ENETUNREACH' },
    {
      name: 'unreachable route',
      routes: [route({ dst: '10.40.0.0', len: 16, type: 'unreachable', dev: null, scope: RT_SCOPE_UNIVERSE })],
      dst: '10.40.1.1',
      want: 'EHOSTUNREACH',
    },
    {
      name: 'blackhole route',
      routes: [route({ dst: '10.30.0.0', len: 16, type: 'blackhole', dev: null, scope: RT_SCOPE_UNIVERSE })],
      dst: '10.30.1.1',
      want: 'EINVAL',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const fib = new Fib();
      for (const r of c.routes) expect(fib.insert(r, { append: true })).toBeNull();
      expect(devOf(fib, c.dst, c.oif)).toBe(c.want);
    });
  }

  it('ip route add refuses a second route with the same prefix and metric (File exists)', () => {
    const fib = new Fib();
    expect(fib.insert(route({ dst: '10.5.0.0', len: 16, gw: A('10.1.1.254') }), { excl: true })).toBeNull();
    expect(fib.insert(route({ dst: '10.5.0.0', len: 16, gw: A('10.1.1.253') }), { excl: true })).toBe('EEXIST');
    expect(
      fib.insert(route({ dst: '10.5.0.0', len: 16, gw: A('10.1.1.253'), priority: 5 }), { excl: true }),
    ).toBeNull();
  });

  it('dumps in key order, longer prefixes first', () => {
    const fib = new Fib();
    fib.insert(route({ dst: '10.0.0.0', len: 8 }), { append: true });
    fib.insert(route({ dst: '0.0.0.0', len: 0, gw: A('10.0.0.1') }), { append: true });
    fib.insert(route({ dst: '10.0.0.0', len: 24 }), { append: true });
    expect(fib.dump(RT_TABLE_MAIN).map((r) => `${r.dst}/${r.len}`)).toEqual([
      '0/0',
      `${A('10.0.0.0')}/24`,
      `${A('10.0.0.0')}/8`,
    ]);
  });

  it('longest prefix match agrees with a brute-force scan', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            net: fc.integer({ min: 0, max: 0xffffffff }),
            len: fc.integer({ min: 0, max: 32 }),
            metric: fc.integer({ min: 0, max: 3 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        fc.integer({ min: 0, max: 0xffffffff }),
        (rs, d) => {
          const fib = new Fib();
          const added: { dst: number; len: number; metric: number; i: number }[] = [];
          rs.forEach((r, i) => {
            const dst = (r.net & prefixMask(r.len)) >>> 0;
            const ok = fib.insert(
              {
                ...route({ dst: '0.0.0.0', len: r.len, dev: dev(`d${i}`, 10 + i), priority: r.metric }),
                dst: ip4(dst),
              },
              { excl: true },
            );
            if (ok === null) added.push({ dst, len: r.len, metric: r.metric, i });
          });
          const match = added
            .filter((r) => inPrefix(d, r.dst, r.len))
            .sort((a, b) => b.len - a.len || a.metric - b.metric || a.i - b.i)[0];
          const got = fib.lookup({ daddr: ip4(d) });
          if (!match) expect(isFibError(got)).toBe(true);
          else expect(isFibError(got) ? null : got.route.dev?.name).toBe(`d${match.i}`);
        },
      ),
    );
  });
});
