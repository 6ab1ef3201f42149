/**
 * The engine side of the Office backend, loaded on demand (its own chunk): the Office.js host, the run
 * orchestration, the ledger reader, the checks and the standard. Used by the task pane (office-backend.ts)
 * and by the ribbon commands, so both run the same code with the settings saved in the workbook.
 *
 * Every failure leaves here as a BackendError carrying one Chinese sentence (officeErrorMessage, a
 * StandardError's message, the run's own refusal) — never an Office.js or JavaScript message.
 */
import { runCheck, clearRun, savedHistory, type RunOptions, type RunResult, type RunStage } from '../host/run';
import { applySettings, readSettings, writeSettings } from '../host/apply-settings';
import { ledgerGrids } from '../host/ledger-sheets';
import type { WorkbookSettings } from '../host/settings';
import type { SheetGrid } from '../ledger/grid';
import { cellDateText } from '../ledger/dates';
import { columnLetter } from '../ledger/grid';
import { readLedgers } from '../ledger/read';
import { LEDGER_DEFS } from '../ledger/synonyms';
import type { DetectedLedger } from '../ledger/types';
import { runInExcel } from '../office/host';
import { diagnoseHere } from '../office/diagnostics';
import { officeErrorMessage } from '../office/errors';
import type { RunMeta } from '../report/engine-types';
import { allFindings } from '../report/output';
import { PARTS, StandardError, type Standard } from '../standard';
import { paneFindings, planViewsOf, trendOf } from './engine-views';
import {
  BackendError,
  type CheckOutcome,
  type ClearOutcome,
  type ColumnChoice,
  type DetectResult,
  type DiagnosticsView,
  type IndicatorLabel,
  type LedgerField,
  type LedgerInfo,
  type PartCount,
  type Phase,
  type Progress,
} from './backend';

const PHASE_OF: Record<RunStage, Phase> = { 读取: 'read', 检查: 'check', 标记: 'mark', 汇总: 'summarize' };

/** Any failure → a BackendError with a Chinese sentence for the user. */
export function toBackendError(e: unknown): BackendError {
  if (e instanceof BackendError) return e;
  if (e instanceof StandardError) return new BackendError('unknown', {}, e.message);
  // Unexpected errors go to the browser console for support; the user sees only the Chinese sentence.
  if ((e as { userMessage?: unknown } | null)?.userMessage !== true) console.warn('[均衡自查]', e);
  return new BackendError('unknown', {}, officeErrorMessage(e));
}

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toBackendError(e);
  }
}

/** The standard a run applies: national, or the saved file and 教学点 cut merged over it (applySettings). */
export function standardOf(s: WorkbookSettings): Standard {
  return applySettings(s).standard;
}

const FIELD_LABELS: Map<string, Map<string, string>> = new Map(LEDGER_DEFS.map((d) => [d.kind, new Map(d.fields.map((f) => [f.field, f.label]))]));

function fieldLabel(kind: string, field: string): string {
  const [base, stage] = field.split('.');
  const label = FIELD_LABELS.get(kind)?.get(base) ?? base;
  return stage ? `${label}（${stage}）` : label;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return cellDateText(v);
  if (typeof v === 'object') return '';
  return String(v).replace(/\s+/g, ' ').trim();
}

/** A header cell's value; a cell inside a merged area shows the area's top-left value. */
function headerCell(grid: SheetGrid, row: number, col: number): unknown {
  const m = grid.merges.find((x) => x.top <= row && row <= x.bottom && x.left <= col && col <= x.right);
  const r = m ? m.top : row;
  const c = m ? m.left : col;
  return grid.values[r - grid.top]?.[c - grid.left] ?? null;
}

/**
 * The ledger as 台账识别 shows it: rows and missing columns as the next run will read them (`l`, with the
 * user's overrides applied), and for the mapping fix every field the engine recognised by itself (`own`,
 * without overrides: its column is the drop-down's "recognised" value) or that the user mapped, with the
 * sheet's columns to choose from.
 */
export function ledgerInfo(l: DetectedLedger, own: DetectedLedger | undefined, grid: SheetGrid | undefined, overrides: Record<string, string> = {}): LedgerInfo {
  const info: LedgerInfo = { sheet: l.sheet, kind: l.kind, headerRows: l.headerRows, rows: l.rows, missing: l.missing };
  if (!l.headerRows.length || !grid) return info;
  const base = own?.columns ?? l.columns;
  const keys = [...Object.keys(base), ...Object.keys(overrides).filter((k) => !(k in base))];
  const fields: LedgerField[] = keys.map((field) => ({ field, label: fieldLabel(l.kind, field), column: base[field] ?? '' }));
  const width = Math.max(0, ...grid.values.map((r) => r.length));
  const choices: ColumnChoice[] = [];
  for (let c = 0; c < width; c++) {
    const header = l.headerRows
      .map((r) => cellText(headerCell(grid, r, grid.left + c)))
      .filter((x, i, all) => x && x !== all[i - 1])
      .join(' / ');
    choices.push({ column: columnLetter(grid.left + c), header });
  }
  return { ...info, fields, choices };
}

