// Each preset of the app, exported as a script and run on the real kernel in namespaces of its own,
// must leave the kernel in the state the simulator shows after the same commands. Skipped without
// root and ip netns (CI has both); the normalization is tested everywhere.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkOnKernel,
  diffStates,
  kernelUnavailable,
  normalizeState,
  parseOLink,
  presets,
  sweep,
  type CheckResult,
} from './export-check';

const O_LINK = [
  '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
  '2: eth0@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br0 state UP mode DEFAULT group default qlen 1000\\    link/ether 08:00:27:3b:0d:b9 brd ff:ff:ff:ff:ff:ff link-netns netlab-wires',
  '3: br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000\\    link/ether 06:11:22:33:44:55 brd ff:ff:ff:ff:ff:ff',
  '4: tap1@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br0 state UP mode DEFAULT group default qlen 1000\\    link/ether 06:11:22:33:44:55 brd ff:ff:ff:ff:ff:ff link-netns netlab-vm1',
  '5: veth9@veth8: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000\\    link/ether 5a:00:00:00:00:09 brd ff:ff:ff:ff:ff:ff',
].join('\n');

describe('normalization', () => {
  it('reads devices, MACs and masters from ip -o link', () => {
    expect(parseOLink(O_LINK).map((d) => `${d.name} ${d.mac} ${d.master ?? '-'}`)).toEqual([
      'lo 00:00:00:00:00:00 -',
      'eth0 08:00:27:3b:0d:b9 br0',
      'br0 06:11:22:33:44:55 -',
      'tap1 06:11:22:33:44:55 br0',
      'veth9 5a:00:00:00:00:09 -',
    ]);
  });

  it('names MACs, and hides what an exported NIC or tap changes', () => {
    const outputs = {
      'ip -br link': [
        'eth0@if3         UP             08:00:27:3b:0d:b9 <BROADCAST,MULTICAST,UP,LOWER_UP> ',
        'br0              UP             06:11:22:33:44:55 <BROADCAST,MULTICAST,UP,LOWER_UP> ',
        'tap1@if2         LOWERLAYERDOWN 06:11:22:33:44:55 <NO-CARRIER,BROADCAST,MULTICAST,UP> ',
        'veth9@veth8      UP             5a:00:00:00:00:09 <BROADCAST,MULTICAST,UP,LOWER_UP> ',
      ].join('\n'),
      'bridge link':
        '2: eth0@lo: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 32 cost 2 \n4: tap1@eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 32 cost 2 ',
    };
    const n = normalizeState(outputs, O_LINK, new Set(['08:00:27:3b:0d:b9']), new Set(['eth0', 'tap1']));
    expect(n['ip -br link']).toEqual([
      'eth0 UP 08:00:27:3b:0d:b9 <BROADCAST,MULTICAST,UP,LOWER_UP>',
      'br0 UP {lowest port of br0} <BROADCAST,MULTICAST,UP,LOWER_UP>',
      'tap1 DOWN {tap1} <NO-CARRIER,BROADCAST,MULTICAST,UP>',
      'veth9@veth8 UP {veth9} <BROADCAST,MULTICAST,UP,LOWER_UP>',
    ]);
    expect(n['bridge link']).toEqual([
      '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 32 cost *',
      '4: tap1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 32 cost *',
    ]);
    expect(n['ip route']).toEqual([]);
  });

  it('shows only what differs', () => {
    const a = { host: { 'ip -br link': ['lo UNKNOWN'], 'ip -br addr': [], 'ip route': ['x'], 'bridge link': [] } };
    const b = { host: { 'ip -br link': ['lo UNKNOWN'], 'ip -br addr': [], 'ip route': ['y'], 'bridge link': [] } };
    expect(diffStates(a, a)).toBe('');
    expect(diffStates(a, b)).toBe('[host] $ ip route\n  kernel    x\n  simulator y');
  });
});

const why = await kernelUnavailable();
const all = await presets();
const prefixOf = (i: number) => `nlx${process.pid}t${i}-`;

describe('presets exported to the real kernel', () => {
  const results = new Map<string, CheckResult | Error>();

  beforeAll(async () => {
    if (why) return;
    // all at once: each runs in namespaces of its own
    await Promise.all(
      all.map(async (p, i) => {
        results.set(
          p.id,
          await checkOnKernel(p.id, p.commands, prefixOf(i)).catch((e: unknown) =>
            e instanceof Error ? e : new Error(String(e)),
          ),
        );
      }),
    );
  }, 120_000);

  afterAll(async () => {
    if (why) return;
    for (let i = 0; i < all.length; i++) await sweep(prefixOf(i));
  });

  it.for(all.map((p) => p.id))('%s: the kernel shows what the simulator shows', (id, ctx) => {
    if (why) ctx.skip(`kernel unavailable: ${why}`);
    const r = results.get(id)!;
    if (r instanceof Error) throw r;
    expect(r.diff, `${r.diff}\n${r.log}`).toBe('');
    expect(Object.keys(r.kernel)).toEqual(Object.keys(r.simulator));
  });

  it('left no namespace behind', (ctx) => {
    if (why) ctx.skip(`kernel unavailable: ${why}`);
    const left = readdirSync('/run/netns').filter((n) => all.some((_, i) => n.startsWith(prefixOf(i))));
    expect(left).toEqual([]);
  });
});
