/**
 * Orchestration of one check and of 「清除标记」 over any host (port.ts). Pure policy, no Excel API:
 *
 * runCheck: read the memory of a previous run → read the grids of the user's sheets → run the engine →
 * undo the previous run (marks back to the original fills and notes, its summary sheets removed) → mark →
 * write the summary sheets (in the previous sheets' places, never over a user's sheet) → write the new
 * memory. Nothing is changed before the engine has succeeded.
 * Running twice gives the same workbook as running once.
 *
 * Decisions:
 * - A memory that exists but is damaged or newer than this version: runCheck and clearRun both REFUSE
 *   (JunhengRunError, nothing changed) — a re-run could not undo the previous marks and would stack them.
 * - No memory at all: clearRun clears nothing; it refuses with the "memory missing" message when sheets
 *   named like the tool's summary sheets exist (they may be left from a run whose memory was deleted),
 *   otherwise it says there is nothing to clear. runCheck proceeds (such sheets are treated as the
 *   user's and kept; the summary goes under a free name) and adds a notice.
 * - Sheets read: every worksheet except very hidden ones (the memory sheet, add-in sheets) and the
 *   previous run's summary sheets. Hidden user sheets are read.
 * - 整改 history: runCheck hands the previous memory's `history` to the engine and stores the one it returns
 *   (src/report/history.ts). 「清除标记」 removes the memory sheet, so the history goes with it: clearRun does
 *   not refuse or keep it (a cleared workbook must equal the original), but says so in its message and in
 *   `historyRuns`; a face that confirms before clearing can warn beforehand with `savedHistory`.
 */
import type { SheetGrid } from '../ledger/grid';
import type { ColumnOverrides } from '../ledger/types';
import { parseCell } from '../ledger/grid';
import type { EngineOutput, RunMeta } from '../report/engine-types';
import type { HistoryRun } from '../report/history';
import type { Mark, SheetModel } from '../report/model';
import type { Standard } from '../standard/schema';
import {
  DEFAULT_COLOURS,
  MEMORY_SHEET,
  decodeMemory,
  encodeMemory,
  sheetTextHash,
  type AddedSheet,
  type MarkColours,
  type RunMemory,
} from './memory';
import type { SheetInfo, SheetWrite, UndoResult, WorkbookHost } from './port';
import { SETTINGS_SHEET } from './settings';

export type RunStage = '读取' | '检查' | '标记' | '汇总';

export type EngineFn = (
  grids: SheetGrid[],
  std: Standard,
  meta: RunMeta,
  opts?: { overrides?: ColumnOverrides; history?: readonly HistoryRun[] },
) => EngineOutput;

/** Summary sheet names the engine writes (used to recognise leftovers of a run whose memory is gone). */
export const SUMMARY_SHEET_NAMES = [
  '资源配置达标情况', '校际差异系数', '问题清单', '补短板清单', '整改进度', '政府保障程度', '教育质量', '社会认可度', '自查自评总表',
  '表Ⅰ 基本情况', '表Ⅱ-1 资源配置', '表Ⅱ-2 资源配置（分学校）', '表Ⅲ 校际均衡', '表Ⅳ 政府保障程度', '表Ⅴ 教育质量', '表Ⅵ 社会认可度',
];

export interface RunOptions {
  /** The engine; defaults to checkWorkbook from src/report/engine. Tests pass a stub. */
  engine?: EngineFn;
  colours?: Partial<MarkColours>;
  onProgress?: (stage: RunStage, detail?: string) => void;
  /** Names that identify the tool's summary sheets; default SUMMARY_SHEET_NAMES. */
  summaryNames?: string[];
  /** The user's corrections to the column mapping (remembered in the workbook by the add-in). */
  overrides?: ColumnOverrides;
}

export interface SheetRename {
  /** The summary sheet's own name (the model's). */
  from: string;
  /** The name it was written under. */
  to: string;
}

export interface RunResult extends EngineOutput {
  /** The same EngineOutput (with report.sheets = the names written), for callers that prefer it nested. */
  output: EngineOutput;
  /** Chinese sentences the face should show (renamed summary sheets, leftovers). */
  notices: string[];
  renamed: SheetRename[];
  /** What undoing the previous run did; null when there was no previous run. */
  undone: UndoResult | null;
  /** Marks actually painted (after merging duplicates and dropping marks on unknown sheets/cells). */
  marked: number;
}

