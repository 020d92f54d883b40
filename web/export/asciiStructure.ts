// What an ASCII network diagram says, read back from its characters: the boxes (hosts, VMs,
// containers), the devices in each in reading order with the address cell above the name, which devices
// the stack sends to and receives from (↑/↓ through the dotted line), and which are linked (`<--->`,
// wires under the row, down to the physical network). Spacing is ignored, so the article's drawings
// and the app's exports can be compared for what they show, not where they put it.

export interface AsciiDevice {
  name: string;
  /** the address cell's text, or null when it is empty or the box has none */
  addr: string | null;
  /** what the stack does with it: sends and receives, only sends, nothing */
  stack: 'both' | 'tx' | 'none';
}

export interface AsciiStructure {
  /** the devices of each box, left to right as the boxes are */
  boxes: AsciiDevice[][];
  /** links between devices ("box/name" each, sorted), and "box/name -- PHYSICAL" */
  links: string[];
}

interface Cell {
  top: number;
  bottom: number;
  left: number;
  right: number;
  text: string;
}

const LINE = new Set(['-', '|', '+']);

/** Every rectangle whose top-left corner starts a border: cells of devices, stack bars, whole boxes. */
function cells(g: string[][]): Cell[] {
  const at = (r: number, c: number) => g[r]?.[c] ?? ' ';
  const out: Cell[] = [];
  for (let r = 0; r < g.length; r++) {
    for (let c = 0; c < g[r].length; c++) {
      if (at(r, c) !== '+' || at(r, c + 1) !== '-' || at(r + 1, c) !== '|') continue;
      let c2 = c + 1;
      while (at(r, c2) === '-') c2++;
      if (at(r, c2) !== '+' || at(r + 1, c2) !== '|') continue;
      // a side may be crossed by a wire (the article then writes '-' over the border)
      let r2 = r + 1;
      while ('|-'.includes(at(r2, c)) && '|-'.includes(at(r2, c2)) && !(at(r2, c) === '-' && at(r2, c2) === '-')) r2++;
      if (at(r2, c) !== '+' || at(r2, c2) !== '+') continue;
      const text = g
        .slice(r + 1, r2)
        .map((row) => row.slice(c + 1, c2).join(''))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      out.push({ top: r, bottom: r2, left: c, right: c2, text });
    }
  }
  return out;
}

const inside = (a: Cell, b: Cell) =>
  a !== b && a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;

