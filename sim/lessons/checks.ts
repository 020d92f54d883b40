// Evaluates a lesson's declarative checks against the simulator: what a step's commands printed,
// what tcpdump saw while they ran, which trace events they caused, and the state the lab is in now.
// Every result carries a sentence in Chinese and English.
import { fmtIp4, fmtMac, parseIp4 } from '../core/addr';
import type { World } from '../net/world';
import type { TraceEvent } from '../net/trace';
import { formatFrame } from '../apps/tcpdump_print';
import type { Check, CheckResult, Match, Says, Text } from './types';

/** A command as it ran during a step, with its output normalized (MAC names, times). */
export interface CommandRecord {
  run: string;
  ns: string;
  lines: string[];
  code: number;
}

/** What happened while a step's commands ran. */
export interface StepRecord {
  commands: CommandRecord[];
  /** trace events, in order */
  events: TraceEvent[];
  /** per watched interface ([NS:]DEV), the lines tcpdump printed (normalized, without -e) */
  captures: Record<string, string[]>;
}

export interface CheckEnv {
  world: World;
  /** runs a command now and returns its normalized output (output checks without a record, state checks) */
  probe(line: string, ns: string): { lines: string[]; code: number };
  /** FORMAT.md normalization of one line: MAC names, times, ICMP ids */
  normalize(line: string): string;
  /** what the step's commands did; undefined when they have not run */
  record: StepRecord | undefined;
}

const t = (en: string, zh: string): Text => ({ en, zh });
const q = (s: string) => `“${s}”`;

function finish(pass: boolean, says: Says, def: Text, extra: Omit<CheckResult, 'pass' | 'says'> = {}): CheckResult {
  const own = pass ? says.pass : says.fail;
  return { pass, says: own ?? def, ...extra };
}

/** Each part of a Match, tested on lines: the first part that fails, or none. */
function testMatch(m: Match, lines: string[], subject: Text): { pass: boolean; def: Text } {
  const text = lines.join('\n');
  const good: Text[] = [];
  for (const s of m.contains) {
    if (!text.includes(s))
      return { pass: false, def: t(`${subject.en} does not show ${q(s)}.`, `${subject.zh}里没有${q(s)}。`) };
    good.push(t(`shows ${q(s)}`, `出现了${q(s)}`));
  }
  for (const s of m.notContains) {
    if (text.includes(s))
      return {
        pass: false,
        def: t(`${subject.en} shows ${q(s)}, which it should not.`, `${subject.zh}里出现了${q(s)},不应该出现。`),
      };
    good.push(t(`does not show ${q(s)}`, `没有${q(s)}`));
  }
  if (m.matches !== undefined) {
    const re = new RegExp(m.matches, 'm');
    if (m.count !== undefined) {
      const n = lines.filter((l) => re.test(l)).length;
      if (n !== m.count)
        return {
          pass: false,
          def: t(
            `${subject.en} has ${n} line(s) matching /${m.matches}/, not ${m.count}.`,
            `${subject.zh}里有 ${n} 行匹配 /${m.matches}/,而不是 ${m.count} 行。`,
          ),
        };
      good.push(t(`has ${m.count} line(s) matching /${m.matches}/`, `有 ${m.count} 行匹配 /${m.matches}/`));
    } else {
      if (!re.test(text))
        return {
          pass: false,
          def: t(`${subject.en} does not match /${m.matches}/.`, `${subject.zh}不匹配 /${m.matches}/。`),
        };
      good.push(t(`matches /${m.matches}/`, `匹配 /${m.matches}/`));
    }
  }
  return {
    pass: true,
    def: t(
      `${subject.en} ${good.map((g) => g.en).join(' and ')}.`,
      `${subject.zh}${good.map((g) => g.zh).join(',')}。`,
    ),
  };
}

function where(ns: string): Text {
  return ns === 'host' ? t('', '') : t(` (in ${ns})`, `(在 ${ns} 中)`);
}

function outputOf(
  c: Extract<Check, { kind: 'output' | 'state' }>,
  env: CheckEnv,
): { lines: string[]; code: number; probed: boolean } {
  if (c.kind === 'output') {
    const rec = env.record?.commands.filter((r) => r.run === c.command && r.ns === c.ns).at(-1);
    if (rec) return { lines: rec.lines, code: rec.code, probed: false };
  }
  return { ...env.probe(c.command, c.ns), probed: true };
}

