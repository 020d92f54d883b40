// A lab's commands as a POSIX sh script that rebuilds it on a real Linux machine, and back.
//
// Everything happens inside network namespaces named with a prefix (`netlab-host`, `netlab-lan`):
// the simulator's `host` is a namespace too, so the machine's own devices, routes and sysctls are
// never touched. `lab` commands (hands, not commands, on a real network) become their real
// equivalent: a NIC is a veth end whose other end waits in the namespace `wires`, and a cable is a
// bridge there joining two such ends; a VM is a namespace whose eth0 is the far end of a veth that
// takes the tap's place. What has no equivalent is refused, with the command's line number.
//
// Each command of the lab is one line of the script's up() (`cmd N NS ARGS...`); a line that does
// not spell the command back exactly carries it in a trailing `# $ COMMAND` comment, and the other
// lines of the same command end in `# $+`. importScript() reads those lines back, never running
// anything. Pure: no node: imports, so that the app can offer the export too.
import { parseIp4 } from '../core/addr';
import { Devconf } from '../ipv4/devconf';
import { splitWords } from '../shell/lexer';
import { commandProblem } from '../lessons/validate';
import { commandSpec } from '../shell/commands';
import {
  abbreviates,
  isNetnsObject,
  netnsSubcommand as netnsSub,
  NETNS_OPTS,
  objectIndex,
  OPTS_WITH_ARG as IP_OPTS_WITH_ARG,
} from '../shell/iproute2_words';

export const EXPORT_FORMAT = 'netlab-export 1';
export const DEFAULT_PREFIX = 'netlab-';
/** The namespace that holds the far ends of NICs and the bridges that stand for cables. */
export const WIRES_NS = 'wires';

export interface ExportOptions {
  /** namespace prefix on the real machine (letters, digits, `_.-`); NETLAB_PREFIX overrides it when the script runs */
  prefix?: string;
  /** a line of text for the script's header */
  title?: string;
  /**
   * `lab vm add`: 'namespaces' (the default) runs each VM as a namespace whose eth0 is the far end of a
   * veth that takes the tap's place; 'refuse' refuses it, since no command starts a virtual machine.
   */
  vms?: 'namespaces' | 'refuse';
}

/** A command given as text, or as a lesson gives it (typed in a namespace's terminal). */
export type LabCommand = string | { run: string; ns?: string };

export interface ExportProblem {
  /** 1-based position in the command list */
  line: number;
  command: string;
  message: string;
}

/** A device the real machine builds differently from the simulator, so that it prints differently. */
export interface Substitution {
  ns: string;
  dev: string;
  /** what the simulator has */
  was: 'nic' | 'tap';
  /** why, in a sentence */
  note: string;
}

export interface ExportResult {
  script: string;
  /** the lab's namespaces on the machine (without the prefix), in the order up() makes them */
  namespaces: string[];
  substitutions: Substitution[];
  problems: ExportProblem[];
}

export class ExportError extends Error {
  constructor(readonly problems: ExportProblem[]) {
    super(
      `the lab cannot be exported:\n${problems.map((p) => `  line ${p.line}: \`${p.command}\`: ${p.message}`).join('\n')}`,
    );
    this.name = 'ExportError';
  }
}

export class ImportError extends Error {
  constructor(readonly problems: { line: number; text: string; message: string }[]) {
    super(`not a lab script:\n${problems.map((p) => `  line ${p.line}: ${p.message}: ${p.text}`).join('\n')}`);
    this.name = 'ImportError';
  }
}

const NAME_RE = /^[A-Za-z0-9_.-]{1,64}$/;
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One word as sh reads it back: bare when safe, else in single quotes. */
export function shQuote(w: string): string {
  if (SAFE_WORD.test(w)) return w;
  return `'${w.replace(/'/g, `'\\''`)}'`;
}

/** A word of a rewritten command: text, or a namespace name that the script prefixes. */
type Word = { text: string; ns?: true };

class Refused extends Error {}
const refuse = (msg: string): never => {
  throw new Refused(msg);
};

/** `ip netns exec NS` prefixes: the namespaces, then the command they run. */
function execChain(words: string[]): { chain: string[]; inner: string[] } {
  const chain: string[] = [];
  let w = words;
  for (;;) {
    if (w[0] !== 'ip' || objectIndex(w) !== 1 || !isNetnsObject(w[1]) || netnsSub(w[2]) !== 'exec')
      return { chain, inner: w };
    if (w[3] === undefined || w[4] === undefined) refuse('ip netns exec needs a namespace and a command');
    if (w[3] === '-all') refuse('ip -all netns exec would run in every namespace of the machine');
    chain.push(w[3]!);
    w = w.slice(4);
  }
}

