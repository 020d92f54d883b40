// The article's outside world: ping baidu.com works once the default route is back.
import { describe, expect, it } from 'vitest';
import { Lab } from '../testing/lab';
import { outsideWorld } from './outside_world';

describe('outside world', () => {
  it('resolves names from /etc/hosts and reaches them through the gateway', () => {
    const lab = new Lab(outsideWorld().join('\n'));
    lab.run('ip addr add 192.168.3.21/24 dev eth0');
    lab.run('ip link set eth0 up');
    expect(lab.run('ping -c 1 -W 1 baidu.com')).toEqual(['ping: connect: Network is unreachable']);
    lab.run('ip route add default via 192.168.3.1');
    const out = lab.run('ping -c 1 -W 1 baidu.com');
    expect(out[0]).toBe('PING baidu.com (110.242.68.66) 56(84) bytes of data.');
    expect(out[1]).toMatch(/^64 bytes from baidu\.com \(110\.242\.68\.66\): icmp_seq=1 ttl=63 time=/);
    expect(lab.run('ping -c 1 -W 1 nosuch.example')).toEqual(['ping: nosuch.example: Name or service not known']);
  });
});
