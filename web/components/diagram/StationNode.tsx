import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import type { StationData } from '../../model/diagram';
import { SideHandles } from './SideHandles';

type N = Node<StationData, 'station'>;

const SIDES = ['t', 'l', 'r'] as const;

/** A part of the physical network (the switch, the gateway, the internet): its namespace, not its devices. */
function StationNodeView({ data, selected }: NodeProps<N>) {
  return (
    <div className={`station kind-${data.kind}${selected ? ' selected' : ''}`} data-ns={data.ns} title={`${data.label} (namespace ${data.ns}): click for its tables and terminal`}>
      <span className="station-label">{data.label}</span>
      <span className="station-detail">{data.detail}</span>
      <SideHandles sides={SIDES} />
    </div>
  );
}

export const StationNode = memo(StationNodeView);
