// Lesson, language, classroom and notices: the slice of the store the lesson pane, the classroom and the
// lab menu read. The lesson itself is data validated by the lesson worker; checks run there too.
import type { StateCreator } from 'zustand';
import type { CheckResult, Lesson } from '../../sim/index';
import { rememberLang, type Lang } from '../i18n/lang';
import { i18n, setLanguage } from '../i18n/i18n';
import type { LabState } from '../store';

export type Verdict = { state: 'pending' } | { state: 'done'; result: CheckResult | null; error?: string };
export interface Notice {
  kind: 'error' | 'info';
  text: string;
  /** buttons beside the text (e.g. "Download lab file" when saving failed) */
  actions?: { label: string; run: () => void }[];
}

export interface LessonSlice {
  lang: Lang;
  classroom: boolean;
  lessonOpen: boolean;
  lesson: Lesson | null;
  lessonStep: number;
  /** log group -> id of the step it ran during */
  lessonMarks: Record<string, string>;
  verdicts: Record<string, Verdict>;
  notice: Notice | null;
  /** the lab of a step's start is being built (the lesson worker computes it, the sim worker replays it) */
  lessonStarting: boolean;
  /** the captures a step's run opened, in the order the step names them (their terminals) */
  lessonCaptures: { step: string; terms: string[] } | null;
  /** the step whose commands ran since it was entered (Space in classroom mode then plays/pauses) */
  lessonRan: string | null;
  /** counts the runs that opened captures: the Captures pane comes to the front on each */
  capturesShown: number;
  setLang: (l: Lang) => void;
  setClassroom: (on: boolean) => void;
  setLessonOpen: (on: boolean) => void;
  setLesson: (l: Lesson | null, step?: number, marks?: Record<string, string>) => void;
  setLessonStep: (i: number) => void;
  markGroup: (group: string, step: string) => void;
  setVerdict: (step: string, v: Verdict) => void;
  setNotice: (n: Notice | null) => void;
}

export const createLessonSlice: StateCreator<LabState, [], [], LessonSlice> = (set) => ({
  lang: i18n.language === 'zh' ? 'zh' : 'en',
  classroom: false,
  lessonOpen: false,
  lesson: null,
  lessonStep: 0,
  lessonMarks: {},
  verdicts: {},
  notice: null,
  lessonStarting: false,
  lessonCaptures: null,
  capturesShown: 0,
  lessonRan: null,
  setLang: (lang) => {
    rememberLang(lang);
    setLanguage(lang);
    set({ lang });
  },
  setClassroom: (classroom) => set({ classroom }),
  setLessonOpen: (lessonOpen) => set({ lessonOpen }),
  setLesson: (lesson, step = 0, marks = {}) =>
    set({
      lesson,
      lessonStep: step,
      lessonMarks: marks,
      verdicts: {},
      lessonOpen: lesson !== null,
      lessonStarting: false,
      lessonCaptures: null,
      lessonRan: null,
    }),
  setLessonStep: (i) =>
    set((s) => (s.lesson ? { lessonStep: Math.max(0, Math.min(s.lesson.steps.length - 1, i)) } : s)),
  markGroup: (group, step) => set((s) => ({ lessonMarks: { ...s.lessonMarks, [group]: step } })),
  setVerdict: (step, v) => set((s) => ({ verdicts: { ...s.verdicts, [step]: v } })),
  setNotice: (notice) => set({ notice }),
});