/** The words of one command (not ip netns add/del, not lab) with namespace names marked; refuses what a real machine must not run. */
function rewriteInner(w: string[]): Word[] {
  const out: Word[] = w.map((text) => ({ text }));
  const tool = w[0];
  const markNs = (i: number) => {
    if (w[i] === undefined) return;
    if (!NAME_RE.test(w[i]!)) refuse(`"${w[i]}" is not a namespace name this export can prefix`);
    out[i] = { text: w[i]!, ns: true };
  };
  if (tool === 'ip' || tool === 'bridge') {
    for (let i = 1; i < w.length && w[i]!.startsWith('-'); i++) {
      if (w[i] === '-all' || (w[i] === '-a' && tool === 'ip'))
        refuse('-all would reach every namespace of the machine');
      if (NETNS_OPTS.has(w[i]!)) markNs(++i);
      else if (IP_OPTS_WITH_ARG.has(w[i]!)) i++;
    }
    if (tool === 'bridge') return out;
    const obj = objectIndex(w);
    if (isNetnsObject(w[obj])) {
      const sub = netnsSub(w[obj + 1]);
      if (sub === 'add' || sub === 'delete')
        refuse(`ip netns ${sub} only at the top level of a lab (not inside ip netns exec or ip -n)`);
      if (sub === 'attach') refuse('ip netns attach names a namespace of the machine by process id');
      if (sub === 'exec') refuse('ip netns exec after options: write it as ip netns exec NS CMD');
      if (sub === 'set' || sub === 'pids') markNs(obj + 2);
      if (sub === 'identify') refuse('ip netns identify looks at a process of the machine');
      return out;
    }
    if (abbreviates(w[obj], 'link')) {
      for (let i = obj + 1; i + 1 < w.length; i++) {
        if (w[i] === 'netns') {
          if (/^\d+$/.test(w[i + 1]!))
            refuse(`netns ${w[i + 1]} is a process id or file of the machine: name a namespace of the lab`);
          markNs(i + 1);
        }
      }
    }
    return out;
  }
  // what the command itself declares a real machine must not run (./commands/*.ts labExport)
  const why = commandSpec(tool)?.labExport?.refuse?.(w);
  if (why !== undefined) refuse(why);
  return out;
}

const render = (words: Word[]): string => words.map((x) => (x.ns ? `"\${P}${x.text}"` : shQuote(x.text))).join(' ');

/** The tap named by `ip tuntap add ...` (or `ip tap add`) with mode tap, if the command is one. */
function tuntapAdd(w: string[]): string | undefined {
  if (w[0] !== 'ip') return undefined;
  const obj = objectIndex(w);
  if (!(abbreviates(w[obj], 'tuntap') || w[obj] === 'tap') || !abbreviates(w[obj + 1], 'add')) return undefined;
  let name: string | undefined;
  let mode: string | undefined;
  for (let i = obj + 2; i < w.length; i++) {
    if (w[i] === 'dev' || w[i] === 'name') name = w[++i];
    else if (w[i] === 'mode') mode = w[++i];
    else if (['user', 'group'].includes(w[i]!)) i++;
    else if (
      !w[i]!.includes('_') &&
      name === undefined &&
      !['one_queue', 'pi', 'vnet_hdr', 'multi_queue'].includes(w[i]!)
    )
      name = w[i];
  }
  return mode === 'tap' ? name : undefined;
}

/** `ip link del [dev] NAME` */
function linkDel(w: string[]): string | undefined {
  if (w[0] !== 'ip' || objectIndex(w) !== 1 || !abbreviates(w[1], 'link') || !abbreviates(w[2], 'delete', 3))
    return undefined;
  const rest = w.slice(3).filter((x) => x !== 'dev');
  return rest.length === 1 ? rest[0] : undefined;
}

/** The sysctls of a namespace the simulator starts from: the kernel's defaults for net.ipv4.conf.{all,default}. */
function confDefaults(): string {
  const v = new Devconf().values;
  return Object.entries(v)
    .filter(([k]) => k !== 'mc_forwarding' && k !== 'tag')
    .flatMap(([k, n]) => [`net.ipv4.conf.all.${k} = ${n}`, `net.ipv4.conf.default.${k} = ${n}`])
    .join('\n');
}

