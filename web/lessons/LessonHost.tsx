// What the lesson work adds to the page: the notice line, the lesson pane (loaded when a lesson opens)
// and classroom mode.
import { lazy, Suspense } from 'react';
import { useLab } from '../store';
import { selClassroom, selLessonOpen } from './selectors';
import { NoticeBar } from '../persist/LabMenu';

const LessonPane = lazy(() => import('./LessonPane').then((m) => ({ default: m.LessonPane })));
const Classroom = lazy(() => import('../classroom/Classroom').then((m) => ({ default: m.Classroom })));

export function LessonHost() {
  const open = useLab(selLessonOpen);
  const classroom = useLab(selClassroom);
  return (
    <>
      <NoticeBar />
      <Suspense fallback={null}>
        {open && <LessonPane />}
        {classroom && <Classroom />}
      </Suspense>
    </>
  );
}
