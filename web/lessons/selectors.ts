// Selectors of the lesson slice, at module level.
import type { LabState } from '../store';

export const selLang = (s: LabState) => s.lang;
export const selSetLang = (s: LabState) => s.setLang;
export const selClassroom = (s: LabState) => s.classroom;
export const selSetClassroom = (s: LabState) => s.setClassroom;
export const selLessonOpen = (s: LabState) => s.lessonOpen;
export const selSetLessonOpen = (s: LabState) => s.setLessonOpen;
export const selLesson = (s: LabState) => s.lesson;
export const selLessonStep = (s: LabState) => s.lessonStep;
export const selCurrentStep = (s: LabState) => s.lesson?.steps[s.lessonStep] ?? null;
export const selCurrentVerdict = (s: LabState) => {
  const id = s.lesson?.steps[s.lessonStep]?.id;
  return id ? (s.verdicts[id] ?? null) : null;
};
export const selNotice = (s: LabState) => s.notice;
export const selSetNotice = (s: LabState) => s.setNotice;
export const selLessonStarting = (s: LabState) => s.lessonStarting;
export const selLessonCaptures = (s: LabState) => s.lessonCaptures;
export const selCapturesShown = (s: LabState) => s.capturesShown;
