/**
 * Task pane entry. Waits for Office.onReady, then renders. In a plain browser office.js resolves with
 * host null (and if office.js did not load at all, the pane renders anyway after a short wait), so the
 * pane can be opened and tested outside Excel.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { placeholderBackend, type PaneBackend } from './backend';
import { officeDisplayLanguage, pickLocale } from './i18n';

/** Longest wait for office.js before rendering without it. */
const OFFICE_WAIT_MS = 5000;

function officeReady(): Promise<void> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return Promise.resolve();
  return Promise.race([
    Office.onReady().then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, OFFICE_WAIT_MS)),
  ]);
}

/** The engine behind the pane. `?demo` (outside Excel) shows sample data; otherwise the placeholder. */
async function chooseBackend(): Promise<PaneBackend> {
  if (new URLSearchParams(window.location.search).has('demo')) {
    const { demoBackend } = await import(/* webpackChunkName: "demo" */ './demo-backend');
    return demoBackend;
  }
  return placeholderBackend;
}

async function main(): Promise<void> {
  await officeReady();
  const backend = await chooseBackend();
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(<App backend={backend} officeLocale={pickLocale(officeDisplayLanguage())} />);
}

void main();
