import { beforeEach, describe, expect, it } from 'vitest';
import { createLabStore } from './index';
import { setPort } from './port';
import { loadPreset, redo, runTyped, stopStorm, undo } from './actions/lab';
import { PROTOCOL_VERSION, type ToWorker, type LogEntry } from '../protocol';
import { World } from '../../sim/net/world';
import { Shell } from '../../sim/shell/shell';
import { takeSnapshot } from '../../sim/snapshot';
import { FIRST_PRESET } from '../../sim/labs/presets/article';
import type { LabFile } from '../persist/format';
import { selCanRedo, selCanUndo, selSelectedDevice, selUndoLabel } from './selectors';

let sent: ToWorker[];
let store: ReturnType<typeof createLabStore>;

beforeEach(() => {
  sent = [];
  setPort((m) => sent.push(m));
  store = createLabStore();
});

const entry = (id: number, group: string, line: string, ns = 'host'): LogEntry => ({
  id,
  group,
  ns,
  line,
  at: id * 10,
  mode: 'async',
});

describe('playback slice', () => {
  it('loads a preset as a fresh lab and its commands, run in the host terminal', () => {
    loadPreset(store, 'veth');
    expect(sent[0]).toMatchObject({ type: 'load', log: [], now: 0 });
    expect(sent[1]).toMatchObject({ type: 'run', ns: 'host', mode: 'sync', group: 'preset:veth' });
    expect(store.getState().presetId).toBe('veth');
  });

  it('sends typed lines (a pasted script is one action) and remembers them in history', () => {
    runTyped(store, 'c1', 'ip link\nip addr\n');
    expect(sent).toEqual([
      { v: PROTOCOL_VERSION, type: 'run', ns: 'c1', lines: ['ip link', 'ip addr'], group: 't1', mode: 'async' },
    ]);
    expect(store.getState().terms.c1.history).toEqual(['ip link', 'ip addr']);
  });

  it('undoes the last action by replaying the log without it, and redo runs it again', () => {
    const s = store.getState();
    s.logged(entry(1, 'preset:bridge', 'ip link add name br0 type bridge'));
    s.logged(entry(2, 'a1', 'ip link add veth0 type veth peer name veth1'));
    s.logged(entry(3, 'a2', 'ip link set dev veth0 master br0'));
    expect(selCanUndo(store.getState())).toBe(true);
    undo(store);
    const load = sent.at(-1)!;
    expect(load).toMatchObject({ type: 'load', seed: 1 });
    expect(load.type === 'load' && load.log.map((e) => e.id)).toEqual([1, 2]);
    expect(selCanRedo(store.getState())).toBe(true);
    undo(store);
    undo(store); // the preset stays
    expect(store.getState().log.map((e) => e.id)).toEqual([1]);
    redo(store);
    expect(sent.at(-1)).toMatchObject({ type: 'run', lines: ['ip link add veth0 type veth peer name veth1'] });
  });

  it('undo and redo take moves and commands back in the order they were made', () => {
    const s = store.getState();
    s.logged(entry(1, 'preset:bridge', 'ip link add name br0 type bridge'));
    s.moveNode('dev:host:br0', { x: 10, y: 20 }); // order 1
    runTyped(store, 'host', 'ip link add veth0 type veth peer name veth1'); // group t2
    store.getState().logged(entry(2, 't2', 'ip link add veth0 type veth peer name veth1'));
    store.getState().moveNode('dev:host:br0', { x: 30, y: 40 }); // order 3
    expect(selUndoLabel(store.getState())).toBe('move host br0');
    const loads = () => sent.filter((m) => m.type === 'load').length;
    undo(store);
    expect(store.getState().positions['dev:host:br0']).toEqual({ x: 10, y: 20 });
    expect(loads()).toBe(0); // a move is undone without touching the worker
    undo(store);
    expect(store.getState().log.map((e) => e.id)).toEqual([1]);
    expect(loads()).toBe(1);
    undo(store);
    expect(store.getState().positions).toEqual({}); // back where the layout puts it
    expect(selCanUndo(store.getState())).toBe(false);
    redo(store);
    expect(store.getState().positions['dev:host:br0']).toEqual({ x: 10, y: 20 });
    redo(store);
    expect(sent.at(-1)).toMatchObject({ type: 'run', lines: ['ip link add veth0 type veth peer name veth1'] });
    redo(store);
    expect(store.getState().positions['dev:host:br0']).toEqual({ x: 30, y: 40 });
    expect(selCanRedo(store.getState())).toBe(false);
  });

  it('a new move clears what could be redone', () => {
    store.getState().moveNode('ns:c1', { x: 1, y: 1 });
    undo(store);
    expect(selCanRedo(store.getState())).toBe(true);
    store.getState().moveNode('ns:c1', { x: 2, y: 2 });
    expect(selCanRedo(store.getState())).toBe(false);
  });

  it('records when Ctrl-C stopped a command, for the replay', () => {
    store.getState().logged(entry(4, 't1', 'ping 192.168.3.1'));
    store.getState().stopped(4, 3_000_000);
    expect(store.getState().log[0].stopAt).toBe(3_000_000);
    store.getState().rebuild();
    expect(sent.at(-1)).toMatchObject({ type: 'load', log: [{ id: 4, stopAt: 3_000_000 }] });
  });

  it('turns a drag into commands in the right terminals', () => {
    const w = new World(1);
    const sh = new Shell(w);
    for (const l of FIRST_PRESET.commands) sh.run(l);
    store.getState().setSnapshot(takeSnapshot(w));
    store.getState().runAction({ type: 'addLan', ns: 'host' });
    expect(sent.map((m) => (m.type === 'run' ? `${m.ns}:${m.lines.length}` : m.type))).toEqual([
      'host:1',
      'lan2:3',
      'host:3',
    ]);
    expect(new Set(sent.map((m) => (m.type === 'run' ? m.group : '')))).toEqual(new Set(['a1']));
  });
});

