/**
 * Browser bundle injected into the task pane page BEFORE any page script (page.addInitScript): the strict
 * fake Excel (test/office/fake-excel.ts) seeded from JSON, installed as `window.Excel`, and a shim that
 * makes office.js (which, in a plain browser, resolves Office.onReady with host null) report host Excel
 * with the display language under test. It also records CSP violations, and exposes `window.__junheng`
 * for the node side to read the workbook back.
 */
import { cellKey, FakeContext, FakeNoteCollection, FakeWorkbook, FakeWorksheet } from '../office/fake-excel';
import { fromState, toState, type FakeState } from './state';

export interface BootConfig {
  state: FakeState;
  displayLanguage: string;
  /** Delay added to each sync so the run's progress can be seen (ms). */
  syncDelayMs: number;
}

interface Violation {
  blockedURI: string;
  directive: string;
}

/** The minor number of an ExcelApi version ("1.9" → 9, "1.18" → 18). */
const minorOf = (v: string | number | undefined) => Number(String(v ?? '1.1').split('.')[1] ?? 0);

export function boot(cfg: BootConfig): void {
  const w = window as unknown as Record<string, unknown>;
  const excel = fromState(cfg.state);

  if (cfg.syncDelayMs > 0) {
    const sync = FakeContext.prototype.sync;
    FakeContext.prototype.sync = async function (this: FakeContext) {
      await new Promise((r) => setTimeout(r, cfg.syncDelayMs));
      return sync.call(this);
    };
  }

  // The fake stands in for Microsoft's hosted office.js, whose Excel has the notes API (the host looks for
  // it in the library, not only in the requirement sets): its classes carry `notes` as the library's do.
  w.Excel = { run: excel.run, NoteCollection: FakeNoteCollection, Workbook: FakeWorkbook, Worksheet: FakeWorksheet };

  const violations: Violation[] = [];
  document.addEventListener('securitypolicyviolation', (e) => violations.push({ blockedURI: e.blockedURI, directive: e.violatedDirective }));

  w.__junheng = {
    state: () => toState(excel),
    // one cell's value (cheap to poll, unlike the whole state), or null
    value: (sheet: string, row: number, col: number) => excel.sheet(sheet)?.cells.get(cellKey(row, col))?.value ?? null,
    // every context.sync() the page made (a test can tell that nothing was asked of Excel)
    syncs: () => excel.syncCount,
    violations: () => violations.slice(),
    setProtected: (name: string, on: boolean) => {
      const s = excel.sheet(name);
      if (!s) throw new Error(`no sheet ${name}`);
      s.protected = on;
    },
  };

  // office.js is a classic script in <head>; its load event fires right after it ran and before the
  // pane's deferred scripts, so Office is patched before the pane asks Office.onReady.
  let patched = false;
  const patch = () => {
    const O = w.Office as (typeof Office & Record<string, unknown>) | undefined;
    if (patched || !O || typeof O.onReady !== 'function') return;
    patched = true;
    const realOnReady = O.onReady.bind(O) as () => Promise<unknown>;
    const info = { host: O.HostType.Excel, platform: O.PlatformType?.OfficeOnline ?? 'OfficeOnline' };
    const lang = cfg.displayLanguage;
    const context = {
      displayLanguage: lang,
      contentLanguage: lang,
      // ExcelApi up to 1.18, compared as versions (1.9 < 1.13 < 1.18), as Office does.
      requirements: { isSetSupported: (set: string, v?: string | number) => set === 'ExcelApi' && minorOf(v) <= 18 },
      diagnostics: { version: '16.0.19127.20000（测试替身）', platform: 'OfficeOnline', host: 'Excel' },
      document: { url: 'http://127.0.0.1/示例县义务教育台账.xlsx' },
    };
    // office.js defines Office.context as a getter over its app factory, and defines it again while it
    // initialises: ours is put back once its own onReady has settled.
    const defineContext = () => Object.defineProperty(O, 'context', { configurable: true, enumerable: true, get: () => context, set: () => undefined });
    defineContext();
    // office.js's own onReady settles (host null) once it has initialised; then it answers host Excel.
    const ready = Promise.race([realOnReady().catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]).then(() => {
      defineContext();
      return info;
    });
    O.onReady = ((cb?: (i: typeof info) => void) =>
      ready.then((i) => {
        cb?.(i);
        return i;
      })) as unknown as typeof O.onReady;
  };
  document.addEventListener(
    'load',
    (e) => {
      const t = e.target as HTMLScriptElement | null;
      // office.js by its src: Microsoft's hosted …/lib/1/hosted/office.js, or office-js/office.js (OFFICE_JS=local)
      if (t && t.tagName === 'SCRIPT' && /\/office\.js(\?.*)?$/.test(t.src)) patch();
    },
    true,
  );
}