export function readAscii(text: string, rename: (box: number, name: string) => string = (_, n) => n): AsciiStructure {
  const g = text.split('\n').map((l) => [...l]);
  const at = (r: number, c: number) => g[r]?.[c] ?? ' ';
  const all = cells(g);
  // boxes: cells inside no other; the stack bars: cells saying so; devices: the rest, merged when stacked
  const outer = all.filter((x) => !all.some((y) => inside(x, y))).sort((a, b) => a.left - b.left);
  const stacks = all.filter((x) => /Protocol Stack/i.test(x.text));
  const leaf = all.filter(
    (x) => outer.includes(x) === false && !/Protocol Stack/i.test(x.text) && !all.some((y) => inside(y, x)),
  );
  type Dev = { box: number; cells: Cell[]; name: string };
  const devs: Dev[] = [];
  for (const c of [...leaf].sort((a, b) => a.top - b.top)) {
    const above = devs.find(
      (d) => d.cells[d.cells.length - 1].bottom === c.top && d.cells[0].left === c.left && d.cells[0].right === c.right,
    );
    if (above) above.cells.push(c);
    else devs.push({ box: outer.findIndex((o) => inside(c, o)), cells: [c], name: '' });
  }
  for (const d of devs) d.name = rename(d.box, d.cells[d.cells.length - 1].text);
  const last = (d: Dev) => d.cells[d.cells.length - 1];
  const first = (d: Dev) => d.cells[0];
  const key = (d: Dev) => `${d.box}/${d.name}`;
  // reading order: by the row of the name, then from the left
  devs.sort((a, b) => a.box - b.box || last(a).top - last(b).top || first(a).left - first(b).left);
  const devAbove = (r: number, c: number) =>
    devs.find((d) => last(d).bottom === r && first(d).left < c && first(d).right > c);
  const devBelow = (r: number, c: number) =>
    devs.find((d) => first(d).top === r && first(d).left < c && first(d).right > c);

  const stackOf = (d: Dev): AsciiDevice['stack'] => {
    const top = first(d).top;
    for (let c = first(d).left + 1; c < first(d).right; c++) {
      if (at(top - 1, c) !== '↓') continue;
      let r = top - 2;
      let both = false;
      while (r >= 0 && !'-+'.includes(at(r, c))) {
        if (at(r, c) === '↑') both = true;
        r--;
      }
      // from the stack bar, not from a device above (a bridge's port under it)
      if (!stacks.some((b) => b.bottom === r && b.left < c && b.right > c)) continue;
      return both ? 'both' : 'tx';
    }
    return 'none';
  };

  const links = new Set<string>();
  const linkKey = (a: string, b: string) => [a, b].sort().join(' -- ');
  // side by side: <---> between two devices on the row of their names
  g.forEach((row, r) => {
    const line = row.join('');
    for (const m of line.matchAll(/<-+>/g)) {
      const s = [...line.slice(0, m.index)].length;
      const e = s + [...m[0]].length - 1;
      const a = devs.find((d) => d.cells.some((c) => c.top < r && c.bottom > r) && first(d).right === s - 1);
      const b = devs.find((d) => d.cells.some((c) => c.top < r && c.bottom > r) && first(d).left === e + 1);
      if (a && b) links.add(linkKey(key(a), key(b)));
    }
  });
  // under a device: follow the line from its ↑ to the device it ends under (or over), or down and out
  const dirs = { u: [-1, 0], d: [1, 0], l: [0, -1], r: [0, 1] } as const;
  type Dir = keyof typeof dirs;
  const back: Record<Dir, Dir> = { u: 'd', d: 'u', l: 'r', r: 'l' };
  const bottomRow = outer.length ? Math.max(...outer.map((o) => o.bottom)) : 0;
  for (const d of devs) {
    const b = last(d).bottom;
    for (let c = first(d).left + 1; c < first(d).right; c++) {
      if (at(b + 1, c) !== '↑') continue;
      const seen = new Set<string>();
      const stack: [number, number, Dir][] = [[b + 2, c, 'd']];
      while (stack.length) {
        const [r, col, dir] = stack.pop()!;
        const id = `${r},${col},${dir}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const ch = at(r, col);
        const [dr, dc] = dirs[dir];
        if (ch === '↑' && dir === 'u') {
          const o = devAbove(r - 1, col);
          if (o && o !== d) links.add(linkKey(key(d), key(o)));
          continue;
        }
        if (ch === '↓' && dir === 'd') {
          const o = devBelow(r + 1, col);
          if (o) links.add(linkKey(key(d), key(o)));
          else if (r > bottomRow) links.add(linkKey(key(d), 'PHYSICAL'));
          continue;
        }
        if (ch === '+') {
          for (const nd of Object.keys(dirs) as Dir[]) {
            if (nd === back[dir]) continue;
            const [ndr, ndc] = dirs[nd];
            const next = at(r + ndr, col + ndc);
            const fits = nd === 'u' || nd === 'd' ? '|+↑↓'.includes(next) : '-+'.includes(next);
            if (fits) stack.push([r + ndr, col + ndc, nd]);
          }
          continue;
        }
        // straight on along a line, and across one that crosses it
        if (LINE.has(ch) || ch === '↓') stack.push([r + dr, col + dc, dir]);
      }
    }
  }

  const boxes: AsciiDevice[][] = outer.map(() => []);
  for (const d of devs) {
    if (d.box < 0) continue;
    boxes[d.box].push({
      name: d.name,
      addr: d.cells.length > 1 && d.cells[0].text ? d.cells[0].text : null,
      stack: stackOf(d),
    });
  }
  return { boxes, links: [...links].sort() };
}