describe('lab actions', () => {
  it('a long paste goes to the worker in parts of one action, every line in order', async () => {
    const { PASTE_PART } = await import('./actions/lab');
    const script = Array.from({ length: 2 * PASTE_PART + 3 }, (_, i) => `ip link add v${i} type dummy`);
    runTyped(store, 'host', script.join('\n'));
    const runs = sent.filter((m) => m.type === 'run');
    expect(runs.map((m) => m.type === 'run' && m.lines.length)).toEqual([PASTE_PART, PASTE_PART, 3]);
    expect(runs.flatMap((m) => (m.type === 'run' ? m.lines : []))).toEqual(script);
    expect(new Set(runs.map((m) => m.type === 'run' && m.group))).toEqual(new Set(['t1']));
  });

  it('an empty line gives the prompt again and sends nothing', () => {
    runTyped(store, 'host', '  \n');
    expect(sent).toEqual([]);
    expect(store.getState().terms.host).toMatchObject({ busy: false, lines: [{ kind: 'cmd', text: '' }], history: [] });
  });

  it("a storm is ended by its bridge going down, typed in the bridge's own terminal and shown there", () => {
    expect(stopStorm(store, 'host')).toBe(false);
    store
      .getState()
      .setStorm({ since: 0, devs: [{ ns: 'lan', dev: 'p1', master: 'sw0' }], framesPerSec: 1, droppedPerSec: 1 });
    expect(stopStorm(store, 'host')).toBe(true);
    expect(sent).toEqual([
      { v: PROTOCOL_VERSION, type: 'run', ns: 'lan', lines: ['ip link set sw0 down'], group: 't1', mode: 'async' },
    ]);
    expect(store.getState().activeTerm).toBe('lan');
  });
});

