import { describe, it, expect } from 'vitest';
import { linkwatchPending, Settler } from './settle';

// `ip -o link` lines (shortened after the state) seen on 6.18 while linkwatch was working.
const BR0_UNKNOWN = '2: br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UNKNOWN mode DEFAULT';
const BR0_UP = '2: br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT';
const BR0_LOST_CARRIER = '2: br0: <BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state UP mode DEFAULT';
const BR0_DOWN = '2: br0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT';
const ETH0_GOT_CARRIER =
  '2: eth0@if2: <NO-CARRIER,BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT';
const VETH1_ADMIN_DOWN = '3: veth1@veth0: <BROADCAST,MULTICAST> mtu 1500 qdisc noqueue state DOWN mode DEFAULT';
const PORT_DISABLED =
  '4: veth0@veth1: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 master br0 state disabled priority 32 cost 2 ';
const PORT_HALF =
  '2: eth0: <NO-CARRIER,BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state disabled priority 32 cost 2 ';

describe('linkwatchPending', () => {
  it.each([
    [BR0_UNKNOWN, false],
    [BR0_UP, false],
    [BR0_DOWN, false],
    [VETH1_ADMIN_DOWN, false],
    [PORT_DISABLED, false],
    [BR0_LOST_CARRIER, true],
    [ETH0_GOT_CARRIER, true],
    [PORT_HALF, true],
    [`${BR0_UP}\n${ETH0_GOT_CARRIER}`, true],
  ])('%s -> %s', (state, want) => {
    expect(linkwatchPending(state)).toBe(want);
  });
});

/** A fake clock; read() returns the state in force at the current time. */
function world(states: [number, string][]) {
  let t = 0;
  const w = {
    now: () => t,
    wait: async (ms: number) => {
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
    reads: 0,
    read: async () => {
      w.reads++;
      t += 5; // a read takes a little time
      return states.filter(([at]) => at <= t).at(-1)![1];
    },
  };
  return w;
}

describe('Settler', () => {
  it('does not read when no link changed', async () => {
    const w = world([[0, BR0_UP]]);
    const s = new Settler(w.now, w.wait);
    expect(await s.settle(w.read)).toBe(0);
    expect(w.reads).toBe(0);
  });

  it('reads once when two rounds have passed since the change', async () => {
    const w = world([[0, BR0_UP]]);
    const s = new Settler(w.now, w.wait);
    s.changed();
    w.advance(2500);
    await s.settle(w.read);
    expect(w.reads).toBe(1);
  });

  it('waits a round after the change, for changes no flag announces (br0 UNKNOWN -> UP)', async () => {
    const w = world([
      [0, BR0_UNKNOWN],
      [800, BR0_UP],
    ]);
    const s = new Settler(w.now, w.wait);
    s.changed();
    await s.settle(w.read);
    expect(w.now()).toBeGreaterThanOrEqual(1000);
    expect(w.now()).toBeLessThan(1300);
    expect(await w.read()).toBe(BR0_UP);
  });

  it('waits for a cascade that shows as carrier without operstate', async () => {
    const w = world([
      [0, `${BR0_UP}\n${PORT_DISABLED}`],
      [5, `${BR0_LOST_CARRIER}\n${PORT_DISABLED}`],
      [1900, `${BR0_DOWN}\n${PORT_DISABLED}`],
    ]);
    const s = new Settler(w.now, w.wait);
    s.changed();
    await s.settle(w.read);
    expect(w.now()).toBeGreaterThan(1900);
    expect(w.now()).toBeLessThan(2200);
  });

  it('gives up 3 s after the change', async () => {
    const w = world([[0, BR0_LOST_CARRIER]]);
    const s = new Settler(w.now, w.wait);
    s.changed();
    await s.settle(w.read);
    expect(w.now()).toBeGreaterThanOrEqual(3000);
    expect(w.now()).toBeLessThan(3200);
  });
});