/** The frame a trace event is about, as tcpdump -n prints it, from the rx/xmit events before it. */
function frameTexts(events: TraceEvent[], normalize: (l: string) => string): Map<number, string> {
  const out = new Map<number, string>();
  for (const e of events) {
    if ((e.type === 'rx' || e.type === 'xmit') && e.frameId && !out.has(e.frameId))
      out.set(e.frameId, normalize(formatFrame(e.bytes, false)));
  }
  return out;
}

function traceWhere(c: Extract<Check, { kind: 'trace' }>): Text {
  const parts: Text[] = [];
  if (c.dev) parts.push(t(`on ${c.dev}`, `在 ${c.dev} 上`));
  if (c.bridge) parts.push(t(`by ${c.bridge}`, `由 ${c.bridge}`));
  if (c.ns) parts.push(t(`in ${c.ns}`, `在 ${c.ns} 中`));
  if (c.frame) parts.push(t(`for ${q(c.frame)}`, `针对${q(c.frame)}`));
  if (c.reason) parts.push(t(`because ${q(c.reason)}`, `原因${q(c.reason)}`));
  return t(parts.map((p) => ` ${p.en}`).join(''), parts.map((p) => p.zh).join(','));
}

export function evaluateCheck(c: Check, env: CheckEnv): CheckResult {
  switch (c.kind) {
    case 'output':
    case 'state': {
      const out = outputOf(c, env);
      const subject = t(`\`${c.command}\`${where(c.ns).en}`, `\`${c.command}\`${where(c.ns).zh}的输出`);
      if (c.kind === 'output' && c.code !== undefined && out.code !== c.code) {
        return finish(
          false,
          c,
          t(
            `${subject.en} exited with ${out.code}, not ${c.code}.`,
            `${subject.zh}:退出码是 ${out.code},不是 ${c.code}。`,
          ),
          { observed: out.lines },
        );
      }
      const r = testMatch(c, out.lines, subject);
      return finish(r.pass, c, r.def, { observed: out.lines });
    }
    case 'capture': {
      const lines = env.record?.captures[c.iface];
      if (!lines)
        return finish(
          false,
          c,
          t(
            `Nothing was captured on ${c.iface}: run the step's commands first.`,
            `${c.iface} 上还没有抓到包:请先运行这一步的命令。`,
          ),
        );
      const r = testMatch(c, lines, t(`tcpdump -i ${c.iface}`, `tcpdump -i ${c.iface} 抓到的包`));
      return finish(r.pass, c, r.def, { observed: lines });
    }
    case 'trace': {
      const events = env.record?.events ?? [];
      const frames = c.frame !== undefined ? frameTexts(events, env.normalize) : undefined;
      const hits = events.filter((e) => {
        if (e.type !== c.event) return false;
        if (c.ns !== undefined && e.ns !== c.ns) return false;
        if (c.dev !== undefined && e.dev !== c.dev) return false;
        if (c.bridge !== undefined && !('bridge' in e && e.bridge === c.bridge)) return false;
        if (c.reason !== undefined && !('reason' in e && e.reason.includes(c.reason))) return false;
        if (frames && !(frames.get(e.frameId) ?? '').includes(c.frame!)) return false;
        return true;
      });
      const w = traceWhere(c);
      const pass = c.count === undefined ? hits.length > 0 : hits.length === c.count;
      const observed = hits.map((e) => `${e.ns}/${e.dev} ${e.type} (${e.fn})${'reason' in e ? `: ${e.reason}` : ''}`);
      if (pass) {
        const def = hits.length
          ? t(
              `Seen: ${c.event} event${w.en} (${hits[0]!.fn})${c.count !== undefined ? `, ${hits.length} time(s)` : ''}.`,
              `看到了 ${c.event} 事件${w.zh}(${hits[0]!.fn})${c.count !== undefined ? `,共 ${hits.length} 次` : ''}。`,
            )
          : t(`No ${c.event} event${w.en}, as expected.`, `没有 ${c.event} 事件${w.zh},符合预期。`);
        return finish(true, c, def, { observed });
      }
      const def =
        c.count === undefined || hits.length === 0
          ? t(
              `No ${c.event} event${w.en} while the step's commands ran.`,
              `运行这一步的命令时没有出现 ${c.event} 事件${w.zh}。`,
            )
          : t(
              `${hits.length} ${c.event} event(s)${w.en}, expected ${c.count}.`,
              `${c.event} 事件${w.zh}出现了 ${hits.length} 次,预期 ${c.count} 次。`,
            );
      return finish(false, c, def, { observed });
    }
    case 'neigh': {
      const ns = env.world.netns(c.ns);
      const ip = parseIp4(c.ip);
      const on = c.dev ? t(` on ${c.dev}`, `(${c.dev})`) : t('', '');
      const table = t(`${c.ns}'s ARP cache`, `${c.ns} 的 ARP 缓存`);
      if (!ns || ip === undefined)
        return finish(false, c, t(`There is no namespace ${c.ns}.`, `没有名为 ${c.ns} 的命名空间。`));
      const entries = ns.ipv4.arp.list().filter((n) => n.key === ip && (c.dev === undefined || n.dev.name === c.dev));
      const observed = entries.map(
        (n) =>
          `${fmtIp4(n.key)} dev ${n.dev.name}${n.ha !== null ? ` lladdr ${env.normalize(fmtMac(n.ha))}` : ''} ${n.state}`,
      );
      const want = c.state.filter((s) => s !== 'none').join(' or ');
      const wantZh = c.state.filter((s) => s !== 'none').join(' 或 ');
      if (entries.length === 0) {
        const pass = c.state.includes('none');
        return finish(
          pass,
          c,
          pass
            ? t(`${c.ip}${on.en} is not in ${table.en}, as expected.`, `${table.zh}里没有 ${c.ip}${on.zh},符合预期。`)
            : t(
                `${c.ip}${on.en} is not in ${table.en}; expected ${want}.`,
                `${table.zh}里没有 ${c.ip}${on.zh};预期是 ${wantZh}。`,
              ),
          { observed },
        );
      }
      const ok = entries.find(
        (n) =>
          c.state.includes(n.state) &&
          (c.lladdr === undefined ||
            (n.ha !== null && (env.normalize(fmtMac(n.ha)) === c.lladdr || fmtMac(n.ha) === c.lladdr.toLowerCase()))),
      );
      if (ok) {
        const mac = ok.ha !== null && c.lladdr !== undefined ? ` (${c.lladdr})` : '';
        return finish(
          true,
          c,
          t(
            `${c.ip} is ${ok.state} on ${ok.dev.name}${mac} in ${table.en}.`,
            `${table.zh}里 ${c.ip} 在 ${ok.dev.name} 上是 ${ok.state}${mac}。`,
          ),
          { observed },
        );
      }
      const seen = observed.join('; ');
      return finish(
        false,
        c,
        t(
          `${table.en} has ${seen}; expected ${want}${c.lladdr ? ` with ${c.lladdr}` : ''}.`,
          `${table.zh}里是 ${seen};预期 ${wantZh}${c.lladdr ? `(${c.lladdr})` : ''}。`,
        ),
        { observed },
      );
    }
    case 'all': {
      const children = c.of.map((x) => evaluateCheck(x, env));
      const bad = children.find((r) => !r.pass);
      const def = bad ? bad.says : t(children.map((r) => r.says.en).join(' '), children.map((r) => r.says.zh).join(''));
      return finish(!bad, c, def, { children });
    }
    case 'any': {
      const children = c.of.map((x) => evaluateCheck(x, env));
      const good = children.find((r) => r.pass);
      const def = good
        ? good.says
        : t(children.map((r) => r.says.en).join(' '), children.map((r) => r.says.zh).join(''));
      return finish(!!good, c, def, { children });
    }
    case 'not': {
      const inner = evaluateCheck(c.check, env);
      const def = inner.pass ? t(`Not expected: ${inner.says.en}`, `不应如此:${inner.says.zh}`) : inner.says;
      return finish(!inner.pass, c, def, { children: [inner] });
    }
  }
}
