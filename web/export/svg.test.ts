import { describe, expect, it } from 'vitest';
import { World } from '../../sim/net/world';
import { Shell } from '../../sim/shell/shell';
import { takeSnapshot } from '../../sim/snapshot';
import type { TraceEvent } from '../../sim/net/trace';
import { PRESETS } from '../../sim/labs/presets/article';
import { buildDiagram } from '../model/diagram';
import { FlowModel } from '../model/flow';
import { FlowGeometry } from '../flows/geometry';
import { diagramSvg, wrapCaption } from './svg';
import { flowAnimationSvg } from './animation';
import { flowShapes } from './shapes';

function lab(commands: readonly string[], then?: string) {
  const w = new World(1);
  const sh = new Shell(w);
  for (const l of commands) if (!l.startsWith('#')) sh.run(l);
  const events: TraceEvent[] = [];
  if (then) {
    w.linkWatch.settle();
    w.trace = (e) => events.push({ ...e, ...('bytes' in e ? { bytes: e.bytes.slice() } : {}) } as TraceEvent);
    sh.run(then);
  }
  const snap = takeSnapshot(w);
  return { snap, events, ...buildDiagram(snap, {}, null) };
}

const count = (s: string, needle: string) => s.split(needle).length - 1;

describe('diagramSvg', () => {
  for (const p of PRESETS) {
    it(`${p.title}: every box, device, station and line of the page, as text and shapes`, () => {
      const { nodes, edges } = lab(p.commands);
      const svg = diagramSvg(nodes, edges);
      expect(svg.startsWith('<?xml')).toBe(true);
      expect(count(svg, '<g class="device"')).toBe(nodes.filter((n) => n.type === 'device').length);
      expect(count(svg, '<g class="station"')).toBe(nodes.filter((n) => n.type === 'station').length);
      expect(count(svg, '<g class="netns"')).toBe(nodes.filter((n) => n.type === 'netns').length);
      expect(count(svg, '<path class="edge-')).toBe(edges.length);
      for (const n of nodes)
        if (n.type === 'device') expect(svg).toMatch(new RegExp(`>${n.data.dev.name}( \\((tap|tun)\\))?<`));
      // balanced: every element opened is closed
      expect(count(svg, '<g ')).toBe(count(svg, '</g>'));
      expect(count(svg, '<text')).toBe(count(svg, '</text>'));
    });
  }

  it('sizes the picture to what it holds: every device inside the view box', () => {
    const { nodes, edges } = lab(PRESETS[6].commands);
    const svg = diagramSvg(nodes, edges);
    const [x, y, w, h] = svg
      .match(/viewBox="([^"]+)"/)![1]
      .split(' ')
      .map(Number);
    const geo = new FlowGeometry(nodes, edges);
    for (const r of geo.rects.values()) {
      expect(r.x).toBeGreaterThanOrEqual(x);
      expect(r.y).toBeGreaterThanOrEqual(y);
      expect(r.x + r.w).toBeLessThanOrEqual(x + w);
      expect(r.y + r.h).toBeLessThanOrEqual(y + h);
    }
  });

  it('escapes what a user named: a device called <a&"b> is text, not markup', () => {
    const { nodes, edges } = lab(['ip link add "<a&\\"b>" type veth peer name constructor']);
    const svg = diagramSvg(nodes, edges);
    expect(svg).toContain('&lt;a&amp;&quot;b&gt;');
    expect(svg).not.toContain('<a&');
  });

  it('draws a flow step: the frames where the page draws them, and the narration as a caption', () => {
    const { nodes, edges, events, snap } = lab(PRESETS[1].commands, 'ping -c 1 -W 1 192.168.3.102');
    const dev = (ns: string, name: string) =>
      snap.namespaces.find((n) => n.name === ns)?.devices.find((d) => d.name === name);
    const model = new FlowModel();
    model.add(events, { peer: (ns, d) => dev(ns, d)?.peer ?? null, master: (ns, d) => dev(ns, d)?.master ?? null });
    const cur = model.events.find((e) => e.e.type === 'xmit')!;
    const geo = new FlowGeometry(nodes, edges);
    const shapes = flowShapes({ geo, model, p: cur.start + cur.dur / 2, selFrame: null, cursor: cur.seq });
    const pills = shapes.filter((s) => s.kind === 'pill');
    expect(pills.length).toBeGreaterThan(0);
    expect(pills.some((s) => s.label === 'ARP req' || s.label === 'ICMP req')).toBe(true);
    expect(shapes.filter((s) => s.kind === 'spot')).toHaveLength(1);
    const svg = diagramSvg(nodes, edges, { shapes, caption: 'veth0 sends: "who has 192.168.3.102?"' });
    expect(count(svg, '<g class="frame"')).toBe(pills.length);
    expect(svg).toContain('class="caption"');
    expect(svg).toContain('veth0 sends: &quot;who has 192.168.3.102?&quot;');
  });
});

describe('wrapCaption', () => {
  it('breaks English at spaces and Chinese anywhere, each line within the width', () => {
    const en = wrapCaption(
      'The frame arrives on eth0; taps such as tcpdump see it first, then the bridge takes it.',
      200,
    );
    expect(en.length).toBeGreaterThan(1);
    for (const l of en) expect(l.length).toBeLessThanOrEqual(Math.floor(200 / 7.4));
    expect(en.join(' ')).toBe(
      'The frame arrives on eth0; taps such as tcpdump see it first, then the bridge takes it.',
    );
    const zh = wrapCaption('帧到达 eth0;像 tcpdump 这样的抓包工具最先看到它,然后网桥接收它并查询转发表。', 200);
    expect(zh.length).toBeGreaterThan(1);
    expect(zh.join('')).toBe('帧到达 eth0;像 tcpdump 这样的抓包工具最先看到它,然后网桥接收它并查询转发表。');
  });
});

describe('flowAnimationSvg', () => {
  it('a moment per change, each shown once per loop in order, with the narration of its step', () => {
    const { nodes, edges, events, snap } = lab(PRESETS[1].commands, 'ping -c 1 -W 1 192.168.3.102');
    const dev = (ns: string, name: string) =>
      snap.namespaces.find((n) => n.name === ns)?.devices.find((d) => d.name === name);
    const model = new FlowModel();
    model.add(events, { peer: (ns, d) => dev(ns, d)?.peer ?? null, master: (ns, d) => dev(ns, d)?.master ?? null });
    const svg = flowAnimationSvg(nodes, edges, model, { caption: (ev) => `step ${ev.seq + 1}`, speed: 2 });
    const begins = [...svg.matchAll(/begin="loop\.begin\+([\d.]+)s" dur="([\d.]+)s"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(begins.length).toBeGreaterThan(5);
    // back to back: each moment ends where the next begins, the first at 0
    expect(begins[0][0]).toBe(0);
    for (let i = 1; i < begins.length; i++) expect(begins[i][0]).toBeCloseTo(begins[i - 1][0] + begins[i - 1][1], 2);
    // at speed 2 a hop takes 0.35 s: the loop lasts the flow plus a second's pause
    const loop = Number(svg.match(/id="loop"[^>]* dur="([\d.]+)s"/)![1]);
    expect(loop).toBeCloseTo((model.end * 0.7) / 2 + 1, 2);
    expect(svg).toContain('>step 1<');
    expect(svg).toContain(`>step ${model.count}<`);
  });
});
