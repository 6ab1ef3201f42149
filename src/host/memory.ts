/**
 * The run memory: what one run of 均衡自查 changed in a workbook, stored inside the workbook so that
 * 「清除标记」 can undo it exactly and a second run can replace the first. Pure code, shared by every host
 * (ExcelJS for .xlsx files now, Office.js inside Excel later): a host only moves the cell texts below in
 * and out of its memory sheet.
 *
 * ## Where
 * A worksheet named `_junheng` (MEMORY_SHEET), state *very hidden* (not listed in Excel's 取消隐藏 dialog;
 * ExcelJS `state: 'veryHidden'`, Office.js `visibility = Excel.SheetVisibility.veryHidden`).
 *
 * ## Cells (read as plain values; every text is written as a string, never as a formula)
 *   A1  `junheng-memory`            (MEMORY_HEADER — identifies the sheet)
 *   B1  1                            (format version, a number; a reader refuses versions it does not know)
 *   C1  n                            (number of JSON chunks that follow)
 *   D1  total JSON length in UTF-16 code units (JavaScript string length) — integrity check
 *   E1  a Chinese sentence for a curious user (ignored by readers)
 *   A2 … A(n+1)  the JSON text of the record, split into chunks of at most 32 000 characters (Excel's cell
 *       limit is 32 767); a chunk never ends between the two halves of a surrogate pair.
 * Readers join A2…A(n+1) in order and JSON.parse the result.
 *
 * ## JSON record, version 1
 * ```
 * {
 *   "v": 1,
 *   "tool": "junheng",
 *   "at": "2026-11-05T08:00:00.000Z",              // date of the run (RunMeta.date), ISO 8601
 *   "colours": { "fail": "FFFFC7CE", "data": "FFFFEB9C" },   // ARGB of the fills this run applied
 *   "sheets": [ { "name": "问题清单（自查）", "base": "问题清单", "index": 4, "hash": "9f0e1d2c" } ],
 *        // sheets the run added: actual name, the summary sheet's own name, 0-based position among all
 *        // worksheets (hidden ones included) right after the run, and "hash": sheetTextHash of the text
 *        // written. Only these sheets may ever be deleted or overwritten, and only while their text still
 *        // hashes to "hash" (a sheet the user deleted and made again under that name is the user's).
 *        // A write-once sheet (核查清单, the user answers in it) also has "once": true; once answered it is
 *        // the user's and is dropped from the record, never deleted.
 *   "sheetHashes": true,                             // every sheet above carries "hash" ("once" marks write-once)
 *   "ledgers": [ "学校台账", … ],                     // the sheets the run read as ledgers
 *   "fills": [ FillDesc, … ],                        // distinct original fills, referenced by index
 *   "marks": [ { "sheet": "学校台账", "cells": [ [ "B3", "f", 0, null, "1a2b3c4d" ], … ] }, … ],
 *   "history": [ { "at": "2026-11-29", "findings": [ [ key, indicator, school, stage, sheet, cell, actual,
 *                  firstSeen, kind ], … ] }, … ]                        // optional, see below
 * }
 * ```
 * `history` (added within version 1; optional, so a memory without it reads as "no previous runs", and a
 * reader that does not know it ignores it): the 整改 record of the last runs, oldest first, one per calendar
 * day, at most 12 (HISTORY_LIMIT in src/report/history.ts, which documents the tuple: `key` identifies a
 * finding across runs, `firstSeen` is yyyy-mm-dd, `kind` "c" 达标问题 / "d" 数据问题). The engine reads it
 * (checkWorkbook opts.history) and returns the updated list; runCheck writes it back. A malformed `history`
 * is dropped (read as empty), never a reason to refuse: it is not needed to undo a run. 「清除标记」 removes
 * the memory sheet, and the history with it.
 * Each cell entry is `[address, style, fill, note, applied]`:
 *   - `address` A1 address of the marked cell;
 *   - `style` `"f"` (a failed rule, colours.fail) or `"d"` (a data problem, colours.data);
 *   - `fill` the cell's ORIGINAL fill: an index into `fills`, or null for no fill;
 *   - `note` the cell's ORIGINAL note: null (no note), a string (plain note), or an object (a rich
 *     ExcelJS note `{ texts: [{ text, font? }, …], margins?, protection?, editAs? }`, restored as is; its
 *     plain text is the concatenation of `texts[].text`);
 *   - `applied` FNV-1a 32-bit hash (8 lowercase hex digits, over UTF-16 code units) of the note text the
 *     run wrote, so a later clear can tell whether the user edited the note since (then it is kept).
 * A `FillDesc` is host-neutral: `{ "pattern": "solid", "fgColor": "FFRRGGBB" }` for a plain solid colour;
 * any other fill keeps its OOXML pattern name (`"none"`, `"gray125"`, … or `"gradient"`), `fgColor` when
 * it has a plain ARGB foreground, and `x`: the exact ExcelJS fill object, whenever the plain form would not
 * restore it exactly (theme colours, tints, indexed colours, a bgColor, gradients). A host that cannot
 * use `x` restores from `pattern`/`fgColor`.
 * Whether the user changed a mark's fill since the run is judged by colour: a cell whose fill is still a
 * solid `colours[style]` is restored; any other fill is the user's and is kept.
 *
 * Validation (memory-schema.ts, zod): every address is an A1 cell inside Excel's grid, every sheet name one
 * Excel accepts, no cell twice, and no added sheet is a sheet the run read (in `ledgers` or marked): such a
 * record is damaged and nothing is changed.
 * Records written before `sheetHashes` (same version 1): a sheet with "hash" is write-once, the others have
 * no content hash; run.ts keeps those (never deletes a sheet it cannot verify) and says so.
 * Compatibility: readers must ignore unknown keys; a change that old readers would misread raises `v`.
 */
