// The article's own ASCII drawings, cut out of its text: each starts with a box's top border and ends
// with the line naming the physical network under it.

export function articleDrawings(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\+-{10,}/.test(lines[i])) continue;
    const start = i;
    while (i < lines.length && !/Physical Network/.test(lines[i])) i++;
    out.push(lines.slice(start, i + 1).join('\n'));
  }
  return out;
}
