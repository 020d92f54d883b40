// A page of monospace characters to draw on, as the article's ASCII diagrams are drawn.

export class Grid {
  private rows: string[][] = [];

  get height(): number {
    return this.rows.length;
  }

  at(r: number, c: number): string {
    return this.rows[r]?.[c] ?? ' ';
  }

  set(r: number, c: number, ch: string): void {
    if (r < 0 || c < 0) return;
    while (this.rows.length <= r) this.rows.push([]);
    const row = this.rows[r];
    while (row.length <= c) row.push(' ');
    row[c] = ch;
  }

  /** Text from column c; each character takes one column (the drawings use ASCII, ↑ and ↓). */
  text(r: number, c: number, s: string): void {
    for (const [i, ch] of [...s].entries()) this.set(r, c + i, ch);
  }

  /** A horizontal line that leaves vertical lines and corners it crosses as they are. */
  hline(r: number, c0: number, c1: number, ch = '-'): void {
    const [a, b] = c0 <= c1 ? [c0, c1] : [c1, c0];
    for (let c = a; c <= b; c++) if (!'|+'.includes(this.at(r, c))) this.set(r, c, ch);
  }

  vline(c: number, r0: number, r1: number, ch = '|'): void {
    for (let r = Math.min(r0, r1); r <= Math.max(r0, r1); r++) this.set(r, c, ch);
  }

  /** A rectangle's border, corners '+'. */
  rect(r0: number, c0: number, r1: number, c1: number): void {
    for (let c = c0; c <= c1; c++) {
      this.set(r0, c, c === c0 || c === c1 ? '+' : '-');
      this.set(r1, c, c === c0 || c === c1 ? '+' : '-');
    }
    for (let r = r0 + 1; r < r1; r++) {
      this.set(r, c0, '|');
      this.set(r, c1, '|');
    }
  }

  toString(): string {
    return this.rows.map((row) => row.join('').replace(/\s+$/, '')).join('\n');
  }
}