import type { HistoryRun } from '../report/history';
import { NOTE_PREFIX } from '../report/marks';
import { parseRecord } from './memory-schema';
import { fnv1a } from '../report/hash';

export const MEMORY_SHEET = '_junheng';
export const MEMORY_HEADER = 'junheng-memory';

/**
 * The name for a new memory sheet: MEMORY_SHEET, or `_junheng_2`, `_junheng_3` … when a user's sheet already
 * holds that name in other letter case (`_JUNHENG`): sheet names are unique regardless of case.
 */
export function memorySheetName(taken: Iterable<string>): string {
  const keys = new Set([...taken].map((n) => n.toLowerCase()));
  if (!keys.has(MEMORY_SHEET)) return MEMORY_SHEET;
  for (let i = 2; ; i++) if (!keys.has(`${MEMORY_SHEET}_${i}`)) return `${MEMORY_SHEET}_${i}`;
}

/** The memory sheet of a workbook: MEMORY_SHEET itself, else a hidden `_junheng_N` (memorySheetName). */
export function findMemorySheet<T extends { name: string; state: string }>(sheets: readonly T[]): T | undefined {
  return sheets.find((s) => s.name === MEMORY_SHEET) ?? sheets.find((s) => /^_junheng_\d+$/.test(s.name) && s.state !== 'visible');
}
export const MEMORY_VERSION = 1;
export const CHUNK_SIZE = 32000;

export type MarkStyle = 'fail' | 'data';

export interface MarkColours {
  /** ARGB, e.g. FFFFC7CE (light red). */
  fail: string;
  /** ARGB, e.g. FFFFEB9C (light yellow). */
  data: string;
}

export const DEFAULT_COLOURS: MarkColours = { fail: 'FFFFC7CE', data: 'FFFFEB9C' };

export interface FillDesc {
  pattern: string;
  fgColor?: string;
  /** Exact host fill object (ExcelJS JSON) when the plain form does not describe it exactly. */
  x?: unknown;
}

