// An embedded lab: the diagram with its packet flow and playback bar, a terminal unless read-only, and a
// link that opens the same lab in the app. Sized to its frame; nothing of the visitor's is saved.
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../components/diagram/Canvas';
import { Terminal } from '../components/Terminal';
import { NoticeBar } from '../persist/LabMenu';
import { useLab } from '../store';
import { selLang } from '../lessons/selectors';
import { t } from '../i18n/strings';
import type { EmbedParams } from './params';

export function Embed({ params, href }: { params: EmbedParams; href: string }) {
  const lang = useLab(selLang);
  return (
    <main className={`embed${params.readonly ? ' embed-readonly' : ''}`}>
      <header className="embed-bar">
        <span className="embed-title">Linux Netlab</span>
        <NoticeBar />
        <a className="embed-open" href={href} target="_blank" rel="noopener">
          {t('openInApp', lang)}
        </a>
      </header>
      <ReactFlowProvider>
        <Canvas />
      </ReactFlowProvider>
      {!params.readonly && (
        <div className="embed-term">
          <Terminal />
        </div>
      )}
    </main>
  );
}
