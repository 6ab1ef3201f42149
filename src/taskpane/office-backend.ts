/**
 * The task pane's backend inside Excel: each call loads the engine chunk (office-engine.ts: the Office.js
 * host, runCheck/clearRun, the ledger reader and the checks) on first use, so the pane's first screen
 * stays small. All failures arrive as BackendError with a Chinese sentence.
 */
import { BackendError, type PaneBackend } from './backend';

type Engine = typeof import('./office-engine');

let engine: Promise<Engine> | null = null;

function load(): Promise<Engine> {
  if (!engine) {
    engine = import(/* webpackChunkName: "engine" */ './office-engine').catch((e: unknown) => {
      engine = null; // try again next time (a chunk that failed to download)
      throw e;
    });
  }
  return engine;
}

async function withEngine<T>(fn: (e: Engine) => Promise<T>): Promise<T> {
  let e: Engine;
  try {
    e = await load();
  } catch {
    throw new BackendError('unknown', {}, '无法加载自查引擎，请关闭任务窗格后重新打开。');
  }
  return fn(e);
}

/** True when the pane runs inside Excel with the Excel JavaScript API available. */
export function inExcel(host: Office.HostType | null | undefined): boolean {
  if (typeof Office === 'undefined' || !Office.HostType) return false;
  return host === Office.HostType.Excel && typeof Excel !== 'undefined' && typeof Excel.run === 'function';
}

export const officeBackend: PaneBackend = {
  detect: () => withEngine((e) => e.detectInExcel()),
  check: (onProgress) => withEngine((e) => e.checkInExcel(onProgress).then((r) => r.outcome)),
  clear: () => withEngine((e) => e.clearInExcel()),
  historyRuns: () => withEngine((e) => e.historyRunsInExcel()),
  // A re-run replaces the previous marks and summary sheets: writing the summary is checking again.
  summarize: () => withEngine((e) => e.checkInExcel().then((r) => ({ sheets: r.sheets }))),
  select: (sheet, cell) => withEngine((e) => e.selectInExcel(sheet, cell)),
  loadSettings: () => withEngine((e) => e.loadSettingsInExcel()),
  saveSettings: (s) => withEngine((e) => e.saveSettingsInExcel(s)),
  diagnose: () => withEngine((e) => e.diagnoseInExcel()),
};
