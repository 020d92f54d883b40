// Node ids of the diagram: stable across snapshots, readable in tests (Playwright finds them by data-id).

export const nsId = (ns: string) => `ns:${ns}`;
export const stackId = (ns: string) => `stack:${ns}`;
export const devId = (ns: string, dev: string) => `dev:${ns}:${dev}`;
/** a "Physical Network" box, named by its first part (its parts are `ns:` stations inside it) */
export const physId = (ns: string) => `phys:${ns}`;

export type ParsedId =
  | { type: 'ns'; ns: string }
  | { type: 'stack'; ns: string }
  | { type: 'dev'; ns: string; dev: string }
  | { type: 'phys'; ns: string };

export function parseId(id: string): ParsedId | null {
  const [t, ns, ...rest] = id.split(':');
  if (!ns) return null;
  if (t === 'ns' && !rest.length) return { type: 'ns', ns };
  if (t === 'stack' && !rest.length) return { type: 'stack', ns };
  if (t === 'phys' && !rest.length) return { type: 'phys', ns };
  if (t === 'dev' && rest.length) return { type: 'dev', ns, dev: rest.join(':') };
  return null;
}

/** What a namespace stands for in the article's pictures, by its name. */
export type NsRole = 'host' | 'lan' | 'vm' | 'container';

/** The parts of the article's "Physical Network" (sim/labs/outside_world names them so). */
export type PhysKind = 'switch' | 'gateway' | 'internet';

export function physKind(name: string): PhysKind | null {
  if (/^lan\d*$/.test(name)) return 'switch';
  if (/^gw\d*$/.test(name)) return 'gateway';
  if (/^internet\d*$/.test(name)) return 'internet';
  return null;
}

export function nsRole(name: string): NsRole {
  if (name === 'host') return 'host';
  if (physKind(name)) return 'lan';
  if (/^vm\d*$/.test(name)) return 'vm';
  return 'container';
}

export function nsTitle(name: string): string {
  switch (nsRole(name)) {
    case 'host':
      return 'Host';
    case 'lan':
      return 'Physical Network';
    case 'vm':
      return `VirtualMachine ${name}`;
    case 'container':
      return `Container ${name}`;
  }
}
