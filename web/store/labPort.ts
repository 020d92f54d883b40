// How undo and redo reach whole labs: the persist layer installs these (it knows how to take the open lab
// as a file and apply one); tests may install fakes. Kept apart so the store does not import the page's
// persistence code.
import type { LabFile } from '../persist/format';

export interface LabSwap {
  /** brings back the newest replaced lab; the open one goes to redo */
  undo(): void;
  /** opens `lab` again (a redo), the open one going back to undo */
  redo(lab: LabFile): void;
}

let swap: LabSwap = { undo: () => {}, redo: () => {} };

export function setLabSwap(s: LabSwap): void {
  swap = s;
}

export const labSwap = (): LabSwap => swap;
