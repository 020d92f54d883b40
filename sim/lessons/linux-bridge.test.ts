// The article lesson (lessons/linux-bridge.json) run through the simulator: every step's check passes
// once its commands ran, and fails when the step is skipped, except where a step only looks.
import { describe, expect, it } from 'vitest';
import file from '../../lessons/linux-bridge.json';
import { LessonRun } from './runner';
import { loadLesson } from './validate';
import type { Check, Text } from './types';

const lesson = loadLesson(file, 'lessons/linux-bridge.json');

/** Steps whose check reads what earlier steps built: skipping them changes nothing it looks at. */
const OBSERVE_ONLY: Record<string, string> = {
  'route-order': 'route -v and the plain ping show the state step eth0-joins-br0 left',
  promiscuous: 'eth0 became promiscuous when it joined br0, two experiments earlier',
};

function texts(c: Check | undefined): Text[] {
  if (!c) return [];
  const own = [c.pass, c.fail].filter((x): x is Text => x !== undefined);
  if (c.kind === 'all' || c.kind === 'any') return [...own, ...c.of.flatMap(texts)];
  if (c.kind === 'not') return [...own, ...texts(c.check)];
  return own;
}

describe('lesson linux-bridge', () => {
  it('is written in Chinese and English throughout', () => {
    const all: [string, Text][] = [
      ['title', lesson.title],
      ['summary', lesson.summary!],
    ];
    for (const s of lesson.steps) {
      all.push([`${s.id}.title`, s.title], [`${s.id}.text`, s.text]);
      if (s.explain) all.push([`${s.id}.explain`, s.explain]);
      for (const [i, t] of texts(s.check).entries()) all.push([`${s.id}.check#${i}`, t]);
    }
    // every note the lesson types: in the reader's language, never one language for both
    [...lesson.setup, ...lesson.steps.flatMap((s) => s.commands)].forEach((c, i) => {
      if (c.note) all.push([`note#${i}`, c.says ?? { zh: c.run, en: c.run }]);
    });
    const missing = all.filter(([, t]) => !t.zh || !t.en || !/[\u4e00-\u9fff]/.test(t.zh)).map(([k]) => k);
    const englishNotes = all.filter(([k, t]) => k.startsWith('note#') && /[\u4e00-\u9fff]/.test(t.en)).map(([k]) => k);
    expect(englishNotes).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('follows the article: its addresses, its experiments, its diagrams', () => {
    const commands = [...lesson.setup, ...lesson.steps.flatMap((s) => s.commands)].map((c) => c.run).join('\n');
    for (const a of [
      '192.168.3.21/24 dev eth0',
      '192.168.3.101/24 dev veth0',
      '192.168.3.102/24 dev veth1',
      'default via 192.168.3.1',
      '192.168.9.1/24 dev br0',
      '192.168.9.2/24',
      '192.168.9.3/24',
    ]) {
      expect(commands).toContain(a);
    }
    for (const c of [
      'ip link add name br0 type bridge',
      'ip link set dev veth0 master br0',
      'ping -c 1 -I veth0 192.168.3.102',
      'ip addr del 192.168.3.101/24 dev veth0',
      'ip addr add 192.168.3.101/24 dev br0',
      'ping -c 1 -I br0 192.168.3.102',
      'ping -c 1 -I br0 192.168.3.1',
      'ip link set dev eth0 master br0',
      'ping -c 1 -I eth0 192.168.3.1',
      'ping -c 1 -I veth1 192.168.3.1',
      'route -v',
      'ip addr del 192.168.3.21/24 dev eth0',
      'ping -c 1 baidu.com',
      'ip link set dev veth1 address 08:00:27:3b:0d:b9',
      'ip addr del 192.168.3.101/24 dev br0',
      'ip tuntap add dev tap1 mode tap',
      'lab vm add vm1 tap tap1',
      'sysctl -w net.ipv4.ip_forward=1',
      '-j MASQUERADE',
    ]) {
      expect(commands).toContain(c);
    }
    expect(lesson.steps.filter((s) => s.diagram).length).toBe(7);
    const explained = lesson.steps.map((s) => s.explain?.en ?? '').join('\n');
    for (const k of [
      'accept_local',
      'rp_filter',
      'over lo',
      'Destination Host Unreachable',
      'cost 4',
      'smallest port MAC',
    ])
      expect(explained).toContain(k);
  });

  it('passes every check when each step is run in order', () => {
    const run = new LessonRun(lesson);
    const failed = run
      .runAll()
      .filter((o) => o.result && !o.result.pass)
      .map((o) => `${o.step.id}: ${o.result!.says.en}`);
    expect(failed).toEqual([]);
  });

  it.each(lesson.steps.filter((s) => s.check && !(s.id in OBSERVE_ONLY)).map((s) => s.id))(
    'fails the check of %s when the step is skipped',
    (id) => {
      const run = new LessonRun(lesson);
      const k = lesson.steps.findIndex((s) => s.id === id);
      for (let i = 0; i < k; i++) run.runStep(i);
      const r = run.check(id)!;
      expect(r.pass, r.says.en).toBe(false);
    },
  );

  it.each(Object.keys(OBSERVE_ONLY))('still passes the check of %s when it is skipped (it only looks)', (id) => {
    const run = new LessonRun(lesson);
    const k = lesson.steps.findIndex((s) => s.id === id);
    for (let i = 0; i < k; i++) run.runStep(i);
    expect(run.check(id)!.pass).toBe(true);
  });
});
