// The React part of the page, loaded after the worker has been started so the two load side by side.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/base.css';
import './styles.css';
import './layout.css';
import { App } from './components/App';

export function mount(el: HTMLElement): void {
  createRoot(el).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