export type RunErrorCode = 'memory-missing' | 'memory-damaged' | 'memory-newer';

/** A refusal with one Chinese message; the workbook was not changed. */
export class JunhengRunError extends Error {
  /** Marks errors whose message is meant for the user as is. */
  readonly userMessage = true;
  constructor(
    readonly code: RunErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'JunhengRunError';
  }
}

export interface ClearResult {
  /** False when there was nothing to clear. */
  cleared: boolean;
  restored: number;
  /** Same as `restored`. */
  cellsRestored: number;
  kept: number;
  removedSheets: string[];
  /** Same as `removedSheets`. */
  sheetsRemoved: string[];
  /**
   * Runs of 整改 history the memory held, now discarded with it (0 when there was none). The message says so;
   * a face that asks before clearing can tell the user beforehand with `savedHistory`.
   */
  historyRuns: number;
  /** Cells whose original fill the host could not write back (UndoResult.notRestored); absent when none. */
  notRestored?: { sheet: string; cell: string; reason: string }[];
  message: string;
}

const MSG_MISSING =
  `找不到本工具的运行记录（隐藏工作表 ${MEMORY_SHEET} 已被删除或损坏），无法确认哪些填充和批注是本工具添加的，为避免误删，未做任何清除。`;

function damagedMessage(reason: string, forRun: boolean): string {
  const head = `本工具的运行记录（隐藏工作表 ${MEMORY_SHEET}）已损坏（${reason}），无法确认哪些填充和批注是本工具添加的，`;
  return forRun
    ? `${head}无法撤销上一次检查留下的标记和汇总表。为避免标记叠加，本次未做任何改动。请在上一次检查之前的文件副本上重新检查。`
    : `${head}为避免误删，未做任何清除。`;
}

function newerMessage(version: number, forRun: boolean): string {
  return `这个工作簿由更新版本的均衡自查检查过（运行记录版本 ${version}），当前版本无法读懂这份记录，为避免误删${
    forRun ? '或标记叠加，本次未做任何改动' : '，未做任何清除'
  }。请升级均衡自查后再试。`;
}

type MemoryState = { kind: 'none' } | { kind: 'ok'; memory: RunMemory };

// ---------------------------------------------------------------------------------------------
// Write-once sheets (核查清单): the tool's until the user answers in it, the user's from then on.

function cellText(v: SheetGrid['values'][number][number]): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return v.error;
  return String(v);
}

/** sheetTextHash of a sheet as read. */
export function gridTextHash(grid: SheetGrid): string {
  function* cells() {
    for (let r = 0; r < grid.values.length; r++) {
      const row = grid.values[r];
      for (let c = 0; c < row.length; c++) yield { row: grid.top + r, col: grid.left + c, text: cellText(row[c]) };
    }
  }
  return sheetTextHash(cells());
}

/** sheetTextHash of a summary sheet as a host writes it (title A1, subtitle A2, headers row 3, data from row 4). */
export function modelTextHash(model: SheetModel): string {
  function* cells() {
    yield { row: 1, col: 1, text: model.title };
    yield { row: 2, col: 1, text: model.subtitle };
    for (let c = 0; c < model.columns.length; c++) yield { row: 3, col: c + 1, text: model.columns[c].header };
    for (let r = 0; r < model.rows.length; r++) {
      const row = model.rows[r];
      for (let c = 0; c < row.length; c++) yield { row: 4 + r, col: c + 1, text: row[c].value === null ? '' : String(row[c].value) };
    }
  }
  return sheetTextHash(cells());
}

/**
 * The memory without the write-once sheets the user has answered in since (their text no longer matches
 * what the tool wrote): those are the user's now, so neither a re-run nor 清除标记 may delete them.
 */
async function settleWriteOnce(host: WorkbookHost, memory: RunMemory, grids?: SheetGrid[]): Promise<{ memory: RunMemory; answered: string[] }> {
  const once = memory.sheets.filter((s) => s.hash !== undefined);
  if (once.length === 0) return { memory, answered: [] };
  const read = grids ?? (await host.readGrids(once.map((s) => s.name)));
  const answered = once
    .filter((s) => {
      const g = read.find((x) => x.name === s.name);
      return g !== undefined && gridTextHash(g) !== s.hash;
    })
    .map((s) => s.name);
  return { memory: { ...memory, sheets: memory.sheets.filter((s) => !answered.includes(s.name)) }, answered };
}

