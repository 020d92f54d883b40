// getopt(3) as iputils uses it: clustered flags (-qn), values attached or in the next word, operands
// anywhere (GNU permutation).

export type Getopt = { ok: true; opts: { c: string; val: string }[]; rest: string[] } | { ok: false; missing: string };

export function getopt(argv: string[], withArg: string): Getopt {
  const opts: { c: string; val: string }[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (!withArg.includes(c)) {
        opts.push({ c, val: '' });
        continue;
      }
      let val = a.slice(j + 1);
      if (!val) {
        if (i + 1 >= argv.length) return { ok: false, missing: c };
        val = argv[++i];
      }
      opts.push({ c, val });
      break;
    }
  }
  return { ok: true, opts, rest };
}
