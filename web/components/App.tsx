import { useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Toolbar } from './Toolbar';
import { Palette } from './Palette';
import { Canvas } from './diagram/Canvas';
import { Inspector } from './Inspector';
import { Tables } from './Tables';
import { Terminal } from './Terminal';
import { FlowDock } from './flow/FlowDock';
import { LessonHost } from '../lessons/LessonHost';
import { PhoneTabs, type PhoneTab } from './PhoneTabs';
import { Welcome } from './Welcome';

export function App() {
  // which panel a phone shows below the diagram (wider screens show them all)
  const [phoneTab, setPhoneTab] = useState<PhoneTab>('term');
  return (
    <div className="app" data-phone-tab={phoneTab}>
      <Toolbar />
      <Palette />
      <ReactFlowProvider>
        <Canvas />
      </ReactFlowProvider>
      <PhoneTabs tab={phoneTab} onTab={setPhoneTab} />
      <aside className="side" aria-label="Inspector and tables">
        <Welcome />
        <Inspector />
        <Tables />
      </aside>
      <div className="bottom">
        <Terminal />
        <FlowDock />
      </div>
      <LessonHost />
    </div>
  );
}
