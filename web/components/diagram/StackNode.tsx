import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { Node } from '@xyflow/react';
import type { StackData } from '../../model/diagram';

type N = Node<StackData, 'stack'>;

function StackNodeView(_: NodeProps<N>) {
  return (
    <div className="stack">
      Network Protocol Stack
      <Handle id="bs" type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

export const StackNode = memo(StackNodeView);
