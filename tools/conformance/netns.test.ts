import { describe, it, expect } from 'vitest';
import { parseLinks } from './netns';

describe('parseLinks', () => {
  it('reads ip -o link: name without @peer, MAC, ifindex order', () => {
    const text = [
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
      '5: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br0 state UP mode DEFAULT group default qlen 1000\\    link/ether 6e:5f:3a:10:00:01 brd ff:ff:ff:ff:ff:ff',
      '2: eth0@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br0 state UP mode DEFAULT group default qlen 1000\\    link/ether 08:00:27:3B:0D:B9 brd ff:ff:ff:ff:ff:ff link-netns nl1s0-lan',
      '7: tun0: <NO-CARRIER,POINTOPOINT,MULTICAST,NOARP,UP> mtu 1500 qdisc pfifo_fast state DOWN mode DEFAULT group default qlen 500\\    link/none ',
      '',
    ].join('\n');
    expect(parseLinks(text)).toEqual([
      { index: 1, name: 'lo', mac: '00:00:00:00:00:00' },
      { index: 2, name: 'eth0', mac: '08:00:27:3b:0d:b9' },
      { index: 5, name: 'veth0', mac: '6e:5f:3a:10:00:01' },
    ]);
  });
});
