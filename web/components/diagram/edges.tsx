// The three kinds of line in the article's diagrams: stack arrows, bridge links and wires (the shapes
// are in model/paths, which the travelling frames follow too).
import { memo } from 'react';
import type { EdgeProps, Edge } from '@xyflow/react';
import type { EdgeData } from '../../model/diagram';
import { bridgePoints, stackPoints, svgPath, wirePoints } from '../../model/paths';
import { useLab } from '../../store';

type P = EdgeProps<Edge<EdgeData>>;

const arrows = (p: P) => (p.markerStart && p.markerEnd ? 'both' : p.markerEnd ? 'end' : 'none');

function Line({ id, d, p, cls }: { id: string; d: string; p: P; cls: string }) {
  // both ends in a broadcast storm: the frames go round through this link
  const storm = useLab((s) => !!s.storm && s.storm.ids.has(p.source) && s.storm.ids.has(p.target));
  return (
    <path
      className={`react-flow__edge-path ${cls}${storm ? ' is-storm' : ''}`}
      data-storm={storm ? '1' : undefined}
      data-edge={id}
      data-arrows={arrows(p)}
      data-link={p.data?.link ?? ''}
      d={d}
      markerStart={p.markerStart}
      markerEnd={p.markerEnd}
      fill="none"
    />
  );
}

function StackEdgeView(p: P) {
  return <Line id={p.id} p={p} cls="edge-stack" d={svgPath(stackPoints(p.sourceX, p.sourceY, p.targetX, p.targetY))} />;
}

function BridgeEdgeView(p: P) {
  return (
    <Line
      id={p.id}
      p={p}
      cls="edge-bridge"
      d={svgPath(bridgePoints(p.sourceX, p.sourceY, p.targetX, p.targetY, p.data?.lane ?? 0))}
    />
  );
}

function WireEdgeView(p: P) {
  return (
    <Line
      id={p.id}
      p={p}
      cls="edge-wire"
      d={svgPath(
        wirePoints(p.sourceX, p.sourceY, p.targetX, p.targetY, p.data?.lane ?? 0, !!p.data?.straight, p.data?.down),
      )}
    />
  );
}

export const StackEdge = memo(StackEdgeView);
export const BridgeEdge = memo(BridgeEdgeView);
export const WireEdge = memo(WireEdgeView);
