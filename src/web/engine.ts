/**
 * The web page's engine (src/web): the checks on the bytes of a workbook the user picked, with the same
 * .xlsx host, settings and sentences as `junheng check` / `junheng clear` (src/cli/main.ts) — so for the
 * same input and date the page's 下载结果 holds the same parts as the file the command writes. No DOM, no
 * Node: it runs in a Web Worker (worker.ts) or, opened from disk, in the page itself (client.ts).
 *
 * Every failure leaves as a PageError carrying one Chinese sentence (the CLI's, from src/cli/messages.ts).
 */
import { clearLines, macrosDroppedSentence, noLedgerSentence, openFailure, refusalOf, settingsLine } from '../cli/messages';
import { summaryLines } from '../cli/summary';
import { applySettings, readSettings } from '../host/apply-settings';
import { ledgerGrids } from '../host/ledger-sheets';
import { decodeMemory } from '../host/memory';
import type { WorkbookHost } from '../host/port';
import { clearRun, runCheck, savedHistory, type RunStage } from '../host/run';
import type { ColumnOverrides } from '../host/settings';
import { readLedgers } from '../ledger/read';
import { StandardError } from '../standard';
import type { CheckOutcome, LedgerInfo } from '../taskpane/backend';
import { ledgerInfo, outcomeOf } from '../taskpane/office-engine';
import { sniffWorkbook } from '../xlsx/sniff';
import { openXlsx, type SurgicalXlsxHost } from '../xlsx/surgical';

/** A refusal or failure with the one Chinese sentence the page shows; nothing is offered for download. */
export class PageError extends Error {
  readonly userMessage = true;
}

export interface Inspection {
  fileName: string;
  standardName: string;
  ledgers: LedgerInfo[];
  /** The column corrections saved in the workbook (the add-in's settings), the page's starting point. */
  savedOverrides: ColumnOverrides;
  /** Which saved settings a check follows (the CLI's line), or null. */
  settingsLine: string | null;
  /** The workbook holds the memory of a previous check (清除标记 has something to clear; 整改 statuses follow). */
  checked: boolean;
  /** Runs of 整改 history saved in it. */
  historyRuns: number;
}

export interface FileResult {
  /** 原名-自查.xlsx / 原名-已清除.xlsx. */
  fileName: string;
  bytes: Uint8Array;
  /** What the command would print (settings line, summary, notices, what was cleared). */
  lines: string[];
  /** False when 清除标记 found nothing to clear (the bytes are then the input's, and nothing is offered). */
  changed: boolean;
}

export interface CheckResult extends FileResult {
  outcome: CheckOutcome;
  sheets: string[];
}

/** Wraps the host the run works on (the in-page fallback yields to the page between its calls). */
export type HostWrap = (h: WorkbookHost) => WorkbookHost;

const identity: HostWrap = (h) => h;

/** The CLI's output name: 原名-自查.xlsx (an .xlsm's copy is an .xlsx: its macros cannot be kept). */
export function outputName(input: string, suffix: string): string {
  const m = /^(.*?)(\.[^.]*)?$/.exec(input);
  const base = m?.[1] || input;
  const ext = m?.[2] ?? '';
  return `${base}-${suffix}${!ext || /^\.xl[st]m$/i.test(ext) ? '.xlsx' : ext}`;
}

/** The standard of a run: the national one with what the add-in saved in the workbook (as the CLI without --standard). */
function open(bytes: Uint8Array, fileName: string): SurgicalXlsxHost {
  const refusal = refusalOf(sniffWorkbook(bytes), fileName);
  if (refusal) throw new PageError(refusal);
  try {
    return openXlsx(bytes);
  } catch (e) {
    throw new PageError(openFailure(fileName, e));
  }
}

/** Any failure → a PageError with a Chinese sentence (never an English JavaScript message). */
export function pageError(e: unknown, fileName: string): PageError {
  if (e instanceof PageError) return e;
  if (e instanceof StandardError) return new PageError(e.message);
  if (e instanceof Error && (e as { userMessage?: boolean }).userMessage === true) return new PageError(`「${fileName}」${e.message}`);
  return new PageError(`「${fileName}」无法检查：文件可能已损坏，或由不兼容的软件生成。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试`);
}

