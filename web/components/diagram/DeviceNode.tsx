import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { DeviceData } from '../../model/diagram';
import { SideHandles } from './SideHandles';
import { useLab } from '../../store';
import { devId } from '../../model/ids';
import { useTranslation } from 'react-i18next';

type N = Node<DeviceData, 'device'>;

const SIDES = ['t', 'b', 'l', 'r'] as const;

/** A device as the article draws it: its address in a cell above its name. */
function DeviceNodeView({ data, selected }: NodeProps<N>) {
  const d = data.dev;
  const { t } = useTranslation();
  // a broadcast storm drops what arrives on it (or it is the bridge of such ports)
  const storm = useLab((s) => !!s.storm?.ids.has(devId(data.ns, d.name)));
  const cls = [
    'dev',
    `kind-${d.kind}`,
    d.up ? 'is-up' : 'is-down',
    d.master ? 'is-port' : '',
    selected ? 'selected' : '',
    storm ? 'is-storm' : '',
  ].join(' ');
  return (
    <div
      className={cls}
      data-dev={d.name}
      data-storm={storm ? '1' : undefined}
      data-mac={d.mac}
      data-master={d.master ?? ''}
      title={
        d.master
          ? t('dev.titlePort', {
              name: d.name,
              kind: d.kind,
              state: d.operstate,
              master: d.master,
              portState: d.portState ?? '',
            })
          : t('dev.title', { name: d.name, kind: d.kind, state: d.operstate })
      }
    >
      <div className="dev-addr">
        {d.addrs.slice(0, 2).map((a) => (
          <span key={a.local}>{a.local}</span>
        ))}
      </div>
      <div className="dev-name">
        <span className="dev-label">{d.tag ? `${d.name} (${d.tag})` : d.name}</span>
        <span className="dev-mac">
          <span className="mac-head">{d.mac.slice(0, 9)}</span>
          {d.mac.slice(9)}
        </span>
      </div>
      <SideHandles sides={SIDES} />
      {/* a wire is drawn from here onto a bridge, a box or the LAN switch (Canvas's onConnectEnd) */}
      <Handle
        id="wire"
        type="source"
        position={Position.Right}
        className="wire-handle"
        isConnectableStart
        isConnectableEnd={false}
        title={t('wire.handle', { dev: d.name })}
      />
    </div>
  );
}

export const DeviceNode = memo(DeviceNodeView);
