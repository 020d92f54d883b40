// How iproute2 reads its words (lib/utils.c matches(), ip/ip.c's options, ip/ipnetns.c do_netns()), in one
// place for everyone who reads a command without running it: the shell's own parsers, the lab export, the
// lesson checker, the transcript normalizer and the kernel runner's gate. Pure: imports nothing.

/** matches(prefix, keyword): true when `word` is a non-empty prefix of `keyword`. */
export function matches(word: string, keyword: string): boolean {
  return word.length > 0 && word.length <= keyword.length && keyword.startsWith(word);
}

/** matches() that also takes a missing word (false) and a shortest accepted prefix (`ip net` is netns, `ip ne` is neigh). */
export function abbreviates(word: string | undefined, keyword: string, min = 1): boolean {
  return word !== undefined && word.length >= min && keyword.startsWith(word);
}

/** Options of `ip` and `bridge` that name a namespace. */
export const NETNS_OPTS: ReadonlySet<string> = new Set(['-n', '-netns']);
/** Other options of `ip` and `bridge` that take a value. */
export const OPTS_WITH_ARG: ReadonlySet<string> = new Set([
  '-f',
  '-family',
  '-b',
  '-batch',
  '-rc',
  '-rcvbuf',
  '-l',
  '-loops',
]);

/** Where the object of an `ip`/`bridge` command is, after its options (from index 1). */
export function objectIndex(words: readonly string[]): number {
  let i = 1;
  while (i < words.length && words[i]!.startsWith('-'))
    i += NETNS_OPTS.has(words[i]!) || OPTS_WITH_ARG.has(words[i]!) ? 2 : 1;
  return i;
}

// `ip net` is netns, `ip n`/`ip ne` are neighbour.
export const isNetnsObject = (w: string | undefined): boolean => abbreviates(w, 'netns', 3);
export const isLinkObject = (w: string | undefined): boolean => abbreviates(w, 'link');

/** do_netns()'s subcommands in the order of its matches() tests (the first that matches wins). */
export const NETNS_SUBCOMMANDS = [
  'list',
  'show',
  'lst',
  'list-id',
  'help',
  'add',
  'attach',
  'set',
  'delete',
  'pids',
  'identify',
  'exec',
  'monitor',
] as const;

/** The `ip netns` subcommand a word names (show and lst are list; none is list), or the word itself. */
export function netnsSubcommand(w: string | undefined): string {
  if (w === undefined) return 'list';
  for (const sub of NETNS_SUBCOMMANDS) if (abbreviates(w, sub)) return sub === 'show' || sub === 'lst' ? 'list' : sub;
  return w;
}
