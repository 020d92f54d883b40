import { useState, type FormEvent } from 'react';
import { useLab } from '../store';
import {
  selRunAction,
  selSelectedDevice,
  selSelectedId,
  selSelectedNsSnap,
  selNamespaceNames,
  selSelFrame,
} from '../store/selectors';
import type { DevSnap } from '../../sim/index';
import { CONF_MAX, INSPECTED_CONF } from '../model/conf';
import { FrameInspector } from './flow/FrameInspector';
import { CaptureButton } from './flow/CaptureButton';
import { useTranslation } from 'react-i18next';

export function Inspector() {
  const selectedId = useLab(selSelectedId);
  const dev = useLab(selSelectedDevice);
  const ns = useLab(selSelectedNsSnap);
  const frame = useLab(selSelFrame);
  const { t } = useTranslation();
  if (frame !== null) return <FrameInspector />;
  if (!ns) return null;
  if (dev)
    return (
      <DeviceInspector
        key={`${ns.name}:${dev.name}`}
        ns={ns.name}
        dev={dev}
        bridges={ns.devices.filter((d) => d.node === 'switch').map((d) => d.name)}
      />
    );
  if (selectedId?.startsWith('ns:')) return <NetnsInspector ns={ns.name} ipForward={ns.ipForward} />;
  return (
    <section className="inspector empty">
      <p>{t('insp.empty')}</p>
    </section>
  );
}

function NetnsInspector({ ns, ipForward }: { ns: string; ipForward: number }) {
  const run = useLab(selRunAction);
  const { t } = useTranslation();
  return (
    <section className="inspector" aria-label={t('insp.label', { name: ns })}>
      <h2>{ns}</h2>
      <label>
        <input
          type="checkbox"
          checked={ipForward === 1}
          onChange={(e) => run({ type: 'setIpForward', ns, value: e.target.checked ? 1 : 0 })}
        />{' '}
        net.ipv4.ip_forward
      </label>
      {ns !== 'host' && (
        <button type="button" className="danger" onClick={() => run({ type: 'deleteNs', ns })}>
          {t('insp.deleteNs')}
        </button>
      )}
    </section>
  );
}

function DeviceInspector({ ns, dev, bridges }: { ns: string; dev: DevSnap; bridges: string[] }) {
  const run = useLab(selRunAction);
  const nsNames = useLab(selNamespaceNames).split(' ');
  const [mac, setMac] = useState(dev.mac);
  const { t } = useTranslation();
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
    <section className="inspector" aria-label={t('insp.label', { name: dev.name })}>
      <h2>
        {dev.name}{' '}
        <small>
          {dev.kind} · {ns} · {dev.operstate}
          {dev.portState ? t('insp.port', { state: dev.portState, cost: dev.portCost }) : ''}
        </small>
      </h2>
      <div className="row">
        <label>
          <input
            type="checkbox"
            aria-label={t('insp.up')}
            checked={dev.up}
            onChange={(e) => run({ type: 'setUp', ns, dev: dev.name, up: e.target.checked })}
          />{' '}
          {t('insp.up')}
        </label>
        <CaptureButton ns={ns} dev={dev.name} />
      </div>
      <form onSubmit={onMac} className="row">
        <label>
          MAC{' '}
          <input
            aria-label={t('insp.macLabel')}
            className="mono"
            value={mac}
            onChange={(e) => setMac(e.target.value)}
            size={17}
          />
        </label>
        <button type="submit">{t('insp.set')}</button>
      </form>
      <div className="addrs">
        {dev.addrs.map((a) => (
          <div key={a.local} className="row">
            <span className="mono">{`${a.local}/${a.prefixlen}`}</span>
            <button
              type="button"
              aria-label={t('insp.deleteAddr', { addr: a.local })}
              onClick={() => run({ type: 'delAddr', ns, dev: dev.name, cidr: `${a.local}/${a.prefixlen}` })}
            >
              ×
            </button>
          </div>
        ))}
        <form onSubmit={onAddr} className="row">
          <input
            aria-label={t('insp.newAddr')}
            placeholder="192.168.3.101/24"
            value={cidr}
            onChange={(e) => setCidr(e.target.value)}
            size={18}
          />
          <button type="submit">{t('insp.addAddr')}</button>
        </form>
      </div>
      {dev.node !== 'switch' && (
        <label className="row">
          {t('insp.master')}{' '}
          <select
            aria-label={t('insp.master')}
            value={dev.master ?? ''}
            onChange={(e) =>
              run(
                e.target.value
                  ? { type: 'enslave', ns, dev: dev.name, br: e.target.value }
                  : { type: 'release', ns, dev: dev.name },
              )
            }
          >
            <option value="">{t('insp.none')}</option>
            {bridges.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
      )}
      {dev.node !== 'switch' && (
        <label className="row">
          {t('insp.namespace')}{' '}
          <select
            aria-label={t('insp.namespace')}
            value={ns}
            onChange={(e) => run({ type: 'moveToNs', ns, dev: dev.name, to: e.target.value })}
          >
            {nsNames.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset>
        <legend>net.ipv4.conf.{dev.name}</legend>
        {INSPECTED_CONF.map((k) => (
          <label key={k} className="row conf">
            {k}
            <input
              type="number"
              min={0}
              max={CONF_MAX[k]}
              aria-label={k}
              value={dev.conf[k]}
              onChange={(e) => run({ type: 'setConf', ns, dev: dev.name, key: k, value: Number(e.target.value) })}
            />
          </label>
        ))}
      </fieldset>
      <button type="button" className="danger" onClick={() => run({ type: 'deleteDev', ns, dev: dev.name })}>
        {t('insp.delete', { name: dev.name })}
      </button>
    </section>
  );
}
