// The page's one door into the model (ARCHITECTURE.md): what web/ may use without running the simulator:
// the snapshot and trace types it draws, the wire formats it dissects, the presets, the command specs (Tab,
// lab files), the lesson format. Pure modules only, so the page's first load carries no simulator; the
// workers that run it come in through ./runtime.ts. `npm run -s lint:deps` keeps web/ to these two.
export { CAPTURE_RING } from './apps/capture_ring';
export { formatFrame } from './apps/tcpdump_print';
export { fmtIp4 } from './core/addr';
export { own } from './core/own';
export { isOutsideWorldLine } from './labs/outside_world';
export { FIRST_PRESET, PRESETS } from './labs/presets/article';
export type { StepStart } from './lessons/runner';
export {
  type CheckResult,
  type Lang,
  type Lesson,
  type LessonCommand,
  type LessonStep,
  type Text,
  commandLine,
  pick,
} from './lessons/types';
export type { StormReport } from './net/backlog';
export type { TraceEvent } from './net/trace';
export { COMMANDS, COMMAND_SPECS, type CompletionContext, completionCandidates } from './shell/commands';
export type { ConfKey, DevSnap, FdbSnap, NeighSnap, NsSnap, RouteSnap, Snapshot, StackLink } from './snapshot';
export { ARPOP_REPLY, ARPOP_REQUEST, arpOp } from './wire/arp';
export { LLC_SAP_BSPAN, llcDsap } from './wire/bpdu';
export { type Field, dissect } from './wire/dissect';
export { ETH_HLEN, ETH_P_802_3_MIN, ETH_P_ARP, ETH_P_IP, ETH_P_IPV6, ethType } from './wire/ethernet';
export { ICMP_ECHO, ICMP_ECHOREPLY, icmpType } from './wire/icmp';
export {
  IPPROTO_ICMP,
  IPPROTO_IGMP,
  IPV4_HLEN,
  ipv4Dst,
  ipv4HeaderLen,
  ipv4Protocol,
  ipv4Src,
  ipv4TotalLen,
  ipv4Version,
} from './wire/ipv4';
export { writePcap } from './wire/pcap';
