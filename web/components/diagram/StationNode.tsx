import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { Node } from '@xyflow/react';
import type { StationData } from '../../model/diagram';

type N = Node<StationData, 'station'>;

const SIDES = [
  ['t', Position.Top],
  ['l', Position.Left],
  ['r', Position.Right],
] as const;

/** A part of the physical network (the switch, the gateway, the internet): its namespace, not its devices. */
function StationNodeView({ data, selected }: NodeProps<N>) {
  return (
    <div className={`station kind-${data.kind}${selected ? ' selected' : ''}`} data-ns={data.ns} title={`${data.label} (namespace ${data.ns}): click for its tables and terminal`}>
      <span className="station-label">{data.label}</span>
      <span className="station-detail">{data.detail}</span>
      {SIDES.map(([s, p]) => (
        <span key={s}>
          <Handle id={`${s}s`} type="source" position={p} isConnectable={false} />
          <Handle id={`${s}t`} type="target" position={p} isConnectable={false} />
        </span>
      ))}
    </div>
  );
}

export const StationNode = memo(StationNodeView);
