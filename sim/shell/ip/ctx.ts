// What an ip command runs against: the namespace it was started in and iproute2's global options.
import type { NetDevice } from '../../net/netdevice';
import type { Netns } from '../../net/netns';
import type { World } from '../../net/world';

export interface IpCtx {
  world: World;
  ns: Netns;
  brief: boolean;
  oneline: boolean;
  details: boolean;
  /** how many -s were given */
  stats: number;
  /** -4 / -f inet: only devices with IPv4 addresses are listed by ip addr */
  inetOnly: boolean;
  printLinks(devs: NetDevice[], forAddr: boolean): string[];
}