async function loadMemory(host: WorkbookHost, forRun: boolean): Promise<MemoryState> {
  const rows = await host.readMemory();
  if (rows === null) return { kind: 'none' };
  const d = decodeMemory(rows);
  if (d.status === 'ok') return { kind: 'ok', memory: d.memory };
  if (d.status === 'newer') throw new JunhengRunError('memory-newer', newerMessage(d.version, forRun));
  throw new JunhengRunError('memory-damaged', damagedMessage(d.reason, forRun));
}

// ---------------------------------------------------------------------------------------------
// Sheet names

const MAX_NAME = 31;

/** A model name made valid as a sheet name: forbidden characters replaced, ≤ 31 characters. */
export function validSheetName(name: string): string {
  let s = name.replace(/[\\/?*[\]:]/g, '_').replace(/^'+|'+$/g, '').trim();
  if (!s) s = '汇总';
  if (s.toLowerCase() === 'history') s = `${s}_`;
  return truncate(s, MAX_NAME);
}

/** At most `max` UTF-16 units (Excel's limit counts those), never half a surrogate pair. */
function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let t = s.slice(0, max);
  const c = t.charCodeAt(t.length - 1);
  if (c >= 0xd800 && c <= 0xdbff) t = t.slice(0, -1);
  return t;
}

const key = (s: string) => s.toLocaleLowerCase();

/** The first free name: base, base（自查）, base（自查2）, … (≤ 31 characters, case-insensitive unique). */
export function freeSheetName(base: string, taken: Set<string>): string {
  const b = validSheetName(base);
  if (!taken.has(key(b))) return b;
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? '（自查）' : `（自查${i}）`;
    const name = truncate(b, MAX_NAME - suffix.length) + suffix;
    if (!taken.has(key(name))) return name;
  }
}

/** True for a sheet name that looks like one of the tool's summary sheets (base or base（自查N）). */
function looksLikeToolSheet(name: string, bases: string[]): boolean {
  return bases.some((b) => {
    const v = validSheetName(b);
    if (name === v) return true;
    const m = /^(.*)（自查\d*）$/.exec(name);
    return !!m && v.startsWith(m[1]) && m[1].length > 0;
  });
}

// ---------------------------------------------------------------------------------------------
// Marks

/** One mark per cell: duplicates merge (fail wins over data, notes joined); marks on unknown sheets or bad addresses dropped. */
export function normaliseMarks(marks: Mark[], sheets: Set<string>): Mark[] {
  const byCell = new Map<string, Mark>();
  for (const m of marks) {
    if (!sheets.has(m.sheet)) continue;
    const p = parseCell(m.cell);
    if (!p || p.row < 1 || p.col < 1 || p.row > 1048576 || p.col > 16384) continue;
    const cell = m.cell.replace(/\$/g, '').toUpperCase();
    const k = `${m.sheet}\u0000${cell}`;
    const prev = byCell.get(k);
    if (!prev) {
      byCell.set(k, { ...m, cell });
    } else {
      byCell.set(k, {
        sheet: m.sheet,
        cell,
        style: prev.style === 'fail' || m.style === 'fail' ? 'fail' : 'data',
        note: prev.note === m.note ? prev.note : `${prev.note}\n${m.note}`,
      });
    }
  }
  return [...byCell.values()];
}

function defaultEngine(): EngineFn {
  // Loaded lazily: src/report/engine.ts is written in parallel with this file.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('../report/engine') as { checkWorkbook: EngineFn };
  return mod.checkWorkbook;
}

// ---------------------------------------------------------------------------------------------

