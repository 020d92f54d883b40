import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { Node } from '@xyflow/react';
import type { StackData } from '../../model/diagram';
import { useTranslation } from 'react-i18next';

type N = Node<StackData, 'stack'>;

function StackNodeView(_: NodeProps<N>) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      {t('diagram.stack')}
      <Handle id="bs" type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

export const StackNode = memo(StackNodeView);
