import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Workbox } from 'workbox-window';
import { App } from './app/App';

const container = document.getElementById('root');
if (!container) throw new Error('#root not found');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

/**
 * The service worker (vite-plugin-pwa, autoUpdate): precaches the app so that it opens offline. A new version takes
 * over at once; the page reloads to it unless a visit or evidence form is open (what was typed would be lost).
 */
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('controlling', (event) => {
    if (event.isUpdate && !/\/(visit|evidence)$/.test(location.pathname)) location.reload();
  });
  // Without a built worker (the development server) registration fails: the app works online as before.
  wb.register().catch(() => undefined);
}

// Queued visits and evidence are sent whenever the app runs online (src/web/field/sync.ts).
void import('./field/sync').then((m) => m.startSync());
