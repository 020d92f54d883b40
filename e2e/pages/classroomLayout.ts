// What a projector shows in classroom mode, measured in the page: the diagram's zoom and how much of its
// pane the devices fill, the smallest device text as projected (computed font size x zoom), and whether
// the classroom bar covers the diagram or the step title, a device lies outside the pane, or the legend
// is cut. Shared by the classroom spec and `npm run shots`. The measuring code is a string so that it
// runs in the page as written, whatever transpiles this file.

export interface ClassroomReport {
  zoom: number;
  /** the devices' bounding box over the diagram pane's size, the larger of width and height */
  fill: number;
  minDeviceTextPx: number;
  /** the text that is smallest, for the report */
  smallest: string;
  devices: number;
  outside: string[];
  barCovers: string[];
  legendCut: boolean;
  titleHidden: boolean;
  /** text cut short in the classroom bar, the lesson's header and navigation, the playback controls */
  cut: string[];
}

export const MEASURE_CLASSROOM = `(() => {
  const r = (el) => el.getBoundingClientRect();
  const meet = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const inside = (a, b) => a.left >= b.left - 1 && a.right <= b.right + 1 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
  const vp = document.querySelector('.react-flow__viewport');
  const m = vp ? /matrix\\(([^,]+),/.exec(getComputedStyle(vp).transform) : null;
  const zoom = m ? Number(m[1]) : 1;
  const pane = document.querySelector('.rf-wrap');
  const paneR = pane ? r(pane) : { left: 0, top: 0, right: innerWidth, bottom: innerHeight, width: innerWidth, height: innerHeight };
  const nodes = [...document.querySelectorAll('.react-flow__node')];
  const outside = nodes.filter((n) => !inside(r(n), paneR) || !inside(r(n), { left: 0, top: 0, right: innerWidth, bottom: innerHeight })).map((n) => n.getAttribute('data-id'));
  let box = null;
  for (const n of nodes) {
    const b = r(n);
    box = box ? { left: Math.min(box.left, b.left), top: Math.min(box.top, b.top), right: Math.max(box.right, b.right), bottom: Math.max(box.bottom, b.bottom) } : { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
  }
  const fill = box ? Math.max((box.right - box.left) / paneR.width, (box.bottom - box.top) / paneR.height) : 0;
  let min = Infinity, smallest = '';
  for (const el of document.querySelectorAll('.react-flow__node-device *, .react-flow__node-station *')) {
    const own = [...el.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const px = parseFloat(getComputedStyle(el).fontSize) * zoom;
    if (px < min) { min = px; smallest = el.textContent.trim().slice(0, 40); }
  }
  const bar = document.querySelector('.classroom-bar');
  const barCovers = [];
  if (bar && bar.getClientRects().length) {
    const b = r(bar);
    for (const n of nodes) if (meet(b, r(n))) barCovers.push('device ' + n.getAttribute('data-id'));
    for (const sel of ['.lesson-body h2', '.lesson-nav', '.lesson-head', '.playback']) {
      const el = document.querySelector(sel);
      if (el && el.getClientRects().length && meet(b, r(el))) barCovers.push(sel);
    }
  }
  const legend = document.querySelector('.playback .legend');
  let legendCut = false;
  if (legend) {
    const L = r(legend);
    const pb = r(legend.closest('.playback'));
    legendCut = legend.scrollWidth > legend.clientWidth + 1 || !inside(L, pb) || L.right > innerWidth + 1 || L.bottom > innerHeight + 1;
    for (const c of legend.querySelectorAll('.chip')) if (!inside(r(c), L) || c.scrollWidth > c.clientWidth + 1) legendCut = true;
  }
  const cut = [];
  // the chrome: never cut, never off screen
  for (const el of document.querySelectorAll('.classroom-bar, .classroom-bar *, .lesson-head *, .lesson-nav *, .lesson-steps > *, .playback .controls > *')) {
    if (!el.getClientRects().length || el.tagName === 'SELECT' || el.tagName === 'INPUT') continue;
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'auto') cut.push((el.className || el.tagName) + ' "' + el.textContent.trim().slice(0, 30) + '"');
    const b = r(el);
    if (b.right > innerWidth + 1 || b.bottom > innerHeight + 1) cut.push('off screen: ' + (el.className || el.tagName));
  }
  // the step's text scrolls up and down, but no line runs out of its box sideways
  for (const el of document.querySelectorAll('.lesson-verdict, .lesson-body > h2, .lesson-body > p')) {
    if (el.getClientRects().length && el.scrollWidth > el.clientWidth + 1) cut.push((el.className || el.tagName) + ' "' + el.textContent.trim().slice(0, 30) + '"');
  }
  const h2 = document.querySelector('.lesson-body h2');
  const body = document.querySelector('.lesson-body');
  // the title is at the top of the step until the reader scrolls (or a verdict is scrolled into view)
  const titleHidden = !h2 || !body || (body.scrollTop === 0 && !inside(r(h2), { left: 0, top: 0, right: innerWidth, bottom: innerHeight }));
  return { zoom, fill, minDeviceTextPx: min === Infinity ? 0 : min, smallest, devices: nodes.length, outside, barCovers, legendCut, titleHidden, cut };
})()`;

/** What is wrong on a projector, in words; empty when nothing is. */
export function classroomProblems(r: ClassroomReport, minTextPx = 14): string[] {
  const out: string[] = [];
  if (r.devices === 0) out.push('no diagram');
  if (r.minDeviceTextPx < minTextPx)
    out.push(`device text ${r.minDeviceTextPx.toFixed(1)} px ("${r.smallest}") is under ${minTextPx} px`);
  if (r.fill < 0.75) out.push(`the devices fill ${(r.fill * 100).toFixed(0)}% of the diagram's pane`);
  if (r.outside.length) out.push(`outside the diagram's pane: ${r.outside.join(', ')}`);
  if (r.barCovers.length) out.push(`the classroom bar covers ${r.barCovers.join(', ')}`);
  if (r.legendCut) out.push('the legend is cut');
  if (r.cut.length) out.push(`cut: ${r.cut.join(', ')}`);
  if (r.titleHidden) out.push("the step's title is not on screen");
  return out;
}
