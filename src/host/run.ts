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
 *   previous run's summary sheets that are still what the tool wrote (tool-sheets.ts). Hidden user sheets
 *   are read.
 * - The previous run's marks are found by their notes (relocate.ts): marks moved by a sort are undone where
 *   they are now; the user's own note is never recorded as a tool note (memory.ts ownNote).
 * - A summary sheet is deleted or overwritten only while its text hashes to what the tool wrote; one the
 *   user changed, or deleted and made again under that name, is kept (a re-check writes under a free
 *   name) and the user is told so.
 * - 整改 history: runCheck hands the previous memory's `history` to the engine and stores the one it returns
 *   (src/report/history.ts). 「清除标记」 removes the memory sheet, so the history goes with it: clearRun does
 *   not refuse or keep it (a cleared workbook must equal the original), but says so in its message and in
 *   `historyRuns`; a face that confirms before clearing can warn beforehand with `savedHistory`.
 */
import type { SchoolFormChoice } from '../report/school-form';
import type { SheetGrid } from '../ledger/grid';
import type { ColumnOverrides } from '../ledger/types';
import { parseCell } from '../ledger/grid';
import type { EngineOutput, RunMeta } from '../report/engine-types';
import type { HistoryRun } from '../report/history';
import type { Mark } from '../report/model';
import type { Standard } from '../standard/schema';
import { DEFAULT_COLOURS, MEMORY_SHEET, decodeMemory, encodeMemory, type AddedSheet, type MarkColours, type RunMemory } from './memory';
import type { UndoResult, WorkbookHost } from './port';
import { TOOL_SHEET_NAMES } from '../ledger/tool-sheets';
import { key, looksLikeToolSheet, planSheets, validSheetName, type SheetRename } from './sheet-names';
import { candidateSheets, ledgerGridsOf } from './ledger-sheets';
import { modelTextHash, verifySheets } from './tool-sheets';

export { freeSheetName, planSheets, validSheetName, type SheetRename } from './sheet-names';
export { gridTextHash, modelTextHash } from './tool-sheets';

export type RunStage = '读取' | '检查' | '标记' | '汇总';

export type EngineFn = (
  grids: SheetGrid[],
  std: Standard,
  meta: RunMeta,
  opts?: { overrides?: ColumnOverrides; history?: readonly HistoryRun[]; schoolForms?: SchoolFormChoice },
) => EngineOutput;

/**
 * Summary sheet names the engine writes and never reads back (used to recognise leftovers of a run whose
 * memory is gone): the one list of the tool's sheets, src/ledger/tool-sheets.ts.
 */
export const SUMMARY_SHEET_NAMES: readonly string[] = TOOL_SHEET_NAMES;

