/**
 * Task pane entry. Waits for Office.onReady, then renders. In a plain browser office.js resolves with
 * host null (and if office.js did not load at all, the pane renders anyway after a short wait), so the
 * pane can be opened and tested outside Excel.
 */
import './no-eval'; // first: zod without eval under the page's CSP
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { placeholderBackend, type PaneBackend } from './backend';
import { officeDisplayLanguage, pickLocale } from './i18n';
import { inExcel, officeBackend } from './office-backend';

/** Longest wait for office.js before rendering without it. */
const OFFICE_WAIT_MS = 5000;

/** The Office host the pane runs in (null in a plain browser or when office.js did not answer). */
function officeReady(): Promise<Office.HostType | null> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return Promise.resolve(null);
  return Promise.race([
    Office.onReady().then((info) => info?.host ?? null),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFICE_WAIT_MS)),
  ]);
}

/**
 * The engine behind the pane: inside Excel (host Excel and the Excel API present) the Office backend;
 * `?demo` outside Excel shows sample data; otherwise the placeholder (尚未接入).
 */
async function chooseBackend(host: Office.HostType | null): Promise<PaneBackend> {
  if (inExcel(host)) return officeBackend;
  if (new URLSearchParams(window.location.search).has('demo')) {
    const { demoBackend } = await import(/* webpackChunkName: "demo" */ './demo-backend');
    return demoBackend;
  }
  return placeholderBackend;
}

async function main(): Promise<void> {
  const host = await officeReady();
  const backend = await chooseBackend(host);
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(<App backend={backend} officeLocale={pickLocale(officeDisplayLanguage())} />);
}

void main();
