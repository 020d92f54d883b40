// The one store of the app, cut into slices (zustand docs: "splitting the store into slices").
import { create, type UseBoundStore } from 'zustand';
import { batched, type BatchedStore } from './batch';
import { createTopologySlice, type TopologySlice } from './topology';
import { createSelectionSlice, type SelectionSlice } from './selection';
import { createTerminalSlice, type TerminalSlice } from './terminal';
import { createPlaybackSlice, type PlaybackSlice } from './playback';
import { createUiSlice, type UiSlice } from './ui';
import { createFlowsSlice, type FlowsSlice } from './flows';
import { createCapturesSlice, type CapturesSlice } from './captures';
import { createLessonSlice, type LessonSlice } from '../lessons/slice';
import { createLabsSlice, type LabsSlice } from './labs';
import { createStormSlice, type StormSlice } from './storm';

export type LabState = TopologySlice &
  SelectionSlice &
  TerminalSlice &
  PlaybackSlice &
  UiSlice &
  FlowsSlice &
  CapturesSlice &
  LessonSlice &
  LabsSlice &
  StormSlice;

export const createLabStore = (): UseBoundStore<BatchedStore<LabState>> =>
  create<LabState>()(
    batched((...a) => ({
      ...createTopologySlice(...a),
      ...createSelectionSlice(...a),
      ...createTerminalSlice(...a),
      ...createPlaybackSlice(...a),
      ...createUiSlice(...a),
      ...createFlowsSlice(...a),
      ...createCapturesSlice(...a),
      ...createLessonSlice(...a),
      ...createLabsSlice(...a),
      ...createStormSlice(...a),
    })),
  ) as UseBoundStore<BatchedStore<LabState>>;

export const useLab = createLabStore();
