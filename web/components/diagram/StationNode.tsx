import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import type { StationData } from '../../model/diagram';
import { SideHandles } from './SideHandles';
import { useTranslation } from 'react-i18next';
import { stationLabel } from '../../model/diagramWords';

type N = Node<StationData, 'station'>;

const SIDES = ['t', 'l', 'r'] as const;

/** A part of the physical network (the switch, the gateway, the internet): its namespace, not its devices. */
function StationNodeView({ data, selected }: NodeProps<N>) {
  const { t } = useTranslation();
  const label = stationLabel(data.label, t);
  return (
    <div
      className={`station kind-${data.kind}${selected ? ' selected' : ''}`}
      data-ns={data.ns}
      title={t('station.title', { label, netns: data.ns })}
    >
      <span className="station-label">{label}</span>
      <span className="station-detail">{data.detail}</span>
      <SideHandles sides={SIDES} />
    </div>
  );
}

export const StationNode = memo(StationNodeView);