/** A command as one line typed in the host's terminal (`ip netns exec NS ...` for another namespace's). */
export function commandText(c: LabCommand): string {
  if (typeof c === 'string') return c;
  const ns = c.ns ?? 'host';
  return ns === 'host' || c.run.trimStart().startsWith('#') ? c.run : `ip netns exec ${ns} ${c.run}`;
}

interface Nic {
  ns: string;
  dev: string;
  wire: string;
  cable?: string;
}

/** Builds the script, collecting every problem instead of stopping at the first. */
export function exportLab(commands: readonly LabCommand[], opts: ExportOptions = {}): ExportResult {
  const prefix = opts.prefix ?? DEFAULT_PREFIX;
  if (!/^[A-Za-z0-9_.-]{1,32}$/.test(prefix)) throw new Error(`bad prefix "${prefix}": letters, digits, _ . - only`);
  const vms = opts.vms ?? 'namespaces';
  const lines = commands.map(commandText);
  const problems: ExportProblem[] = [];
  const body: string[] = [];
  const namespaces = ['host'];
  const substitutions: Substitution[] = [];
  const nics = new Map<string, Nic>();
  const cables = new Map<string, [Nic, Nic]>();
  const hosts = new Map<string, string>();
  let wires = false;
  let cableNo = 0;

  // VMs are known ahead: the tap they hold becomes a veth when it is made
  const vmOfTap = new Map<string, string>();
  const goneTaps = new Set<string>();
  const madeTaps = new Set<string>();
  if (vms === 'namespaces') {
    for (const l of lines) {
      const lex = splitWords(l);
      if (
        lex.ok &&
        lex.words[0] === 'lab' &&
        lex.words[1] === 'vm' &&
        lex.words[2] === 'add' &&
        lex.words[4] === 'tap' &&
        lex.words[5]
      )
        vmOfTap.set(lex.words[5], lex.words[3]!);
    }
  }
  const addNs = (ns: string) => {
    if (!namespaces.includes(ns)) namespaces.push(ns);
  };
  const nicAt = (cur: string, spec: string): Nic => {
    const [ns, dev] = spec.includes(':') ? (spec.split(':', 2) as [string, string]) : [cur, spec];
    return nics.get(`${ns}/${dev}`) ?? refuse(`${spec} is not a NIC made by lab nic add earlier in this lab`);
  };

  lines.forEach((line, idx) => {
    const n = idx + 1;
    const text = line.trim();
    if (text === '') return;
    if (text.startsWith('#')) {
      body.push(`# $ ${text}`);
      return;
    }
    const mark = (exact: string) => (exact === text ? '' : `  # $ ${text}`);
    try {
      const why = commandProblem(text);
      if (why) refuse(why);
      const lex = splitWords(text);
      const words = lex.ok ? lex.words : [];
      const { chain, inner } = execChain(words);
      for (const ns of chain) if (!NAME_RE.test(ns)) refuse(`"${ns}" is not a namespace name`);
      // ip netns add|del NS at the top level
      if (
        chain.length === 0 &&
        inner[0] === 'ip' &&
        objectIndex(inner) === 1 &&
        isNetnsObject(inner[1]) &&
        ['add', 'delete'].includes(netnsSub(inner[2]))
      ) {
        const ns = inner[3];
        if (!ns || inner.length !== 4 || !NAME_RE.test(ns)) refuse('expected ip netns add|del NAME');
        if (ns === WIRES_NS)
          refuse(`the namespace name "${WIRES_NS}" is the export's own (NIC cables): choose another`);
        const sub = netnsSub(inner[2]);
        if (sub === 'add') addNs(ns!);
        body.push(
          `${sub === 'add' ? 'mkns' : 'rmns'} ${n} ${ns}${mark(`ip netns ${sub === 'add' ? 'add' : 'del'} ${ns}`)}`,
        );
        return;
      }
      if (inner[0] === 'lab') {
        if (chain.length) refuse('lab commands only at the top level, not inside ip netns exec');
        body.push(...labLines(n, text, inner));
        return;
      }
      // a tap that a VM will hold: a veth whose far end is the VM's eth0
      const tap = chain.length === 0 ? tuntapAdd(inner) : undefined;
      if (tap !== undefined && vmOfTap.has(tap)) {
        const vm = vmOfTap.get(tap)!;
        if (!NAME_RE.test(vm) || !/^[A-Za-z0-9_.-]{1,15}$/.test(tap)) refuse('bad VM or tap name');
        addNs(vm);
        madeTaps.add(tap);
        substitutions.push({
          ns: 'host',
          dev: tap,
          was: 'tap',
          note: `a veth whose far end is ${vm}'s eth0 takes the place of the tap`,
        });
        substitutions.push({
          ns: vm,
          dev: 'eth0',
          was: 'nic',
          note: `${vm}'s NIC is the far end of the veth that stands for ${tap}`,
        });
        body.push(`# ${vm} runs as a namespace; the tap it will hold is a veth whose far end is ${vm}'s eth0`);
        body.push(`mkns ${n} ${vm}  # $+`);
        body.push(`cmd ${n} host ip link add ${tap} type veth peer name eth0 netns "\${P}${vm}"  # $ ${text}`);
        return;
      }
      const del = chain.length === 0 ? linkDel(inner) : undefined;
      if (del !== undefined && goneTaps.has(del)) {
        body.push(`# ${del} went with its VM's namespace`);
        body.push(`: ${n}  # $ ${text}`);
        return;
      }
      const rewritten: Word[] = [
        ...chain.flatMap((ns) => [
          { text: 'ip' },
          { text: 'netns' },
          { text: 'exec' },
          { text: ns, ns: true as const },
        ]),
        ...rewriteInner(inner),
      ];
      const diagnostic = commandSpec(inner[0])?.labExport?.mayFail === true;
      const exact = words.map(shQuote).join(' ');
      body.push(`${diagnostic ? 'try' : 'cmd'} ${n} host ${render(rewritten)}${mark(exact)}`);
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      problems.push({ line: n, command: text, message: e.message });
    }
  });

  function labLines(n: number, text: string, w: string[]): string[] {
    const [, obj, sub, ...rest] = w;
    if (obj === 'nic' && sub === 'add') {
      const dev = rest[0] ?? refuse('lab nic add needs a name');
      let ns = 'host';
      let address: string | undefined;
      let speed = '1000';
      for (let i = 1; i < rest.length; i += 2) {
        const [k, v] = [rest[i], rest[i + 1]];
        if (v === undefined) refuse('expected lab nic add NAME [netns NS] [address LLADDR] [speed MBPS]');
        if (k === 'netns') ns = v!;
        else if (k === 'address') address = v;
        else if (k === 'speed') speed = v!;
        else refuse(`unknown option "${k}" of lab nic add`);
      }
      if (!NAME_RE.test(ns) || !/^[A-Za-z0-9_.-]{1,15}$/.test(dev)) refuse('bad NIC or namespace name');
      if (address !== undefined && !/^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/.test(address))
        refuse(`bad address "${address}"`);
      const nic: Nic = { ns, dev, wire: `nlw${nics.size + 1}` };
      nics.set(`${ns}/${dev}`, nic);
      substitutions.push({
        ns,
        dev,
        was: 'nic',
        note: `a veth end (10 Gb/s, bridge port cost 2) stands for the ${speed} Mb/s NIC; its cable is a bridge in the namespace ${WIRES_NS}`,
      });
      const out = [];
      if (!wires) {
        wires = true;
        addNs(WIRES_NS);
        out.push(
          `# NICs are veth ends whose other ends wait, down, in the namespace ${WIRES_NS}: no cable, no carrier`,
        );
        out.push(`mkns ${n} ${WIRES_NS}  # $+`);
      }
      out.push(
        `cmd ${n} ${ns} ip link add ${dev} type veth peer name ${nic.wire} netns "\${P}${WIRES_NS}"  # $ ${text}`,
      );
      if (address) out.push(`cmd ${n} ${ns} ip link set dev ${dev} address ${address}  # $+`);
      return out;
    }
    if (obj === 'cable' && sub && rest.length === 1) {
      const a = nicAt('host', sub),
        b = nicAt('host', rest[0]!);
      if (a === b) refuse('a cable needs two ends');
      if (a.cable || b.cable) refuse('unplug the cable first');
      const c = `nlc${++cableNo}`;
      a.cable = b.cable = c;
      cables.set(c, [a, b]);
      return [`wire ${n} ${c} ${a.wire} ${b.wire}  # $ ${text}`];
    }
    if (obj === 'unplug' && sub && rest.length === 0) {
      const a = nicAt('host', sub);
      if (!a.cable) return [`: ${n}  # $ ${text}`];
      const [x, y] = cables.get(a.cable)!;
      const line = `unwire ${n} ${a.cable} ${x.wire} ${y.wire}  # $ ${text}`;
      x.cable = y.cable = undefined;
      return [line];
    }
    if (obj === 'vm' && sub === 'add') {
      const [vm, kw, tap, kw2, mac] = rest;
      if (!vm || kw !== 'tap' || !tap || (kw2 !== undefined && kw2 !== 'address') || rest.length > 5)
        refuse('expected lab vm add NAME tap TAPDEV [address LLADDR]');
      if (vms === 'refuse' || !madeTaps.has(tap!)) {
        refuse(
          vms === 'refuse'
            ? `no command starts a virtual machine: start one whose NIC uses ${tap} (qemu-system-x86_64 ... -netdev tap,id=n0,ifname=${tap},script=no,downscript=no -device virtio-net-pci,netdev=n0), or export with vms: 'namespaces'`
            : `${tap} was not made by ip tuntap add ... mode tap earlier in this lab`,
        );
      }
      if (mac !== undefined && !/^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/.test(mac)) refuse(`bad address "${mac}"`);
      return mac ? [`cmd ${n} ${vm} ip link set dev eth0 address ${mac}  # $ ${text}`] : [`: ${n}  # $ ${text}`];
    }
    if (obj === 'vm' && sub === 'del' && rest.length === 1) {
      const vm = rest[0]!;
      const tap = [...vmOfTap].find(([, v]) => v === vm)?.[0];
      if (vms === 'refuse' || tap === undefined) refuse(`${vm} is not a VM of this lab`);
      goneTaps.add(tap!);
      return [
        `# ${vm} stops: its namespace goes, and with it the veth that stood for ${tap}`,
        `rmns ${n} ${vm}  # $ ${text}`,
      ];
    }
    if (obj === 'hosts') {
      if (sub === undefined) return [`cmd ${n} host cat /etc/hosts  # $ ${text}`];
      if (sub === 'add' && rest.length === 2) {
        if (!/^[A-Za-z0-9.-]{1,253}$/.test(rest[0]!) || parseIp4(rest[1]!) === undefined)
          refuse('expected lab hosts add NAME IPV4');
        hosts.set(rest[0]!.toLowerCase(), rest[1]!);
      } else if (sub === 'del' && rest.length === 1) hosts.delete(rest[0]!.toLowerCase());
      else refuse('expected lab hosts [add NAME ADDRESS | del NAME]');
      const entries = ['127.0.0.1 localhost', ...[...hosts].map(([name, a]) => `${a} ${name}`)];
      return [`hosts ${n} ${entries.map(shQuote).join(' ')}  # $ ${text}`];
    }
    return refuse(
      'not a lab command this export knows (lab nic add, lab cable, lab unplug, lab vm add|del, lab hosts)',
    );
  }

  const script = scriptText(prefix, opts.title, namespaces, body);
  return { script, namespaces, substitutions, problems };
}

