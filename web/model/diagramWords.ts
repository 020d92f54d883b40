// The diagram's own words in the reader's language: the box titles and the physical network's parts, as
// the page draws them and as the pictures of it write them.
import type { TFunction } from 'i18next';
import type { NetnsData } from './diagram';

/** The parts of the physical network a station can be (StationData.label); anything else is a namespace's name. */
export const STATIONS = ['switch', 'LAN', 'gateway', 'internet'] as const;

/** A box titled as the article titles it. */
export function boxTitle(d: Pick<NetnsData, 'role' | 'ns' | 'title'>, t: TFunction): string {
  switch (d.role) {
    case 'host':
      return t('diagram.host');
    case 'lan':
      return t('diagram.lan');
    case 'vm':
      return t('diagram.vm', { name: d.ns });
    case 'container':
      return t('diagram.container', { name: d.ns });
    default:
      return d.title;
  }
}

export function stationLabel(label: string, t: TFunction): string {
  const known = STATIONS.find((l) => l === label);
  return known ? t(`station.${known}`) : label;
}
