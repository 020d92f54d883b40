import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { Node } from '@xyflow/react';
import type { NetnsData } from '../../model/diagram';
import { useTranslation } from 'react-i18next';
import { boxTitle } from '../../model/diagramWords';

type N = Node<NetnsData, 'netns'>;

/** A host, container, VM or physical network: a box titled as the article titles it. */
function NetnsNodeView({ data, selected }: NodeProps<N>) {
  const { t } = useTranslation();
  const title = boxTitle(data, t);
  return (
    <div className={`netns role-${data.role}${selected ? ' selected' : ''}`} data-ns={data.ns}>
      <div className="netns-title">{title}</div>
      {data.role !== 'lan' && <div className="netns-sep" style={{ top: data.sepY }} />}
    </div>
  );
}

export const NetnsNode = memo(NetnsNodeView);
