import { memo, useRef, type ReactNode, type RefObject } from 'react';
import { useRowWindow } from './tableWindow';
import { useLab } from '../store';
import { selSetTableTab, selTableTab, selTablesAt, selTablesNsSnap } from '../store/selectors';
import type { TableTab } from '../store/ui';
import { player } from '../flows/player';
import { fmtTime } from '../model/eventText';
import { useTranslation } from 'react-i18next';

const TABS: TableTab[] = ['addr', 'route', 'neigh', 'fdb'];

export function Tables() {
  const ns = useLab(selTablesNsSnap);
  const tab = useLab(selTableTab);
  const setTab = useLab(selSetTableTab);
  const at = useLab(selTablesAt);
  const { t: tr } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  if (!ns) return null;
  return (
    <section
      className={at ? 'tables past' : 'tables'}
      aria-label={tr('tables.label', { netns: ns.name })}
      data-at={at ? at.seq : 'now'}
    >
      {at && (
        <div className="tables-at" role="status">
          {tr(at.exact ? 'tables.at' : 'tables.atInexact', { n: at.seq + 1, time: fmtTime(at.time) })}{' '}
          <button type="button" onClick={() => player.toLive()}>
            {tr('tables.now')}
          </button>
        </div>
      )}
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t}
            role="tab"
            type="button"
            aria-selected={t === tab}
            className={t === tab ? 'active' : ''}
            onClick={() => setTab(t)}
          >
            {tr(`tables.${t}`)}
          </button>
        ))}
        <span className="tables-ns">{ns.name}</span>
      </div>
      {/* a panel of its own in the Tab order: a long table scrolls by keyboard (arrows, Page Up/Down, Home/End) */}
      <div
        className="table-wrap"
        data-testid={`table-${tab}`}
        ref={box}
        role="tabpanel"
        tabIndex={0}
        aria-label={tr(`tables.${tab}`)}
      >
        {tab === 'addr' && (
          <table>
            <thead>
              <tr>
                <th>{tr('col.dev')}</th>
                <th>{tr('col.state')}</th>
                <th>{tr('col.address')}</th>
                <th>{tr('col.mac')}</th>
                <th>{tr('col.master')}</th>
              </tr>
            </thead>
            <Body rows={ns.devices} box={box} cols={5}>
              {(d) => (
                <AddrRow
                  key={d.name}
                  name={d.name}
                  state={d.operstate}
                  addrs={d.addrs.map((a) => `${a.local}/${a.prefixlen}`).join(' ')}
                  mac={d.mac}
                  master={d.master ?? ''}
                />
              )}
            </Body>
          </table>
        )}
        {tab === 'route' && (
          <table>
            <thead>
              <tr>
                <th>ip route</th>
              </tr>
            </thead>
            <Body rows={ns.routes} box={box} cols={1}>
              {(r) => (
                <tr key={r.line}>
                  <td className="mono">{r.line}</td>
                </tr>
              )}
            </Body>
          </table>
        )}
        {tab === 'neigh' && (
          <table>
            <thead>
              <tr>
                <th>{tr('col.address')}</th>
                <th>{tr('col.dev')}</th>
                <th>{tr('col.lladdr')}</th>
                <th>{tr('col.state')}</th>
              </tr>
            </thead>
            <Body rows={ns.neigh} box={box} cols={4}>
              {(n) => (
                <tr key={`${n.dev} ${n.ip}`}>
                  <td>{n.ip}</td>
                  <td>{n.dev}</td>
                  <td className="mono">{macBreakable(n.lladdr ?? '')}</td>
                  <td>{n.state}</td>
                </tr>
              )}
            </Body>
          </table>
        )}
        {tab === 'fdb' && (
          <table>
            <thead>
              <tr>
                <th>{tr('col.bridge')}</th>
                <th>{tr('col.mac')}</th>
                <th>{tr('col.port')}</th>
                <th>{tr('col.kind')}</th>
              </tr>
            </thead>
            <Body rows={ns.fdb} box={box} cols={4}>
              {(f) => (
                <tr key={`${f.br} ${f.mac} ${f.dev}`}>
                  <td>{f.br}</td>
                  <td className="mono">{macBreakable(f.mac)}</td>
                  <td>{f.dev}</td>
                  <td>{tr(f.local ? 'fdb.local' : f.static ? 'fdb.static' : 'fdb.learned')}</td>
                </tr>
              )}
            </Body>
          </table>
        )}
      </div>
    </section>
  );
}

/**
 * A table's rows; past a few hundred only those in view of the scroll box `box` (tableWindow.ts), with
 * spacer rows in place of the others.
 */
function Body<T>(p: {
  rows: readonly T[];
  box: RefObject<HTMLDivElement | null>;
  cols: number;
  children: (row: T) => ReactNode;
}) {
  const body = useRef<HTMLTableSectionElement>(null);
  const w = useRowWindow(p.rows.length, p.box, body);
  const spacer = (h: number) => (
    <tr className="row-spacer" style={{ height: h }}>
      <td colSpan={p.cols} aria-hidden="true" />
    </tr>
  );
  return (
    <tbody ref={body} data-rows={p.rows.length} data-drawn={w.last - w.first}>
      {w.above > 0 && spacer(w.above)}
      {(w.windowed ? p.rows.slice(w.first, w.last) : p.rows).map(p.children)}
      {w.below > 0 && spacer(w.below)}
    </tbody>
  );
}

/** One device's row: redrawn only when what it shows changes (a lab of 300 devices gets new tables often). */
const AddrRow = memo(function AddrRow(p: { name: string; state: string; addrs: string; mac: string; master: string }) {
  return (
    <tr>
      <td>{p.name}</td>
      <td>{p.state}</td>
      <td>{p.addrs}</td>
      <td className="mono">{macBreakable(p.mac)}</td>
      <td>{p.master}</td>
    </tr>
  );
});

/** A MAC address that may break after its third byte where the table is narrow (never elsewhere; two
 * inline blocks: Chromium breaks at a <wbr> even in a nowrap cell). */
function macBreakable(mac: string) {
  if (mac.length !== 17) return mac;
  return (
    <>
      <span className="mac-half">{mac.slice(0, 9)}</span>
      <span className="mac-half">{mac.slice(9)}</span>
    </>
  );
}