/** The script, or ExportError listing every command it cannot turn into a real one. */
export function exportScript(commands: readonly LabCommand[], opts: ExportOptions = {}): string {
  const r = exportLab(commands, opts);
  if (r.problems.length) throw new ExportError(r.problems);
  return r.script;
}

function scriptText(prefix: string, title: string | undefined, namespaces: string[], body: string[]): string {
  const head = [
    '#!/bin/sh',
    `# ${EXPORT_FORMAT}`,
    ...(title ? [`# ${title.replace(/\n/g, ' ')}`] : []),
    '#',
    '# Rebuilds a lab of linux-netlab on a real Linux machine, inside network namespaces whose names',
    '# start with the prefix below. The simulator\'s "host" is the namespace ${P}host, so this machine\'s',
    '# own devices, routes and sysctls are never touched. Run as root; needs iproute2 and procps',
    '# (and iptables, ping, arping if the lab uses them).',
    '#   sh THIS up                 build the lab (stops at the first command that fails)',
    '#   sh THIS down               tear it down',
    "#   sh THIS exec NS CMD...     run a command in one of the lab's namespaces (host, lan, ...)",
    '# NETLAB_PREFIX=PREFIX changes the prefix. In up(), each line is one command of the lab:',
    "# `cmd N NS ARGS` runs ARGS in namespace NS and stops if it fails (N is the command's number),",
    '# `try N NS ARGS` may fail (ping, arping); a line that is not the command itself carries it',
    '# after `# $`. linux-netlab imports this file back from those lines.',
    'set -u',
    `P="\${NETLAB_PREFIX:-${prefix}}"`,
    'case "$P" in *[!A-Za-z0-9_.-]*) echo "netlab: bad prefix $P" >&2; exit 2 ;; esac',
    `NAMESPACES='${namespaces.join(' ')}'`,
    '',
    'fail() { echo "netlab: $*" >&2; exit 1; }',
    '',
    '# a namespace as the simulator makes one: lo up, IPv6 off, net.ipv4.conf.{all,default} from host',
    "# (the simulator's initial namespace), the lab's /etc/hosts",
    'mkns() {',
    '  ip netns add "$P$2" || fail "command $1 failed: ip netns add $P$2"',
    '  ip netns exec "$P$2" sysctl -q -w net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 >/dev/null',
    '  ip -n "$P$2" link set lo up',
    '  if [ "$2" = host ]; then',
    '    printf \'%s\\n\' "$CONF_DEFAULTS" | ip netns exec "${P}host" sysctl -q -e -p - >/dev/null 2>&1',
    '  else',
    '    ip netns exec "${P}host" sysctl -a 2>/dev/null | grep -E \'^net\\.ipv4\\.conf\\.(all|default)\\.\' |',
    '      ip netns exec "$P$2" sysctl -q -e -p - >/dev/null 2>&1',
    '  fi',
    '  if [ -f "/etc/netns/${P}host/hosts" ] && [ "$2" != host ]; then',
    '    mkdir -p "/etc/netns/$P$2" && cp "/etc/netns/${P}host/hosts" "/etc/netns/$P$2/hosts"',
    '  fi',
    '  return 0',
    '}',
    'rmns() { ip netns del "$P$2" || fail "command $1 failed: ip netns del $P$2"; rm -rf "/etc/netns/$P$2"; }',
    'cmd() { n=$1; ns=$2; shift 2; ip netns exec "$P$ns" "$@" || fail "command $n failed: $*"; }',
    'try() { n=$1; ns=$2; shift 2; ip netns exec "$P$ns" "$@" || echo "netlab: command $n exited with $?: $*" >&2; }',
    '# a cable: a bridge in the namespace wires joining the far ends of two NICs',
    'wire() {',
    '  ip -n "${P}wires" link add "$2" type bridge &&',
    '    ip -n "${P}wires" link set "$3" master "$2" && ip -n "${P}wires" link set "$4" master "$2" &&',
    '    ip -n "${P}wires" link set "$2" up && ip -n "${P}wires" link set "$3" up && ip -n "${P}wires" link set "$4" up ||',
    '    fail "command $1 failed: cable $2"',
    '}',
    'unwire() {',
    '  ip -n "${P}wires" link set "$3" down && ip -n "${P}wires" link set "$4" down &&',
    '    ip -n "${P}wires" link del "$2" || fail "command $1 failed: unplug $2"',
    '}',
    "# the lab's /etc/hosts, for every namespace (ip netns exec mounts /etc/netns/NS/hosts on /etc/hosts)",
    'hosts() {',
    '  for ns in $NAMESPACES; do',
    '    [ -e "/run/netns/$P$ns" ] || continue',
    '    mkdir -p "/etc/netns/$P$ns" && printf \'%s\\n\' "$@" | tail -n +2 > "/etc/netns/$P$ns/hosts" || fail "command $1 failed: /etc/netns/$P$ns/hosts"',
    '  done',
    '}',
    '',
    `CONF_DEFAULTS='${confDefaults()}'`,
    '',
    "# the lab's commands, one a line",
    'lab() {',
    '  :',
  ];
  const tail = [
    '}',
    '',
    'up() {',
    '  for ns in $NAMESPACES; do',
    '    [ -e "/run/netns/$P$ns" ] && fail "the namespace $P$ns exists: run \\"sh $0 down\\" first, or set NETLAB_PREFIX"',
    '  done',
    '  mkns 0 host',
    '  lab',
    '  echo "netlab: the lab is up in namespaces $(for ns in $NAMESPACES; do printf \'%s \' "$P$ns"; done)"',
    '}',
    '',
    'down() {',
    '  rev=',
    '  for ns in $NAMESPACES; do rev="$ns $rev"; done',
    '  for ns in $rev; do',
    '    [ -e "/run/netns/$P$ns" ] && ip netns del "$P$ns"',
    '    rm -rf "/etc/netns/$P$ns"',
    '  done',
    '  return 0',
    '}',
    '',
    'case "${1:-}" in',
    '  up) up ;;',
    '  down) down ;;',
    '  exec) [ $# -ge 3 ] || fail "usage: sh $0 exec NS CMD..."; ns=$2; shift 2; exec ip netns exec "$P$ns" "$@" ;;',
    '  *) echo "usage: sh $0 up|down|exec NS CMD..." >&2; exit 2 ;;',
    'esac',
  ];
  return [...head, ...body.map((l) => `  ${l}`), ...tail, ''].join('\n');
}