/** A rich note, as ExcelJS holds it. */
export interface RichNote {
  texts: { text: string; font?: unknown }[];
  [key: string]: unknown;
}
export type NoteValue = string | RichNote;

/** One marked cell, decoded. */
export interface MarkedCell {
  sheet: string;
  cell: string;
  style: MarkStyle;
  /** Original fill; null = no fill. */
  fill: FillDesc | null;
  /** Original note; null = no note. */
  note: NoteValue | null;
  /** noteHash() of the note text the run wrote. */
  applied: string;
}

export interface AddedSheet {
  name: string;
  base: string;
  index: number;
  /** sheetTextHash of the text written (absent only in records written before every sheet carried one). */
  hash?: string;
  /** A write-once sheet (核查清单): the user answers in it; once answered it is the user's. */
  once?: boolean;
}

/**
 * A hash of a sheet's text, the same whichever host wrote or read it: every non-empty cell as
 * "row,col=text" (1-based sheet coordinates), in row-major order.
 */
export function sheetTextHash(cells: Iterable<{ row: number; col: number; text: string }>): string {
  const parts: string[] = [];
  for (const c of cells) if (c.text !== '') parts.push(`${c.row},${c.col}=${c.text}`);
  return noteHash(parts.join('\n'));
}

export interface RunMemory {
  version: number;
  at: string;
  colours: MarkColours;
  sheets: AddedSheet[];
  cells: MarkedCell[];
  /** Sheets the run read as ledgers (absent in older records); never among `sheets`. */
  ledgers?: string[];
  /** 整改 history of the last runs (this one last), when kept; see the header. */
  history?: HistoryRun[];
}

/** Cell values of the memory sheet as a host reads them (row-major, from A1). */
export type MemoryRows = (string | number | boolean | null)[][];

export type DecodedMemory =
  | { status: 'ok'; memory: RunMemory }
  | { status: 'damaged'; reason: string }
  | { status: 'newer'; version: number };

/** FNV-1a 32-bit over UTF-16 code units, 8 hex digits. */
export function noteHash(text: string): string {
  return fnv1a(text);
}

/** The plain text of a note (string or rich). */
export function noteText(note: unknown): string {
  if (note == null) return '';
  if (typeof note === 'string') return note;
  if (typeof note === 'object' && Array.isArray((note as RichNote).texts)) {
    return (note as RichNote).texts.map((t) => (t && typeof t.text === 'string' ? t.text : '')).join('');
  }
  return '';
}

/** Split text into chunks of at most `size` characters, never between the halves of a surrogate pair. */
export function chunkText(text: string, size = CHUNK_SIZE): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + size, text.length);
    if (end < text.length) {
      const c = text.charCodeAt(end - 1);
      if (c >= 0xd800 && c <= 0xdbff) end -= 1;
    }
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

type CellTuple = [string, 'f' | 'd', number | null, NoteValue | null, string];

interface MemoryJson {
  v: number;
  tool: string;
  at: string;
  colours: MarkColours;
  sheets: AddedSheet[];
  sheetHashes: true;
  ledgers?: string[];
  fills: FillDesc[];
  marks: { sheet: string; cells: CellTuple[] }[];
  history?: HistoryRun[];
}

/** The JSON text of a memory (compact: fills deduplicated, cells grouped by sheet). */
export function memoryToJson(m: RunMemory): string {
  const fills: FillDesc[] = [];
  const fillIndex = new Map<string, number>();
  const bySheet = new Map<string, CellTuple[]>();
  for (const c of m.cells) {
    let fi: number | null = null;
    if (c.fill) {
      const key = JSON.stringify(c.fill);
      let idx = fillIndex.get(key);
      if (idx === undefined) {
        idx = fills.length;
        fills.push(c.fill);
        fillIndex.set(key, idx);
      }
      fi = idx;
    }
    let list = bySheet.get(c.sheet);
    if (!list) bySheet.set(c.sheet, (list = []));
    list.push([c.cell, c.style === 'fail' ? 'f' : 'd', fi, c.note, c.applied]);
  }
  const json: MemoryJson = {
    v: MEMORY_VERSION,
    tool: 'junheng',
    at: m.at,
    colours: m.colours,
    sheets: m.sheets,
    sheetHashes: true,
    ...(m.ledgers ? { ledgers: m.ledgers } : {}),
    fills,
    marks: [...bySheet].map(([sheet, cells]) => ({ sheet, cells })),
  };
  if (m.history) json.history = m.history;
  return JSON.stringify(json);
}