export async function detectInExcel(): Promise<DetectResult> {
  return guarded(() =>
    runInExcel(async (host) => {
      const settings = await readSettings(host);
      const std = standardOf(settings);
      // The grids the check reads (the one filter: src/host/ledger-sheets.ts).
      const grids = await ledgerGrids(host);
      const overrides = settings.columnOverrides;
      const set = readLedgers(grids, std, overrides);
      const own = Object.keys(overrides).length ? readLedgers(grids, std).ledgers : set.ledgers;
      const byName = new Map(grids.map((g) => [g.name, g]));
      return {
        standardName: std.name,
        ledgers: set.ledgers.map((l) =>
          ledgerInfo(
            l,
            own.find((o) => o.sheet === l.sheet && o.kind === l.kind),
            byName.get(l.sheet),
            overrides[l.sheet],
          ),
        ),
      };
    }),
  );
}

/** runCheck's options from the saved settings (applySettings: the CLI's too), with the pane's progress. */
function runOptions(s: WorkbookSettings, onProgress?: (p: Progress) => void): RunOptions {
  return {
    ...applySettings(s).options,
    onProgress: onProgress ? (stage) => onProgress({ phase: PHASE_OF[stage], fraction: 0 }) : undefined,
  };
}

export function outcomeOf(r: RunResult, std: Standard): CheckOutcome {
  // The report's findings carry the 整改 status (aligned with the tracking); an engine without tracking: the raw list.
  const findings = r.tracking ? paneFindings(r.report, true) : allFindings(r.ledgers, r.result);
  const indicators: Record<string, IndicatorLabel> = {};
  for (const [id, ind] of Object.entries(std.indicators)) indicators[id] = { name: ind.short ?? ind.name, full: ind.name, part: ind.part };
  // The 一票否决 lines of the 核查清单 (F1 …), after S1: a finding on one is listed under its own words.
  for (const v of std.veto) indicators[v.id] = { name: `一票否决：${v.name}`, part: '一票否决' };
  const parts: PartCount[] = PARTS.map((part) => ({
    part,
    findings: findings.filter((f) => f.kind === 'compliance' && f.indicator && indicators[f.indicator]?.part === part).length,
  }));
  const judged = r.result.schools.filter((s) => !s.excluded);
  if (judged.length) {
    parts[0].schools = judged.length;
    parts[0].passed = judged.filter((s) => s.verdict === '达标').length;
  }
  const outcome: CheckOutcome = { parts, findings, indicators, marked: r.marked, notices: r.notices };
  const trend = trendOf(r, findings);
  if (trend) outcome.trend = trend;
  const plans = planViewsOf(r.plans, std);
  if (plans) outcome.plans = plans;
  return outcome;
}

export interface RunInExcelResult {
  outcome: CheckOutcome;
  /** Summary sheets written. */
  sheets: string[];
}

/** Reads the saved settings, then reads, checks, marks and summarises (one Excel.run). */
export async function checkInExcel(onProgress?: (p: Progress) => void): Promise<RunInExcelResult> {
  return guarded(() =>
    runInExcel(async (host) => {
      onProgress?.({ phase: 'read', fraction: 0 });
      const settings = await readSettings(host);
      const std = standardOf(settings);
      const meta: RunMeta = { workbook: host.documentName() ?? '当前工作簿', date: new Date() };
      const r = await runCheck(host, std, meta, runOptions(settings, onProgress));
      onProgress?.({ phase: 'summarize', fraction: 1 });
      return { outcome: outcomeOf(r, std), sheets: r.report.sheets };
    }),
  );
}

export async function clearInExcel(): Promise<ClearOutcome> {
  return guarded(() =>
    runInExcel(async (host) => {
      const r = await clearRun(host);
      return { restored: r.restored, message: r.message };
    }),
  );
}

/** 诊断 in this Excel (src/office/diagnostics.ts): a failed check is an item of the result, not an error. */
export async function diagnoseInExcel(): Promise<DiagnosticsView> {
  return guarded(() => diagnoseHere());
}

/** Runs of 整改 history in the run memory (what 清除标记 would discard); 0 when none or unreadable. */
export async function historyRunsInExcel(): Promise<number> {
  return guarded(() => runInExcel(async (host) => (await savedHistory(host)).length));
}

export async function selectInExcel(sheet: string, cell: string): Promise<void> {
  try {
    await runInExcel((host) => host.select(sheet, cell));
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (code === 'ItemNotFound') throw new BackendError('sheet-missing', { sheet, cell });
    throw toBackendError(e);
  }
}

export async function loadSettingsInExcel(): Promise<WorkbookSettings> {
  return guarded(() => runInExcel((host) => readSettings(host)));
}

export async function saveSettingsInExcel(s: WorkbookSettings): Promise<void> {
  return guarded(() => runInExcel((host) => writeSettings(host, s)));
}
