// What the lab posts while it handles one message or one tick, sent to the page as one message: the page
// then applies a whole flush (a pasted script's thousands of echoes, log entries and outputs, the snapshot)
// in one store update and one render, not one per line.
import { fromWorker, type FromWorker } from '../protocol';

export type Send = (m: FromWorker, transfer: ArrayBuffer[]) => void;

export class Outbox {
  private msgs: FromWorker[] = [];
  private transfer: ArrayBuffer[] = [];

  constructor(private readonly send: Send) {}

  /** The Lab's post: kept until `flush`. */
  readonly post = (m: FromWorker, transfer?: ArrayBuffer[]): void => {
    this.msgs.push(m);
    if (transfer) this.transfer.push(...transfer);
  };

  /** Sends what was kept: alone when it is one message, else as one batch (the buffers of all handed over). */
  flush(): void {
    if (!this.msgs.length) return;
    const msgs = this.msgs;
    const transfer = this.transfer;
    this.msgs = [];
    this.transfer = [];
    this.send(msgs.length === 1 ? msgs[0]! : fromWorker({ type: 'batch', msgs }), transfer);
  }
}
