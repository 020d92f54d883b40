// UI state that is not the lab's: which preset is loaded, which table is shown, whether the worker is up.
import type { StateCreator } from 'zustand';
import type { LabState } from './index';

export type TableTab = 'addr' | 'route' | 'neigh' | 'fdb';
export type WorkerStatus = 'starting' | 'ready' | 'restarting' | 'failed';

export interface UiSlice {
  presetId: string;
  tableTab: TableTab;
  workerStatus: WorkerStatus;
  setTableTab: (t: TableTab) => void;
  setWorkerStatus: (s: WorkerStatus) => void;
}

export const createUiSlice: StateCreator<LabState, [], [], UiSlice> = (set) => ({
  presetId: 'bridge',
  tableTab: 'addr',
  workerStatus: 'starting',
  setTableTab: (tableTab) => set({ tableTab }),
  setWorkerStatus: (workerStatus) => set({ workerStatus }),
});
