// The output route kept with a fib result (route.ts: the nexthop's cached rtable) is handed out again only
// for the same flow from the same result: a route, address or link change between two packets is seen at
// once, and a next-hop exception never writes to the kept route.
import { describe, expect, it } from 'vitest';
import { Lab } from '../testing/lab';
import { type Ip4, parseIp4 } from '../core/addr';
import { isRouteError, routeOutput, type Rtable } from './route';

// a reaches 10.0.0.9 (held by both b and c) through b or through c, as its route says
const TWO_WAYS = `
ip netns add a
ip netns add b
ip netns add c
ip link add ab type veth peer name ba
ip link add ac type veth peer name ca
ip link set ab netns a
ip link set ba netns b
ip link set ac netns a
ip link set ca netns c
ip -n a addr add 192.0.2.1/24 dev ab
ip -n b addr add 192.0.2.2/24 dev ba
ip -n a addr add 198.51.100.1/24 dev ac
ip -n c addr add 198.51.100.2/24 dev ca
ip -n b addr add 10.0.0.9/32 dev lo
ip -n c addr add 10.0.0.9/32 dev lo
ip -n a link set ab up
ip -n a link set ac up
ip -n b link set ba up
ip -n c link set ca up
ip -n a route add 10.0.0.9/32 via 192.0.2.2
`;

const ip = (s: string): Ip4 => parseIp4(s)!;

function route(lab: Lab, daddr: string): Rtable {
  const rt = routeOutput(lab.world.netns('a')!, { daddr: ip(daddr) });
  if (isRouteError(rt)) throw new Error(`no route to ${daddr}: ${rt.error}`);
  return rt;
}

const echoRequests = (lines: string[]) => lines.filter((l) => l.includes('ICMP echo request')).length;

describe('the cached output route', () => {
  it('is the same route for the same flow, and a route replaced between two pings is taken at once', () => {
    const lab = new Lab(TWO_WAYS);
    const first = route(lab, '10.0.0.9');
    expect(route(lab, '10.0.0.9')).toBe(first);
    expect(first.dev.name).toBe('ab');
    const viaB = lab.capture('b:ba');
    const viaC = lab.capture('c:ca');
    expect(lab.run('ping -c 1 10.0.0.9', 'a').join('\n')).toMatch(/1 received/);
    expect(echoRequests(viaB.lines())).toBe(1);
    expect(echoRequests(viaC.lines())).toBe(0);
    expect(lab.run('ip -n a route replace 10.0.0.9/32 via 198.51.100.2')).toEqual([]);
    const after = route(lab, '10.0.0.9');
    expect(after).not.toBe(first);
    expect(after.dev.name).toBe('ac');
    expect(after.gw).toBe(ip('198.51.100.2'));
    expect(lab.run('ping -c 1 10.0.0.9', 'a').join('\n')).toMatch(/1 received/);
    expect(echoRequests(viaB.lines())).toBe(1);
    expect(echoRequests(viaC.lines())).toBe(1);
  });

  it('follows a changed source address and a device gone down', () => {
    const lab = new Lab(TWO_WAYS);
    expect(route(lab, '10.0.0.9').saddr).toBe(ip('192.0.2.1'));
    // the address on the way out replaced (its routes go with it and come back): the next route has the new source
    lab.run('ip -n a addr del 192.0.2.1/24 dev ab');
    expect(isRouteError(routeOutput(lab.world.netns('a')!, { daddr: ip('10.0.0.9') }))).toBe(true);
    lab.run('ip -n a addr add 192.0.2.7/24 dev ab');
    lab.run('ip -n a route add 10.0.0.9/32 via 192.0.2.2');
    expect(route(lab, '10.0.0.9').saddr).toBe(ip('192.0.2.7'));
    // the way out goes down: its routes go with it, and so does the kept route
    lab.run('ip -n a link set ab down');
    const rt = routeOutput(lab.world.netns('a')!, { daddr: ip('10.0.0.9') });
    expect(isRouteError(rt)).toBe(true);
  });

  it('keeps its route as it was made when a next-hop exception (a learnt path MTU) applies to one lookup', () => {
    const lab = new Lab(TWO_WAYS);
    const kept = route(lab, '10.0.0.9');
    const ns = lab.world.netns('a')!;
    ns.ipv4.exceptions.set(ip('10.0.0.9'), {
      gw: null,
      dev: kept.dev,
      expires: 0,
      pmtu: 1280,
      pmtuExpires: lab.world.now + 600_000_000,
      genid: ns.ipv4.rtGenid,
    });
    const withPmtu = route(lab, '10.0.0.9');
    expect(withPmtu.pmtu).toBe(1280);
    expect(withPmtu).not.toBe(kept);
    expect(kept.pmtu).toBeUndefined();
    expect(route(lab, '10.0.0.9').pmtu).toBe(1280);
  });
});
