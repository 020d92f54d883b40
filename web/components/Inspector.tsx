import { useState, type FormEvent } from 'react';
import { useLab } from '../store';
import { selRunAction, selSelectedDevice, selSelectedId, selSelectedNsSnap, selNamespaceNames, selSelFrame } from '../store/selectors';
import type { DevSnap } from '../../sim/snapshot';
import { CONF_MAX, INSPECTED_CONF } from '../model/conf';
import { FrameInspector } from './flow/FrameInspector';
import { CaptureButton } from './flow/CaptureButton';

export function Inspector() {
  const selectedId = useLab(selSelectedId);
  const dev = useLab(selSelectedDevice);
  const ns = useLab(selSelectedNsSnap);
  const frame = useLab(selSelFrame);
  if (frame !== null) return <FrameInspector />;
  if (!ns) return null;
  if (dev) return <DeviceInspector key={`${ns.name}:${dev.name}`} ns={ns.name} dev={dev} bridges={ns.devices.filter((d) => d.kind === 'bridge').map((d) => d.name)} />;
  if (selectedId?.startsWith('ns:')) return <NetnsInspector ns={ns.name} ipForward={ns.ipForward} />;
  return (
    <section className="inspector empty">
      <p>Click a device or a box to inspect it. Type commands in the terminal below; every change you make on the diagram is typed there for you.</p>
    </section>
  );
}

function NetnsInspector({ ns, ipForward }: { ns: string; ipForward: number }) {
  const run = useLab(selRunAction);
  return (
    <section className="inspector" aria-label={`Inspector ${ns}`}>
      <h3>{ns}</h3>
      <label>
        <input type="checkbox" checked={ipForward === 1} onChange={(e) => run({ type: 'setIpForward', ns, value: e.target.checked ? 1 : 0 })} /> net.ipv4.ip_forward
      </label>
      {ns !== 'host' && (
        <button type="button" className="danger" onClick={() => run({ type: 'deleteNs', ns })}>
          Delete namespace
        </button>
      )}
    </section>
  );
}

function DeviceInspector({ ns, dev, bridges }: { ns: string; dev: DevSnap; bridges: string[] }) {
  const run = useLab(selRunAction);
  const nsNames = useLab(selNamespaceNames).split(' ');
  const [mac, setMac] = useState(dev.mac);
  const [cidr, setCidr] = useState('');
  const onMac = (e: FormEvent) => {
    e.preventDefault();
    run({ type: 'setMac', ns, dev: dev.name, mac });
  };
  const onAddr = (e: FormEvent) => {
    e.preventDefault();
    if (cidr.trim()) run({ type: 'addAddr', ns, dev: dev.name, cidr: cidr.trim() });
    setCidr('');
  };
  return (
    <section className="inspector" aria-label={`Inspector ${dev.name}`}>
      <h3>
        {dev.name} <small>{dev.kind} · {ns} · {dev.operstate}{dev.portState ? ` · port ${dev.portState}, cost ${dev.portCost}` : ''}</small>
      </h3>
      <div className="row">
        <label>
          <input type="checkbox" aria-label="up" checked={dev.up} onChange={(e) => run({ type: 'setUp', ns, dev: dev.name, up: e.target.checked })} /> up
        </label>
        <CaptureButton ns={ns} dev={dev.name} />
      </div>
      <form onSubmit={onMac} className="row">
        <label>
          MAC <input aria-label="MAC address" className="mono" value={mac} onChange={(e) => setMac(e.target.value)} size={17} />
        </label>
        <button type="submit">Set</button>
      </form>
      <div className="addrs">
        {dev.addrs.map((a) => (
          <div key={a.local} className="row">
            <span className="mono">{`${a.local}/${a.prefixlen}`}</span>
            <button type="button" aria-label={`Delete ${a.local}`} onClick={() => run({ type: 'delAddr', ns, dev: dev.name, cidr: `${a.local}/${a.prefixlen}` })}>
              ×
            </button>
          </div>
        ))}
        <form onSubmit={onAddr} className="row">
          <input aria-label="New address" placeholder="192.168.3.101/24" value={cidr} onChange={(e) => setCidr(e.target.value)} size={18} />
          <button type="submit">Add address</button>
        </form>
      </div>
      {dev.kind !== 'bridge' && (
        <label className="row">
          master{' '}
          <select aria-label="master" value={dev.master ?? ''} onChange={(e) => run(e.target.value ? { type: 'enslave', ns, dev: dev.name, br: e.target.value } : { type: 'release', ns, dev: dev.name })}>
            <option value="">(none)</option>
            {bridges.map((b) => (
              <option key={b} value={b}>{b}</option>
            ))}
          </select>
        </label>
      )}
      {dev.kind !== 'bridge' && (
        <label className="row">
          namespace{' '}
          <select aria-label="namespace" value={ns} onChange={(e) => run({ type: 'moveToNs', ns, dev: dev.name, to: e.target.value })}>
            {nsNames.map((n) => (
              <option key={n} value={n}>{n}</option>
            ))}
          </select>
        </label>
      )}
      <fieldset>
        <legend>net.ipv4.conf.{dev.name}</legend>
        {INSPECTED_CONF.map((k) => (
          <label key={k} className="row conf">
            {k}
            <input type="number" min={0} max={CONF_MAX[k]} aria-label={k} value={dev.conf[k]} onChange={(e) => run({ type: 'setConf', ns, dev: dev.name, key: k, value: Number(e.target.value) })} />
          </label>
        ))}
      </fieldset>
      <button type="button" className="danger" onClick={() => run({ type: 'deleteDev', ns, dev: dev.name })}>
        Delete {dev.name}
      </button>
    </section>
  );
}
