import { memo } from 'react';
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
      <div className="table-wrap" data-testid={`table-${tab}`}>
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
            <tbody>
              {ns.devices.map((d) => (
                <AddrRow
                  key={d.name}
                  name={d.name}
                  state={d.operstate}
                  addrs={d.addrs.map((a) => `${a.local}/${a.prefixlen}`).join(' ')}
                  mac={d.mac}
                  master={d.master ?? ''}
                />
              ))}
            </tbody>
          </table>
        )}
        {tab === 'route' && (
          <table>
            <thead>
              <tr>
                <th>ip route</th>
              </tr>
            </thead>
            <tbody>
              {ns.routes.map((r) => (
                <tr key={r.line}>
                  <td className="mono">{r.line}</td>
                </tr>
              ))}
            </tbody>
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
            <tbody>
              {ns.neigh.map((n) => (
                <tr key={`${n.dev} ${n.ip}`}>
                  <td>{n.ip}</td>
                  <td>{n.dev}</td>
                  <td className="mono">{macBreakable(n.lladdr ?? '')}</td>
                  <td>{n.state}</td>
                </tr>
              ))}
            </tbody>
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
            <tbody>
              {ns.fdb.map((f) => (
                <tr key={`${f.br} ${f.mac} ${f.dev}`}>
                  <td>{f.br}</td>
                  <td className="mono">{macBreakable(f.mac)}</td>
                  <td>{f.dev}</td>
                  <td>{tr(f.local ? 'fdb.local' : f.static ? 'fdb.static' : 'fdb.learned')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
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
