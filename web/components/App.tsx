import { ReactFlowProvider } from '@xyflow/react';
import { Toolbar } from './Toolbar';
import { Palette } from './Palette';
import { Canvas } from './diagram/Canvas';
import { Inspector } from './Inspector';
import { Tables } from './Tables';
import { Terminal } from './Terminal';
import { FlowDock } from './flow/FlowDock';
import { LessonHost } from '../lessons/LessonHost';

export function App() {
  return (
    <div className="app">
      <Toolbar />
      <Palette />
      <ReactFlowProvider>
        <Canvas />
      </ReactFlowProvider>
      <div className="side">
        <Inspector />
        <Tables />
      </div>
      <div className="bottom">
        <Terminal />
        <FlowDock />
      </div>
      <LessonHost />
    </div>
  );
}
