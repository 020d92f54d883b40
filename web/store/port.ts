// The store's way out to the simulation worker; the client installs it, tests install a fake.
import type { ToWorker } from '../protocol';

type Send = (m: ToWorker) => void;
let send: Send = () => {};

export function setPort(fn: Send): void {
  send = fn;
}

export function post(m: ToWorker): void {
  send(m);
}
