// What the simulation reports about a frame's life, for packet flows (one plain sentence each).

export type TraceEvent =
  | { type: 'xmit'; time: number; ns: string; dev: string; frameId: number; bytes: Uint8Array; fn: string }
  | { type: 'rx'; time: number; ns: string; dev: string; frameId: number; bytes: Uint8Array; fn: string }
  | { type: 'drop'; time: number; ns: string; dev: string; frameId: number; reason: string; fn: string }
  | { type: 'note'; time: number; ns: string; dev: string; frameId: number; what: string; fn: string };
