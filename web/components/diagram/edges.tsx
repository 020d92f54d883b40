// The three kinds of line in the article's diagrams: stack arrows, bridge links and wires.
import { memo } from 'react';
import type { EdgeProps, Edge } from '@xyflow/react';
import type { EdgeData } from '../../model/diagram';

type P = EdgeProps<Edge<EdgeData>>;

const arrows = (p: P) => (p.markerStart && p.markerEnd ? 'both' : p.markerEnd ? 'end' : 'none');

function Line({ id, d, p, cls }: { id: string; d: string; p: P; cls: string }) {
  return <path className={`react-flow__edge-path ${cls}`} data-edge={id} data-arrows={arrows(p)} data-link={p.data?.link ?? ''} d={d} markerStart={p.markerStart} markerEnd={p.markerEnd} fill="none" />;
}

/** Straight up from the device to the stack bar, as the article's ↑/↓ columns. */
function StackEdgeView(p: P) {
  return <Line id={p.id} p={p} cls="edge-stack" d={`M ${p.targetX},${p.sourceY} L ${p.targetX},${p.targetY}`} />;
}

/** br0 <---> port: straight when side by side, else under the row. */
function BridgeEdgeView(p: P) {
  const lane = p.data?.lane ?? 0;
  const d = lane === 0 ? `M ${p.sourceX},${p.sourceY} L ${p.targetX},${p.targetY}` : `M ${p.sourceX},${p.sourceY} V ${Math.max(p.sourceY, p.targetY) + 6 + lane * 6} H ${p.targetX} V ${p.targetY}`;
  return <Line id={p.id} p={p} cls="edge-bridge" d={d} />;
}

/** A cable: veth ends joined under the row, a NIC down to the physical network. */
function WireEdgeView(p: P) {
  if (p.data?.straight) return <Line id={p.id} p={p} cls="edge-wire" d={`M ${p.sourceX},${p.sourceY} L ${p.targetX},${p.targetY}`} />;
  const down = p.targetY > p.sourceY + 40;
  const y = down ? p.targetY - 28 : Math.max(p.sourceY, p.targetY) + 30 + (p.data?.lane ?? 0) * 8;
  return <Line id={p.id} p={p} cls="edge-wire" d={`M ${p.sourceX},${p.sourceY} V ${y} H ${p.targetX} V ${p.targetY}`} />;
}

export const StackEdge = memo(StackEdgeView);
export const BridgeEdge = memo(BridgeEdgeView);
export const WireEdge = memo(WireEdgeView);