/** Checks the workbook in `host`, replacing any previous run. Throws JunhengRunError (nothing changed) on a damaged memory. */
export async function runCheck(host: WorkbookHost, std: Standard, meta: RunMeta, opts: RunOptions = {}): Promise<RunResult> {
  const progress = opts.onProgress ?? (() => undefined);
  const colours: MarkColours = { ...DEFAULT_COLOURS, ...opts.colours };
  const bases = opts.summaryNames ?? SUMMARY_SHEET_NAMES;
  const notices: string[] = [];

  progress('读取');
  const mem = await loadMemory(host, true);
  const engine = opts.engine ?? defaultEngine();

  // Read and check before changing anything: if the engine fails, the workbook is untouched. (Undoing
  // the previous run changes no value, so the grids read now are the grids after the undo.)
  const before = await host.listSheets();
  // Write-once sheets (核查清单) are read every run: the user's answers are in them.
  const previousNames = new Set(mem.kind === 'ok' ? mem.memory.sheets.filter((s) => s.hash === undefined).map((s) => s.name) : []);
  // The tool's own sheets are left out by name too: another program (LibreOffice) may save a very hidden sheet as hidden.
  const userSheets = before.filter(
    (s) => s.state !== 'veryHidden' && s.name !== MEMORY_SHEET && s.name !== SETTINGS_SHEET && !previousNames.has(s.name),
  );
  if (mem.kind === 'none') {
    const leftovers = userSheets.filter((s) => looksLikeToolSheet(s.name, bases)).map((s) => `「${s.name}」`);
    if (leftovers.length) {
      notices.push(
        `工作簿中的${leftovers.join('、')}没有本工具的运行记录，按用户的工作表对待，未做改动。如果它们是本工具以前生成的（运行记录已丢失），请手动删除它们及其单元格标记。`,
      );
    }
  }
  const names = userSheets.map((s) => s.name);
  const grids = await host.readGrids(names);

  progress('检查');
  const previousHistory = mem.kind === 'ok' ? (mem.memory.history ?? []) : [];
  const out = engine(grids, std, meta, { overrides: opts.overrides, history: previousHistory });

  progress('标记');
  let undone: UndoResult | null = null;
  let previous: AddedSheet[] = [];
  if (mem.kind === 'ok') {
    const settled = await settleWriteOnce(host, mem.memory, grids);
    undone = await host.undo(settled.memory);
    previous = undone.removedAt;
  }
  const sheets = await host.listSheets();

  const marks = normaliseMarks(out.marks, new Set(names));
  const cells = await host.applyMarks(marks, colours);

  progress('汇总');
  // A write-once sheet that exists (the user's answers) is left exactly as it is.
  const existing = new Set(sheets.map((x) => key(x.name)));
  const kept = out.sheets.filter((m) => m.writeOnce && existing.has(key(validSheetName(m.name))));
  const toWrite = out.sheets.filter((m) => !kept.includes(m));
  const { writes, renamed } = planSheets(toWrite, sheets, previous);
  for (const r of renamed) {
    notices.push(`工作簿中已有工作表「${validSheetName(r.from)}」（不是本工具生成的，未做改动），本次的「${r.from}」写在「${r.to}」。`);
  }
  const written = await host.writeSheets(writes);
  const after = await host.listSheets();
  const nameOf = new Map(writes.map((w, i) => [w.model, written[i] ?? w.name]));
  const added: AddedSheet[] = toWrite.map((m) => {
    const name = nameOf.get(m) ?? m.name;
    const index = after.findIndex((s) => s.name === name);
    return m.writeOnce ? { name, base: m.name, index, hash: modelTextHash(m) } : { name, base: m.name, index };
  });

  const memory: RunMemory = { version: 1, at: meta.date.toISOString(), colours, sheets: added, cells };
  // The 整改 history: what the engine returns, else (an engine that keeps none) the previous one unchanged.
  const history = out.history ?? (mem.kind === 'ok' ? mem.memory.history : undefined);
  if (history && history.length > 0) memory.history = history;
  await host.writeMemory(encodeMemory(memory));

  const sheetNames = out.sheets.map((m) => (kept.includes(m) ? validSheetName(m.name) : (nameOf.get(m) ?? m.name)));
  const output: EngineOutput = { ...out, report: { ...out.report, sheets: sheetNames } };
  return {
    ...output,
    output,
    notices,
    renamed,
    undone,
    marked: cells.length,
  };
}

