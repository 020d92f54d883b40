// ip -s link: the counters block (iproute2 ip/ipaddress.c print_link_stats64 and size_columns). Columns
// widen for long numbers; -s -s adds the error breakdowns and the carrier changes (transns).
import type { NetDevice } from '../../net/netdevice';

const digits = (v: number) => String(v).length;

export function statsLines(dev: NetDevice, level: number): string[] {
  const s = dev.stats;
  const rx = [s.rxBytes, s.rxPackets, 0, s.rxDropped, 0, 0];
  const rxErr = [0, 0, 0, 0, 0, 0];
  const tx = [s.txBytes, s.txPackets, 0, s.txDropped, 0, 0];
  const txErr = [0, 0, 0, 0, 0, dev.carrierChanges];
  // strlen("*X errors:"), "packets", "errors", "dropped", "heartbt", "overrun"
  const cols = [10, 7, 6, 7, 7, 7];
  for (const row of level > 1 ? [rx, rxErr, tx, txErr] : [rx, tx])
    for (const [i, v] of row.entries()) cols[i] = Math.max(cols[i], digits(v));
  const head = (names: string[]) => names.map((n, i) => n.padStart(i === 0 ? cols[0] - 4 : cols[i])).join(' ');
  const nums = (vals: number[]) => `    ${vals.map((v, i) => String(v).padStart(cols[i])).join(' ')} `;
  const errHead = (names: string[]) =>
    `${''.padStart(cols[0] - 10)} ${names.map((n, i) => n.padStart(cols[i + 1])).join(' ')}`;
  const errNums = (vals: number[]) =>
    `${''.padStart(cols[0] + 5)}${vals.map((v, i) => String(v).padStart(cols[i + 1])).join(' ')} `;
  // a last column, "compressed", is printed only when counted: its width in spaces stands there instead
  const tail = ' '.repeat(1 + 'compressed'.length);
  const out = [`    RX: ${head(['bytes', 'packets', 'errors', 'dropped', 'missed', 'mcast'])}${tail}`, nums(rx)];
  if (level > 1)
    out.push(`    RX errors:${errHead(['length', 'crc', 'frame', 'fifo', 'overrun'])}`, errNums(rxErr.slice(1)));
  out.push(`    TX: ${head(['bytes', 'packets', 'errors', 'dropped', 'carrier', 'collsns'])}${tail}`, nums(tx));
  if (level > 1)
    out.push(`    TX errors:${errHead(['aborted', 'fifo', 'window', 'heartbt', 'transns'])}`, errNums(txErr.slice(1)));
  return out;
}
