// The lab's actions on the page's store (web/store/actions/lab.ts holds them for any store).
import { useLab } from '../index';
import * as lab from './lab';

export const runTyped = (ns: string, text: string): void => lab.runTyped(useLab, ns, text);
export const undo = (): void => lab.undo(useLab);
export const redo = (): void => lab.redo(useLab);
export const loadPreset = (id: string): void => lab.loadPreset(useLab, id);
export const stopStorm = (term?: string): boolean => lab.stopStorm(useLab, term);