/** Names and positions for the summary sheets: the previous run's name and place when free, else the first free name. */
export function planSheets(
  models: SheetModel[],
  existing: SheetInfo[],
  previous: AddedSheet[],
): { writes: SheetWrite[]; renamed: SheetRename[] } {
  const taken = new Set(existing.map((s) => key(s.name)));
  taken.add(key(MEMORY_SHEET));
  const renamed: SheetRename[] = [];
  const writes: SheetWrite[] = [];
  const prevByBase = new Map(previous.map((p) => [p.base, p]));
  for (const model of models) {
    const prev = prevByBase.get(model.name);
    let name: string;
    let index: number | undefined;
    if (prev && !taken.has(key(prev.name)) && validSheetName(prev.name) === prev.name) {
      name = prev.name;
      index = prev.index;
    } else {
      name = freeSheetName(model.name, taken);
    }
    taken.add(key(name));
    if (name !== validSheetName(model.name)) renamed.push({ from: model.name, to: name });
    writes.push({ model, name, index });
  }
  // Insert in ascending position so each recorded index lands where it was.
  // (Array.prototype.sort is stable: sheets without a position keep the models' order, at the end.)
  writes.sort((a, b) => (a.index ?? Infinity) - (b.index ?? Infinity));
  return { writes, renamed };
}

/** 清除标记: undoes the run recorded in the workbook and removes the record. */
export async function clearRun(host: WorkbookHost, opts: { summaryNames?: string[] } = {}): Promise<ClearResult> {
  const mem = await loadMemory(host, false);
  if (mem.kind === 'none') {
    const bases = opts.summaryNames ?? SUMMARY_SHEET_NAMES;
    const leftovers = (await host.listSheets()).filter((s) => looksLikeToolSheet(s.name, bases));
    if (leftovers.length) {
      throw new JunhengRunError(
        'memory-missing',
        `${MSG_MISSING}工作表${leftovers.map((s) => `「${s.name}」`).join('、')}如确是本工具生成的，请手动删除。`,
      );
    }
    return {
      cleared: false,
      restored: 0,
      cellsRestored: 0,
      kept: 0,
      removedSheets: [],
      sheetsRemoved: [],
      historyRuns: 0,
      message: '这个工作簿中没有本工具的标记或汇总表，无需清除。',
    };
  }
  const settled = await settleWriteOnce(host, mem.memory);
  const r = await host.undo(settled.memory);
  await host.writeMemory(null);
  const parts = [`已清除 ${r.restored} 个单元格的标记，恢复了原有的填充和批注`];
  if (r.removedSheets.length) parts.push(`删除了本工具生成的工作表${r.removedSheets.map((s) => `「${s}」`).join('、')}`);
  if (settled.answered.length) parts.push(`${settled.answered.map((n) => `「${n}」`).join('、')}中已填写核查结果，予以保留`);
  const unwritable = r.notRestored ?? [];
  const changed = r.kept - unwritable.length;
  if (changed > 0) parts.push(`${changed} 个单元格在检查后被修改过填充或批注，保留了修改后的样子`);
  if (unwritable.length) {
    const shown = unwritable.slice(0, 5).map((c) => `「${c.sheet}」${c.cell}`).join('、');
    parts.push(`${unwritable.length} 个单元格（${shown}${unwritable.length > 5 ? ' 等' : ''}）原为渐变填充，Excel 加载项无法写回，保留了标记颜色，请手动恢复`);
  }
  const historyRuns = mem.memory.history?.length ?? 0;
  if (historyRuns > 0) parts.push(historyMessage(mem.memory.history ?? []));
  return {
    cleared: true,
    restored: r.restored,
    cellsRestored: r.restored,
    kept: r.kept,
    removedSheets: r.removedSheets,
    sheetsRemoved: r.removedSheets,
    historyRuns,
    ...(unwritable.length ? { notRestored: unwritable } : {}),
    message: parts.join('；') + '。',
  };
}

/** "整改记录（2026-10-08 至 2026-11-29 共 3 次检查）已一并清除，下次检查将重新开始记录". */
export function historyMessage(history: readonly HistoryRun[]): string {
  const n = history.length;
  const span = n > 1 ? `${history[0].at} 至 ${history[n - 1].at} 共 ${n} 次检查` : `${history[0]?.at ?? ''} 的检查`;
  return `整改记录（${span}）已一并清除，下次检查将重新开始记录`;
}

/**
 * The 整改 history kept in the workbook (empty when none, or when the memory cannot be read). For a face that
 * warns before 「清除标记」: clearing removes the memory sheet and the history with it.
 */
export async function savedHistory(host: WorkbookHost): Promise<HistoryRun[]> {
  const rows = await host.readMemory();
  if (rows === null) return [];
  const d = decodeMemory(rows);
  return d.status === 'ok' ? (d.memory.history ?? []) : [];
}
