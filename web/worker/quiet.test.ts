// A preset's world around the host (LAN, gateway, internet) is built without a line on the host's terminal;
// the host's own lines are echoed as typed, and the lab is the same as when every line is shown.
import { describe, expect, it } from 'vitest';
import { Lab } from './lab';
import { toWorker, type FromWorker } from '../protocol';
import { PRESETS } from '../../sim/labs/presets/article';
import { quietRuns } from '../store/playback';
import { isOutsideWorldLine, outsideWorld } from '../../sim/labs/outside_world';
import { applySnapshotDiff } from '../model/snapDiff';
import type { Snapshot } from '../../sim/snapshot';

function build(lines: readonly string[], quiet: boolean) {
  const msgs: FromWorker[] = [];
  const lab = new Lab((m) => msgs.push(m));
  const runs = quiet ? quietRuns(lines) : [{ quiet: false, lines: [...lines] }];
  for (const r of runs)
    lab.handle(toWorker({ type: 'run', ns: 'host', lines: r.lines, group: 'preset:x', mode: 'sync', quiet: r.quiet }));
  const snap = msgs.reduce<Snapshot | null>(
    (s, m) => (m.type === 'snapshot' ? applySnapshotDiff(s, m.diff) : s),
    null,
  )!;
  const echoed = msgs.flatMap((m) => (m.type === 'started' ? [m.line] : []));
  const printed = msgs.flatMap((m) => (m.type === 'output' ? m.lines : []));
  const logged = msgs.flatMap((m) => (m.type === 'logged' ? [m.entry.line] : []));
  return { snap, echoed, printed, logged };
}

describe('a quiet first load', () => {
  it("knows the world's lines from outsideWorld(), whatever MAC the gateway is given, and no other", () => {
    for (const l of outsideWorld({ gatewayMac: '52:54:00:12:35:01' }))
      expect([l, isOutsideWorldLine(l)]).toEqual([l, true]);
    for (const l of [
      'ip addr add 192.168.3.21/24 dev eth0',
      'ip link add name br0 type bridge',
      'sysctl -w net.ipv4.conf.all.rp_filter=0',
      'lab nic add eth1',
    ])
      expect([l, isOutsideWorldLine(l)]).toEqual([l, false]);
  });

  for (const p of PRESETS) {
    it(`${p.id}: echoes the host's lines only, logs every line, and builds the same lab`, () => {
      const quiet = build(p.commands, true);
      const loud = build(p.commands, false);
      const shown = p.commands.filter((l) => !isOutsideWorldLine(l));
      expect(quiet.echoed).toEqual(shown);
      expect(quiet.echoed.length).toBeLessThan(loud.echoed.length);
      expect(quiet.echoed.some((l) => /\b(lan|gw|internet)\b/.test(l))).toBe(false);
      expect(quiet.logged).toEqual(loud.logged);
      expect(JSON.stringify(quiet.snap)).toEqual(JSON.stringify(loud.snap));
      expect(quiet.snap.namespaces.map((n) => n.name)).toEqual(
        expect.arrayContaining(['host', 'lan', 'gw', 'internet']),
      );
    });
  }
});
