// A long table drawn as a window: only the rows in view of its scroll box (and a margin) are in the page,
// spacer rows above and below keep the scroll bar's length and place. A table of 5,000 devices otherwise
// costs a layout of all its rows for each row added (an auto table's columns are measured over every row).
// Short tables are drawn whole, as before.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** Tables with more rows than this are windowed. */
export const WINDOW_FROM = 200;
/** Rows drawn beyond those in view, above and below (a quick scroll finds them already there). */
const MARGIN = 30;
/** The window moves by this many rows at a time, so a scroll re-renders the table now and then, not every pixel. */
const STEP = 10;
/** A row's height before one is measured (12 px text and its padding). */
const ROW_GUESS = 19;

export interface RowWindow {
  /** rows [first, last) are drawn */
  first: number;
  last: number;
  /** the heights of the spacer rows above and below them (0: none) */
  above: number;
  below: number;
  windowed: boolean;
}

/** The window to draw of `count` rows in the scroll box `box` whose table's body is `body`. */
export function useRowWindow(
  count: number,
  box: RefObject<HTMLElement | null>,
  body: RefObject<HTMLTableSectionElement | null>,
): RowWindow {
  const windowed = count > WINDOW_FROM;
  const [view, setView] = useState({ top: 0, height: 320 });
  const rowH = useRef(ROW_GUESS);
  const onScroll = useCallback(() => {
    const el = box.current;
    if (!el) return;
    // the rows drawn give the average height the spacers use (an address list may wrap a row to two
    // lines); read here, where the page is laid out already, not after each render (a forced layout)
    const rows = body.current?.querySelectorAll<HTMLTableRowElement>(':scope > tr:not(.row-spacer)');
    if (rows?.length) {
      const h =
        (rows[rows.length - 1]!.getBoundingClientRect().bottom - rows[0]!.getBoundingClientRect().top) / rows.length;
      if (h > 0) rowH.current = h;
    }
    const top = el.scrollTop;
    const height = el.clientHeight;
    setView((v) => (Math.abs(v.top - top) < STEP * rowH.current && v.height === height ? v : { top, height }));
  }, [box, body]);
  useEffect(() => {
    const el = box.current;
    if (!el || !windowed) return;
    el.addEventListener('scroll', onScroll, { passive: true });
    onScroll();
    return () => el.removeEventListener('scroll', onScroll);
  }, [box, windowed, onScroll]);
  if (!windowed) return { first: 0, last: count, above: 0, below: 0, windowed };
  return rowWindow(count, view.top, view.height, rowH.current);
}

/** Which rows a scroll box shows at `top` (px) and `height`, rows `rowH` high, with the margin. */
export function rowWindow(count: number, top: number, height: number, rowH: number): RowWindow {
  const rows = Math.ceil(height / rowH) + 2 * MARGIN + STEP;
  const inView = Math.floor(Math.max(0, top) / rowH);
  // past the end (the spacers' height is an estimate): the last rows
  const first = Math.max(0, Math.min(count - rows, Math.floor((inView - MARGIN) / STEP) * STEP));
  const last = Math.min(count, first + rows);
  return { first, last, above: first * rowH, below: (count - last) * rowH, windowed: true };
}
