// Fuzz kind fdb: static, dynamic, permanent and sticky FDB entries added, replaced, appended and
// deleted on br0's ports and on br0 itself, with pings that learn (or cannot move) entries between
// them (fdb_add_entry(), br_fdb_update(), fdb_delete_by_addr_and_port(), ndo_dflt_fdb_add()).
import { bridgedLab, type FuzzKind, type Pick } from './pick';

const MACS = ['02:00:00:00:00:a1', '02:00:00:00:00:b1', '02:00:00:00:00:77', '02:00:00:00:00:03', '02:00:00:00:00:10'];

function command(p: Pick): string[] {
  const k = p.of([...Array(20).keys()]);
  if (k < 10) {
    const op = p.of(['add', 'add', 'replace', 'replace', 'append', 'del']);
    const dev = p.of(['va', 'vb', 'vb', 'v0', 'br0']);
    const where = p.of(['master', 'master', 'master', 'self', '']);
    const state = p.of(['', 'static', 'static', 'dynamic', 'permanent']);
    const sticky = p.chance(0.35) ? ' sticky' : '';
    return [`bridge fdb ${op} ${p.of(MACS)} dev ${dev}${where ? ` ${where}` : ''}${state ? ` ${state}` : ''}${sticky}`];
  }
  if (k < 14) {
    const ns = p.of(['ip netns exec a ', 'ip netns exec b ', '']);
    const cap = p.capture(0.6, ['va', 'vb', 'br0']);
    return [...cap, `${ns}ping -c 1 -W 1 ${p.of(['10.9.0.1', '10.9.0.11', '10.9.0.12'])}`];
  }
  if (k < 16) {
    return [
      p.of([
        `bridge link set dev ${p.of(['va', 'vb'])} learning ${p.of(['off', 'on'])}`,
        `ip link set ${p.of(['va', 'vb', 'v0'])} ${p.of(['nomaster', 'master br0'])}`,
        'ip link set br0 type bridge fdb_flush',
        `ip link set ${p.of(['va', 'vb'])} ${p.of(['down', 'up', 'up'])}`,
      ]),
    ];
  }
  return [
    p.of([
      'bridge fdb show br br0',
      'bridge fdb show br br0 dynamic',
      'bridge fdb show br br0 dynamic',
      `bridge fdb show dev ${p.of(['va', 'vb', 'br0'])}`,
      'ip -n a neigh',
      'ip neigh',
    ]),
  ];
}

/**
 * Misdirected entries make ARP fail often here; an unanswered resolution gives up after three
 * retransmissions, and whether that lands inside a one-second ping depends on how fast the commands
 * before it ran. With 20 s between retransmissions it never does within a scenario.
 */
function setup(): string[] {
  const lines = bridgedLab(true);
  const at = lines.indexOf('sleep 1');
  lines.splice(
    at,
    0,
    'sysctl -w net.ipv4.neigh.br0.retrans_time_ms=20000',
    'ip netns exec a sysctl -w net.ipv4.neigh.eth0.retrans_time_ms=20000',
    'ip netns exec b sysctl -w net.ipv4.neigh.eth0.retrans_time_ms=20000',
  );
  return lines;
}

export const fdbFlags: FuzzKind = { setup, command };