/** Splits a script line into its code and its trailing comment (after an unquoted `#` at a word start). */
function splitComment(line: string): [string, string | undefined] {
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') {
      i++;
      inWord = true;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return [line, undefined];
      i = end;
      inWord = true;
    } else if (c === '"') {
      let j = i + 1;
      while (j < line.length && line[j] !== '"') j += line[j] === '\\' ? 2 : 1;
      i = j;
      inWord = true;
    } else if (c === ' ' || c === '\t') inWord = false;
    else if (c === '#' && !inWord) return [line.slice(0, i), line.slice(i + 1)];
    else inWord = true;
  }
  return [line, undefined];
}

/**
 * The commands of a lab, from a plain list (one command a line; `#` lines are notes, kept; blank
 * lines skipped) or from a script exportScript() wrote. Anything that is not a command the simulator
 * knows is refused with its line number; nothing is ever run.
 */
export function importScript(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const problems: { line: number; text: string; message: string }[] = [];
  const out: string[] = [];
  const accept = (cmd: string, n: number, raw: string) => {
    if (cmd.startsWith('#')) {
      out.push(cmd);
      return;
    }
    const why = commandProblem(cmd);
    if (why) problems.push({ line: n, text: raw.trim(), message: why });
    else out.push(cmd);
  };
  const exported = lines.slice(0, 3).some((l) => l.trim() === `# ${EXPORT_FORMAT}`);
  if (!exported) {
    lines.forEach((raw, i) => {
      const l = raw.trim();
      if (l === '' || l === '#!/bin/sh') return;
      accept(l, i + 1, raw);
    });
  } else {
    const start = lines.indexOf('lab() {');
    if (start < 0)
      throw new ImportError([{ line: 1, text: lines[0] ?? '', message: `an ${EXPORT_FORMAT} script without lab()` }]);
    for (let i = start + 1; i < lines.length && lines[i] !== '}'; i++) {
      const raw = lines[i]!;
      const [code, comment] = splitComment(raw);
      const n = i + 1;
      if (comment?.startsWith(' $+')) continue;
      if (comment?.startsWith(' $ ')) {
        accept(comment.slice(3).trim(), n, raw);
        continue;
      }
      const c = code.trim();
      if (c === '' || c === ':') continue;
      const lex = splitWords(c);
      const w = lex.ok ? lex.words : [];
      if ((w[0] === 'mkns' || w[0] === 'rmns') && w.length === 3 && /^\d+$/.test(w[1]!) && NAME_RE.test(w[2]!)) {
        accept(`ip netns ${w[0] === 'mkns' ? 'add' : 'del'} ${w[2]}`, n, raw);
      } else if ((w[0] === 'cmd' || w[0] === 'try') && w.length >= 4 && /^\d+$/.test(w[1]!) && NAME_RE.test(w[2]!)) {
        const args = w
          .slice(3)
          .map((x) => shQuote(x.startsWith('${P}') ? x.slice(4) : x))
          .join(' ');
        accept(w[2] === 'host' ? args : `ip netns exec ${w[2]} ${args}`, n, raw);
      } else {
        problems.push({
          line: n,
          text: raw.trim(),
          message: 'not a line of a lab (cmd, try, mkns, rmns, or a line ending in # $ COMMAND)',
        });
      }
    }
  }
  if (problems.length) throw new ImportError(problems);
  return out;
}