/** The memory sheet's cells. */
export function encodeMemory(m: RunMemory, chunkSize = CHUNK_SIZE): MemoryRows {
  const text = memoryToJson(m);
  const chunks = chunkText(text, chunkSize);
  return [
    [MEMORY_HEADER, MEMORY_VERSION, chunks.length, text.length, '均衡自查的运行记录（用于清除标记），请勿修改'],
    ...chunks.map((c) => [c]),
  ];
}

/** Reads the memory sheet's cells back. Never throws. The record itself is validated in memory-schema.ts. */
export function decodeMemory(rows: MemoryRows): DecodedMemory {
  const head = rows[0] ?? [];
  if (head[0] !== MEMORY_HEADER) return { status: 'damaged', reason: `A1 不是「${MEMORY_HEADER}」` };
  const version = Number(head[1]);
  if (!Number.isInteger(version) || version < 1) return { status: 'damaged', reason: '版本号无效' };
  if (version > MEMORY_VERSION) return { status: 'newer', version };
  const n = Number(head[2]);
  const len = Number(head[3]);
  if (!Number.isInteger(n) || n < 1) return { status: 'damaged', reason: '分段数无效' };
  let text = '';
  for (let i = 1; i <= n; i++) {
    const v = rows[i]?.[0];
    if (typeof v !== 'string') return { status: 'damaged', reason: `第 ${i + 1} 行缺少记录内容` };
    text += v;
  }
  if (Number.isFinite(len) && text.length !== len) return { status: 'damaged', reason: '记录长度不符' };
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch {
    return { status: 'damaged', reason: '记录内容无法解析' };
  }
  const v = (j as { v?: unknown } | null)?.v;
  if (typeof v === 'number' && v > MEMORY_VERSION && (j as { tool?: unknown }).tool === 'junheng') return { status: 'newer', version: v };
  const r = parseRecord(j, version);
  return r.ok ? { status: 'ok', memory: r.memory } : { status: 'damaged', reason: r.reason };
}

const ORIGINAL_SEPARATOR = '\n—— 原批注 ——\n';

/**
 * The note text a run writes on a marked cell: the mark's note, followed by the cell's own note (if any)
 * so the user still sees it while the mark is on. Both hosts write exactly this text.
 */
export function appliedNoteText(markNote: string, original: NoteValue | null): string {
  const own = noteText(original);
  return own ? `${markNote}${ORIGINAL_SEPARATOR}${own}` : markNote;
}


/** Whether a note's text is one this tool writes (appliedNoteText: it starts with the marks' NOTE_PREFIX). */
export function isToolNote(note: unknown): boolean {
  return noteText(note).startsWith(NOTE_PREFIX);
}

/**
 * The user's own part of a note found on a cell about to be marked: the note itself, or, when it is a note
 * this tool wrote (a mark left over), the original it quoted (null when it quoted none). So a re-check never
 * records a tool note as "original" and never stacks notes.
 */
export function ownNote(note: NoteValue | null): NoteValue | null {
  let n = note;
  while (n !== null && isToolNote(n)) {
    const text = noteText(n);
    const at = text.indexOf(ORIGINAL_SEPARATOR);
    n = at < 0 ? null : text.slice(at + ORIGINAL_SEPARATOR.length);
  }
  return n;
}