async function guarded<T>(fileName: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw pageError(e, fileName);
  }
}

/** The ledgers the page lists (as the pane's 台账识别, with the given corrections), and the workbook's state. */
export function inspect(bytes: Uint8Array, fileName: string, overrides?: ColumnOverrides, wrap: HostWrap = identity): Promise<Inspection> {
  return guarded(fileName, async () => {
    const opened = open(bytes, fileName);
    const host = wrap(opened);
    const settings = await readSettings(opened);
    const { standard: std } = applySettings(settings);
    const used = overrides ?? settings.columnOverrides;
    const rows = await host.readMemory();
    const memory = rows ? decodeMemory(rows) : null;
    // The sheets the check reads (the one filter of every face).
    const grids = await ledgerGrids(host);
    const set = readLedgers(grids, std, used);
    const own = Object.keys(used).length ? readLedgers(grids, std).ledgers : set.ledgers;
    const byName = new Map(grids.map((g) => [g.name, g]));
    return {
      fileName,
      standardName: std.name,
      ledgers: set.ledgers.map((l) => ledgerInfo(l, own.find((o) => o.sheet === l.sheet && o.kind === l.kind), byName.get(l.sheet), used[l.sheet])),
      savedOverrides: settings.columnOverrides,
      settingsLine: settingsLine(settings),
      checked: rows !== null,
      historyRuns: memory?.status === 'ok' ? (await savedHistory(host)).length : 0,
    };
  });
}

/**
 * `junheng check`: follows the settings saved in the workbook (standard, 教学点 cut, marks, colours, column
 * corrections — `overrides`, when given, are the page's corrections in their place), marks, writes the
 * summary sheets and the run memory (整改 statuses against a previous run), and returns the new bytes.
 */
export function check(
  bytes: Uint8Array,
  fileName: string,
  date: Date,
  opts: { overrides?: ColumnOverrides; onProgress?: (stage: RunStage) => void; wrap?: HostWrap } = {},
): Promise<CheckResult> {
  return guarded(fileName, async () => {
    const opened = open(bytes, fileName);
    // The settings saved in the workbook, through the function the CLI and the pane apply them with.
    const settings = await readSettings(opened);
    const { standard: std, options } = applySettings(settings);
    const r = await runCheck((opts.wrap ?? identity)(opened), std, { workbook: fileName, date }, {
      ...options,
      onProgress: opts.onProgress,
      ...(opts.overrides ? { overrides: opts.overrides } : {}),
    });
    if (r.output.ledgers.ledgers.length === 0) throw new PageError(noLedgerSentence(fileName));
    const lines: string[] = [];
    const used = settingsLine(settings);
    if (used) lines.push(used);
    lines.push(...summaryLines(r.output, std, fileName));
    for (const n of r.notices) lines.push(`注意：${n}`);
    if (opened.hasMacros()) {
      opened.dropMacros();
      lines.push(macrosDroppedSentence(true));
    }
    return { fileName: outputName(fileName, '自查'), bytes: opened.save(), lines, changed: true, outcome: outcomeOf(r, std), sheets: r.report.sheets };
  });
}

/** `junheng clear`: the previous check's marks, notes and summary sheets removed, the original fills and notes back. */
export function clear(bytes: Uint8Array, fileName: string, wrap: HostWrap = identity): Promise<FileResult> {
  return guarded(fileName, async () => {
    const opened = open(bytes, fileName);
    const result = await clearRun(wrap(opened));
    const lines = clearLines(result);
    if (opened.hasMacros()) {
      opened.dropMacros();
      lines.push(macrosDroppedSentence(true));
    }
    return { fileName: outputName(fileName, '已清除'), bytes: opened.save(), lines: result.cleared ? lines : [result.message], changed: result.cleared };
  });
}
