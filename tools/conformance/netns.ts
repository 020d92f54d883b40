// The throw-away namespaces of one scenario run: `host` and those the scenario adds, all named
// with the run's prefix, each starting with lo up and IPv6 off. Every namespace made here is
// remembered process-wide so that it is deleted on exit, failure or signal.
//
// The scenario's namespaces are ordinary named ones (/run/netns/PREFIXlan). `host` stands for the
// initial namespace, which has no name: iproute2 prints `link-netns NAME` for a peer in a named
// namespace and `link-netnsid N` otherwise, so `host` must not be in /run/netns either. It is
// kept by a bind mount in a directory of its own and entered with nsenter.

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { DeviceMac } from '../../sim/transcript/normalize';
import { run, runOk, type RunResult } from './proc';

import { HOST_DIR } from './translate';

/**
 * The command's own view of /run/netns (bash, in the command's private mount namespace; $1 is a
 * count N, the next N words this run's namespace names, the rest the command): a tmpfs holding only
 * this run's namespaces, bound from descriptors opened before it hides the machine's directory.
 * iproute2 opens every file there to name a peer's netns (netns_map_init, for `link-netns NAME`
 * and `ip netns list`), and a file another run is adding or deleting at that moment is still a
 * plain file: the kernel then answers "Peer netns reference is invalid" (rtnl_net_getid), which
 * is this machine's parallel runs, not the scenario. (--no-canonicalize: mount(8) would turn the
 * descriptor back into its path, which the tmpfs now hides.)
 */
const PRIVATE_RUN_NETNS = [
  'mount -t sysfs sysfs /sys || exit 125',
  'n=$1; shift; names=("${@:1:n}"); shift "$n"; fds=()',
  'for name in "${names[@]}"; do exec {fd}<"/run/netns/$name" || exit 125; fds+=("$fd"); done',
  'mount -t tmpfs -o mode=0755,size=64k netlab-netns /run/netns || exit 125',
  'for i in "${!names[@]}"; do : >"/run/netns/${names[i]}" && mount --no-canonicalize --bind "/proc/self/fd/${fds[i]}" "/run/netns/${names[i]}" || exit 125; done',
  'for fd in "${fds[@]}"; do exec {fd}<&-; done',
  'exec "$@"',
].join('\n');

/** Real namespace files made by this process and not deleted yet. */
const created = new Set<string>();

function deleteSync(file: string): void {
  try {
    if (file.startsWith(HOST_DIR)) {
      execFileSync('umount', [file], { stdio: 'ignore' });
      rmSync(file, { force: true });
    } else {
      execFileSync('ip', ['netns', 'del', file.slice('/run/netns/'.length)], { stdio: 'ignore' });
    }
  } catch {
    // already gone
  }
}

/** Deletes every namespace this process made and has not deleted yet (synchronous, for exit). */
export function deleteAllNamespacesSync(): void {
  for (const file of created) deleteSync(file);
  created.clear();
}

/** `ip -o link` lines -> (name, mac) in ifindex order; devices without a MAC are left out. */
export function parseLinks(text: string): { index: number; name: string; mac: string }[] {
  const devs: { index: number; name: string; mac: string }[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\d+): ([^:@\s]+)(?:@\S+)?: .*?link\/\S+ ([0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5})\b/.exec(line);
    if (m) devs.push({ index: Number(m[1]), name: m[2]!, mac: m[3]!.toLowerCase() });
  }
  return devs.sort((a, b) => a.index - b.index);
}

export class Namespaces {
  /** Scenario names in creation order, `host` first. */
  readonly names: string[] = [];

  constructor(readonly prefix: string) {}

  /** The name of a scenario namespace on this machine. */
  real(ns: string): string {
    return this.prefix + ns;
  }

  /** The file that holds a namespace. */
  file(ns: string): string {
    return ns === 'host' ? `${HOST_DIR}/${this.real(ns)}` : `/run/netns/${this.real(ns)}`;
  }

  /**
   * argv that runs a command in a namespace, as `ip netns exec` does it: in a mount namespace of
   * its own with /sys remounted, so that /sys/class/net shows the namespace's devices.
   */
  exec(ns: string, argv: string[]): string[] {
    if (ns !== 'host') return ['ip', 'netns', 'exec', this.real(ns), ...argv];
    const own = this.names.filter((n) => n !== 'host').map((n) => this.real(n));
    return [
      'nsenter',
      `--net=${this.file(ns)}`,
      'unshare',
      '--mount',
      '--propagation',
      'slave',
      'bash',
      '-c',
      PRIVATE_RUN_NETNS,
      'bash',
      String(own.length),
      ...own,
      ...argv,
    ];
  }

  /** `ip netns add` (or the nameless `host`): the command's output, then the set-up. */
  async add(ns: string): Promise<RunResult> {
    let r: RunResult;
    if (ns === 'host') {
      mkdirSync(HOST_DIR, { recursive: true });
      writeFileSync(this.file(ns), '');
      r = await run(['unshare', `--net=${this.file(ns)}`, 'true']);
    } else {
      r = await run(['ip', 'netns', 'add', this.real(ns)]);
    }
    if (r.code !== 0) return r;
    created.add(this.file(ns));
    this.names.push(ns);
    // IPv6 off before anything else, so that no device ever sends RS/MLD/DAD frames.
    await runOk(
      this.enter(ns, ['sysctl', '-qw', 'net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1']),
    );
    await runOk(this.enter(ns, ['ip', 'link', 'set', 'lo', 'up']));
    return r;
  }

  /** `ip netns del`. */
  async delete(ns: string): Promise<RunResult> {
    const file = this.file(ns);
    const r = ns === 'host' ? await run(['umount', file]) : await run(['ip', 'netns', 'del', this.real(ns)]);
    if (r.code === 0) {
      if (ns === 'host') rmSync(file, { force: true });
      created.delete(file);
      const i = this.names.indexOf(ns);
      if (i >= 0) this.names.splice(i, 1);
    }
    return r;
  }

  async deleteAll(): Promise<void> {
    for (const ns of [...this.names].reverse()) await this.delete(ns);
  }

  /** argv that runs a command in a namespace without the /sys remount (netlink readers). */
  private enter(ns: string, argv: string[]): string[] {
    return ['nsenter', `--net=${this.file(ns)}`, ...argv];
  }

  /** Every device with a MAC, namespaces in creation order, devices in ifindex order. */
  async devices(): Promise<DeviceMac[]> {
    const texts = await Promise.all(this.names.map((ns) => runOk(this.enter(ns, ['ip', '-o', 'link']))));
    return this.names.flatMap((ns, i) => parseLinks(texts[i]!).map((d) => ({ ns, name: d.name, mac: d.mac })));
  }

  /** `ip -o link` and `bridge link` of every namespace: what linkwatch changes. */
  async linkState(): Promise<string> {
    const script = this.names.map((ns) => `nsenter --net=${this.file(ns)} sh -c 'ip -o link; bridge link'`).join('; ');
    return runOk(['sh', '-c', script]);
  }
}
