// The bridge's tunables that `ip link ... type bridge` sets and `ip -d link` shows and that the model
// keeps as state only (net/bridge/br_device.c br_dev_setup(), br_multicast.c br_multicast_ctx_init()):
// multicast snooping's timers and counters, the querier, the group address, the netfilter switches.
// Intervals are kept in jiffies, as the kernel keeps them.
import type { Mac } from '../core/addr';

/** HZ of the kernel the transcripts come from; user space speaks clock_t (USER_HZ 100) */
export const HZ = 250;
/** clock_t_to_jiffies() for HZ 250: x * HZ / USER_HZ, rounded down */
export const clockToJiffies = (cs: number) => Math.floor((cs * HZ) / 100);
/** jiffies_to_clock_t() for HZ 250 */
export const jiffiesToClock = (j: number) => Math.floor((j * 100) / HZ);

export interface BridgeOpts {
  /** br->group_addr: 01:80:c2:00:00:00 until set */
  groupAddr: Mac;
  /** BROPT_NO_LL_LEARN: link-local frames do not teach the FDB */
  noLinklocalLearn: boolean;
  /** multicast_router: 0 off, 1 learnt from queries, 2 always */
  mcastRouter: number;
  mcastQueryUseIfaddr: boolean;
  mcastQuerier: boolean;
  mcastHashMax: number;
  mcastLastMemberCount: number;
  mcastStartupQueryCount: number;
  /** jiffies */
  mcastLastMemberInterval: number;
  mcastMembershipInterval: number;
  mcastQuerierInterval: number;
  mcastQueryInterval: number;
  mcastQueryResponseInterval: number;
  mcastStartupQueryInterval: number;
  mcastStatsEnabled: boolean;
  mcastIgmpVersion: number;
  mcastMldVersion: number;
  /** BROPT_NF_CALL_IPTABLES and friends: OR'ed with the net.bridge.bridge-nf-call-* sysctls */
  nfCallIptables: boolean;
  nfCallIp6tables: boolean;
  nfCallArptables: boolean;
}

/** br_multicast_ctx_init() and br_multicast_init() defaults */
export function defaultBridgeOpts(): BridgeOpts {
  const queryInterval = 125 * HZ;
  return {
    groupAddr: 0x0180c2000000 as Mac,
    noLinklocalLearn: false,
    mcastRouter: 1,
    mcastQueryUseIfaddr: false,
    mcastQuerier: false,
    mcastHashMax: 4096,
    mcastLastMemberCount: 2,
    mcastStartupQueryCount: 2,
    mcastLastMemberInterval: HZ,
    mcastMembershipInterval: 260 * HZ,
    mcastQuerierInterval: 255 * HZ,
    mcastQueryInterval: queryInterval,
    mcastQueryResponseInterval: 10 * HZ,
    mcastStartupQueryInterval: Math.floor(queryInterval / 4),
    mcastStatsEnabled: false,
    mcastIgmpVersion: 2,
    mcastMldVersion: 1,
    nfCallIptables: false,
    nfCallIp6tables: false,
    nfCallArptables: false,
  };
}
