import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { Node } from '@xyflow/react';
import type { DeviceData } from '../../model/diagram';

type N = Node<DeviceData, 'device'>;

const SIDES = [
  ['t', Position.Top],
  ['b', Position.Bottom],
  ['l', Position.Left],
  ['r', Position.Right],
] as const;

/** A device as the article draws it: its address in a cell above its name. */
function DeviceNodeView({ data, selected }: NodeProps<N>) {
  const d = data.dev;
  const cls = ['dev', `kind-${d.kind}`, d.up ? 'is-up' : 'is-down', d.master ? 'is-port' : '', selected ? 'selected' : ''].join(' ');
  return (
    <div className={cls} data-dev={d.name} data-mac={d.mac} data-master={d.master ?? ''} title={`${d.name}: ${d.kind}, ${d.operstate}${d.master ? `, port of ${d.master} (${d.portState})` : ''}`}>
      <div className="dev-addr">
        {d.addrs.slice(0, 2).map((a) => (
          <span key={a.local}>{a.local}</span>
        ))}
      </div>
      <div className="dev-name">
        <span className="dev-label">{d.kind === 'tap' || d.kind === 'tun' ? `${d.name} (${d.kind})` : d.name}</span>
        <span className="dev-mac">{d.mac}</span>
      </div>
      {SIDES.map(([s, p]) => (
        <span key={s}>
          <Handle id={`${s}s`} type="source" position={p} isConnectable={false} />
          <Handle id={`${s}t`} type="target" position={p} isConnectable={false} />
        </span>
      ))}
    </div>
  );
}

export const DeviceNode = memo(DeviceNodeView);
