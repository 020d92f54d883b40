import { describe, expect, it } from 'vitest';
import { World } from '../../net/world';
import { Shell } from '../../shell/shell';
import { PRESETS } from './article';

function build(id: string) {
  const w = new World(1);
  const sh = new Shell(w);
  const errors: string[] = [];
  for (const l of PRESETS.find((p) => p.id === id)!.commands) {
    if (l.startsWith('#')) continue;
    const r = sh.run(l);
    if (r.code !== 0) errors.push(`${l}: ${r.lines.join(' / ')}`);
  }
  // a person looks at the lab a moment later, when its links have settled
  w.linkWatch.settle();
  return { sh, errors };
}

const received = (lines: string[]) => lines.some((l) => / 1 received/.test(l));

describe('article presets', () => {
  it.each(PRESETS.map((p) => p.id))('%s runs without a failing command', (id) => {
    expect(build(id).errors).toEqual([]);
  });

  it('reproduces what the article shows of each diagram', () => {
    expect(received(build('bridge').sh.run('ping -c 1 192.168.3.1').lines)).toBe(true);
    expect(received(build('veth').sh.run('ping -c 1 -W 1 -I veth0 192.168.3.102').lines)).toBe(false);
    expect(received(build('br-address').sh.run('ping -c 1 -I br0 192.168.3.102').lines)).toBe(true);
    expect(received(build('eth0').sh.run('ping -c 1 192.168.3.1').lines)).toBe(true);
    expect(received(build('no-address').sh.run('ping -c 1 192.168.3.1').lines)).toBe(true);
    expect(received(build('vms').sh.run('ping -c 1 192.168.3.1', 'vm2').lines)).toBe(true);
    expect(received(build('docker').sh.run('ping -c 1 192.168.3.1', 'c2').lines)).toBe(true);
  });

  it('has the machine of the article: eth0 a 1 Gb/s NIC (cost 4 on br0), the internet behind the gateway', () => {
    const { sh } = build('eth0');
    expect(sh.run('bridge link').lines.join('\n')).toMatch(/eth0: .* master br0 state forwarding priority 32 cost 4/);
    expect(sh.run('ip link show dev eth0').lines[1]).toContain('link/ether 08:00:27:3b:0d:b9');
    expect(received(sh.run('ping -c 1 baidu.com').lines)).toBe(true);
  });
});