export interface RunOptions {
  /** The engine; defaults to checkWorkbook from src/report/engine. Tests pass a stub. */
  engine?: EngineFn;
  colours?: Partial<MarkColours>;
  onProgress?: (stage: RunStage, detail?: string) => void;
  /** Names that identify the tool's summary sheets; default SUMMARY_SHEET_NAMES. */
  summaryNames?: readonly string[];
  /** The user's corrections to the column mapping (remembered in the workbook by the add-in). */
  overrides?: ColumnOverrides;
  /** Also write a 学校自评表 sheet for every school ('all') or for these schools (report/school-form). */
  schoolForms?: SchoolFormChoice;
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
  /** Restored marks found away from their remembered address (moved with a sort). */
  moved: number;
  /** Marks left as they were because they could not be placed without guessing (UndoResult.unlocated). */
  unlocated?: { sheet: string; cell: string }[];
  /** Sheets the run added that are kept because their text is no longer the tool's, with the sentence shown. */
  keptSheets?: { name: string; message: string }[];
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

async function loadMemory(host: WorkbookHost, forRun: boolean): Promise<MemoryState> {
  const rows = await host.readMemory();
  if (rows === null) return { kind: 'none' };
  const d = decodeMemory(rows);
  if (d.status === 'ok') return { kind: 'ok', memory: d.memory };
  if (d.status === 'newer') throw new JunhengRunError('memory-newer', newerMessage(d.version, forRun));
  throw new JunhengRunError('memory-damaged', damagedMessage(d.reason, forRun));
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
  // The one filter of every face (ledger-sheets.ts): every sheet but the tool's hidden ones is read, the previous
  // run's summary sheets too, to tell whether they are still what the tool wrote; only those are left out.
  const userSheets = candidateSheets(before);
  if (mem.kind === 'none') {
    const leftovers = userSheets.filter((s) => looksLikeToolSheet(s.name, bases)).map((s) => `「${s.name}」`);
    if (leftovers.length) {
      notices.push(
        `工作簿中的${leftovers.join('、')}没有本工具的运行记录，按用户的工作表对待，未做改动。如果它们是本工具以前生成的（运行记录已丢失），请手动删除它们及其单元格标记。`,
      );
    }
  }
  const read = await host.readGrids(userSheets.map((s) => s.name));
  const { grids, verdict, tools } = ledgerGridsOf(read, mem.kind === 'ok' ? mem.memory : null, new Set(before.map((s) => s.name)));
  const names = userSheets.map((s) => s.name).filter((n) => !tools.has(n));
  for (const k of verdict?.kept ?? []) notices.push(`${k.message}。`);

  progress('检查');
  const previousHistory = mem.kind === 'ok' ? (mem.memory.history ?? []) : [];
  const out = engine(grids, std, meta, { overrides: opts.overrides, history: previousHistory, ...(opts.schoolForms ? { schoolForms: opts.schoolForms } : {}) });

  progress('标记');
  let undone: UndoResult | null = null;
  let previous: AddedSheet[] = [];
  if (verdict) {
    undone = await host.undo(verdict.memory);
    previous = undone.removedAt;
    if (undone.unlocated?.length) notices.push(`${unlocatedMessage(undone.unlocated)}。`);
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
    return m.writeOnce ? { name, base: m.name, index, hash: modelTextHash(m), once: true } : { name, base: m.name, index, hash: modelTextHash(m) };
  });

  // The sheets this run read as ledgers: a later reader refuses a record that lists one of them as added.
  const ledgers = [...new Set([...(out.ledgers?.ledgers ?? []).map((l) => l.sheet), ...cells.map((c) => c.sheet)])].filter((n) => names.includes(n) && !added.some((a) => a.name === n));
  const memory: RunMemory = { version: 1, at: meta.date.toISOString(), colours, sheets: added, cells, ledgers };
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

/** 清除标记: undoes the run recorded in the workbook and removes the record. */
export async function clearRun(host: WorkbookHost, opts: { summaryNames?: readonly string[] } = {}): Promise<ClearResult> {
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
      moved: 0,
      message: '这个工作簿中没有本工具的标记或汇总表，无需清除。',
    };
  }
  const listed = new Set((await host.listSheets()).map((s) => s.name));
  const present = mem.memory.sheets.filter((s) => listed.has(s.name)).map((s) => s.name);
  const settled = verifySheets(mem.memory, present.length ? await host.readGrids(present) : [], listed);
  const r = await host.undo(settled.memory);
  await host.writeMemory(null);
  const parts = [`已清除 ${r.restored} 个单元格的标记，恢复了原有的填充和批注`];
  if (r.moved) parts.push(`其中 ${r.moved} 个标记随排序等操作移动了位置，已在新位置清除`);
  if (r.removedSheets.length) parts.push(`删除了本工具生成的工作表${r.removedSheets.map((s) => `「${s}」`).join('、')}`);
  if (settled.answered.length) parts.push(`${settled.answered.map((n) => `「${n}」`).join('、')}中已填写核查结果，予以保留`);
  for (const k of settled.kept) parts.push(k.message);
  if (r.unlocated?.length) parts.push(unlocatedMessage(r.unlocated));
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
    moved: r.moved ?? 0,
    ...(r.unlocated?.length ? { unlocated: r.unlocated } : {}),
    ...(settled.kept.length ? { keptSheets: settled.kept } : {}),
    message: parts.join('；') + '。',
  };
}

/** Marks that could not be placed without guessing (relocate.ts): nothing was done for them. */
function unlocatedMessage(list: readonly { sheet: string; cell: string }[]): string {
  const shown = list.slice(0, 5).map((c) => `「${c.sheet}」${c.cell}`).join('、');
  return `${list.length} 个标记（原在 ${shown}${list.length > 5 ? ' 等' : ''}）的批注在检查后出现在多个单元格，无法确定哪个是本工具写的，未做改动，请手动检查这些单元格的填充和批注`;
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