describe('terminal and selection slices', () => {
  it('echoes, prints, clears; selecting a device selects its namespace', () => {
    const s = store.getState();
    s.termStarted('host', 'ip link');
    s.termOutput('host', ['1: lo: ...']);
    expect(store.getState().terms.host).toMatchObject({
      busy: true,
      lines: [
        { kind: 'cmd', text: 'ip link' },
        { kind: 'out', text: '1: lo: ...' },
      ],
    });
    s.termIdle('host');
    s.termClear('host');
    expect(store.getState().terms.host).toMatchObject({ busy: false, lines: [] });
    s.select('dev:c1:eth0');
    expect(store.getState().selectedNs).toBe('c1');
    expect(selSelectedDevice(store.getState())).toBeNull();
  });

  it('goes back to the host terminal when the selected namespace is deleted', () => {
    store.getState().select('ns:c1');
    store.getState().setSnapshot({
      time: 0,
      namespaces: [{ name: 'host', devices: [], routes: [], neigh: [], fdb: [], ipForward: 0 }],
    });
    expect(store.getState()).toMatchObject({ selectedNs: 'host', selectedId: null });
  });

  it('keeps the drawn part of the snapshot when only the tables change, so the diagram is not rebuilt', () => {
    const ns = { name: 'host', devices: [], routes: [], neigh: [], fdb: [], ipForward: 0 };
    store.getState().setSnapshot({ time: 1, namespaces: [ns] });
    const drawn = store.getState().drawn;
    store.getState().setSnapshot({
      time: 2,
      namespaces: [{ ...ns, neigh: [{ ip: '192.168.3.1', dev: 'eth0', lladdr: null, state: 'INCOMPLETE' }] }],
    });
    expect(store.getState().drawn).toBe(drawn);
    expect(store.getState().snap!.namespaces[0].neigh).toHaveLength(1);
    store.getState().setSnapshot({ time: 3, namespaces: [{ ...ns, ipForward: 1 }] });
    expect(store.getState().drawn).not.toBe(drawn);
  });

  it('after a rebuild, only the terminals the worker names are busy', () => {
    store.getState().termStarted('host', 'ping 192.168.3.1');
    store.getState().termStarted('c1', 'ping 192.168.9.1');
    store.getState().termsBusy(['c1']);
    expect([store.getState().terms.host.busy, store.getState().terms.c1.busy]).toEqual([false, true]);
  });

  it('keeps positions the user dragged until forgotten', () => {
    store.getState().moveNode('dev:host:br0', { x: 1, y: 2 });
    expect(store.getState().positions['dev:host:br0']).toEqual({ x: 1, y: 2 });
    store.getState().forgetPosition('dev:host:br0');
    expect(store.getState().positions).toEqual({});
  });
});

describe('terminal lines under packet flow playback', () => {
  it('holds back what a command the flow covers printed after the playback event, not what a later command printed', async () => {
    const { shownLines } = await import('./terminal');
    const lines = [
      { kind: 'cmd' as const, text: 'ping -c 1 x', at: 100 },
      { kind: 'out' as const, text: 'PING x', at: 100 },
      { kind: 'out' as const, text: '64 bytes from x', at: 300 },
      { kind: 'out' as const, text: '1 packets transmitted', at: 300 },
      { kind: 'info' as const, text: '# note' },
      { kind: 'cmd' as const, text: 'ip -br link', at: 900 },
      { kind: 'out' as const, text: 'lo UNKNOWN', at: 900 },
      { kind: 'out' as const, text: 'still ip, later', at: 950 },
    ];
    const texts = (until: number) => shownLines(lines, until, 300).map((l) => l.text);
    expect(texts(Infinity)).toEqual(lines.map((l) => l.text));
    expect(texts(99)).toEqual(['ping -c 1 x', '# note', 'ip -br link', 'lo UNKNOWN', 'still ip, later']);
    expect(texts(200)).toEqual(['ping -c 1 x', 'PING x', '# note', 'ip -br link', 'lo UNKNOWN', 'still ip, later']);
    expect(texts(299)).toEqual(texts(200));
    expect(texts(300)).toEqual(lines.map((l) => l.text));
  });
});

describe('undo across a replaced lab', () => {
  it("undo takes back the lab's own edits first, then brings back the lab it replaced; redo goes forward again", async () => {
    const { setLabSwap } = await import('./labPort');
    const calls: string[] = [];
    setLabSwap({ undo: () => calls.push('undo'), redo: (lab) => calls.push(`redo ${lab.presetId}`) });
    const s = store.getState();
    const old: LabFile = {
      format: 'linux-netlab-lab',
      version: 1,
      seed: 1,
      presetId: 'bridge',
      now: 0,
      log: [],
      positions: {},
    };
    s.pushUndoLab(old);
    s.logged(entry(1, 'preset:veth', 'ip link add veth0 type veth peer name veth1'));
    s.logged(entry(2, 't1', 'ip link set veth0 up'));
    expect(selCanUndo(store.getState())).toBe(true);
    undo(store);
    expect(calls).toEqual([]); // the typed command went first
    expect(selUndoLabel(store.getState())).toBe('the lab before this one');
    undo(store);
    expect(calls).toEqual(['undo']);
    store.setState({ redoStack: [{ kind: 'lab', lab: { ...old, presetId: 'veth' } }] });
    redo(store);
    expect(calls).toEqual(['undo', 'redo veth']);
    expect(store.getState().redoStack).toEqual([]);
  });
});
