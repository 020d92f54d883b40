// Node ids of the diagram: stable across snapshots, readable in tests (Playwright finds them by data-id).

export const nsId = (ns: string) => `ns:${ns}`;
export const stackId = (ns: string) => `stack:${ns}`;
export const devId = (ns: string, dev: string) => `dev:${ns}:${dev}`;

export type ParsedId = { type: 'ns'; ns: string } | { type: 'stack'; ns: string } | { type: 'dev'; ns: string; dev: string };

export function parseId(id: string): ParsedId | null {
  const [t, ns, ...rest] = id.split(':');
  if (!ns) return null;
  if (t === 'ns' && !rest.length) return { type: 'ns', ns };
  if (t === 'stack' && !rest.length) return { type: 'stack', ns };
  if (t === 'dev' && rest.length) return { type: 'dev', ns, dev: rest.join(':') };
  return null;
}

/** What a namespace stands for in the article's pictures, by its name. */
export type NsRole = 'host' | 'lan' | 'vm' | 'container';

export function nsRole(name: string): NsRole {
  if (name === 'host') return 'host';
  if (/^lan\d*$/.test(name)) return 'lan';
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
