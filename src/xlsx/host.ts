/**
 * The ExcelJS host: a WorkbookHost over an in-memory ExcelJS.Workbook (the CLI's .xlsx files).
 *
 * ExcelJS trap (docs/notes/hosts.md): after a file is read, cells with the same style index share ONE
 * style object, so `cell.fill = …` would repaint all of them. This host only ever assigns a whole new
 * style object (`cell.style = { ...cell.style, fill }`), and never mutates a style it read.
 */
import ExcelJS from 'exceljs';
import type { SheetGrid } from '../ledger/grid';
import type { Mark } from '../report/model';
import {
  MEMORY_SHEET,
  appliedNoteText,
  findMemorySheet,
  memorySheetName,
  noteHash,
  noteText,
  ownNote,
  type FillDesc,
  type MarkColours,
  type MarkedCell,
  type MemoryRows,
  type NoteValue,
  type RunMemory,
} from '../host/memory';
import type { SheetInfo, SheetState, SheetWrite, UndoResult, WorkbookHost } from '../host/port';
import { countSteps, judgeMarks, locateMarks, type NoteAt } from '../host/relocate';
import { applyExcelJsPatches } from './patches';
import { cellValueOf, readGrid } from './read';
import { sniffWorkbook } from './sniff';
import { SETTINGS_SHEET, settingsTextOf } from '../host/settings';
import { fitCellText, renderSummary } from './summary';

applyExcelJsPatches();

export { sniffWorkbook, unsupportedParts, type WorkbookKind } from './sniff';

/** A file that cannot be opened; `message` is one Chinese sentence for the user. */
export class WorkbookError extends Error {
  /** Marks errors whose message is meant for the user as is. */
  readonly userMessage = true;
  constructor(
    readonly code: 'encrypted' | 'xls' | 'not-a-workbook' | 'unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}

/** Opens an .xlsx from its bytes; throws WorkbookError with a Chinese message for anything else. */
export async function loadWorkbook(buffer: Uint8Array): Promise<ExcelJS.Workbook> {
  const kind = sniffWorkbook(buffer);
  if (kind === 'encrypted') {
    throw new WorkbookError('encrypted', '这个工作簿设置了打开密码（已加密），无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存一份再检查。');
  }
  if (kind === 'xls') {
    throw new WorkbookError('xls', '这是旧版二进制格式的 Excel 文件（.xls 或 .xlsb），无法读取。请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再检查。');
  }
  if (kind === 'not-a-workbook') {
    throw new WorkbookError('not-a-workbook', '这个文件不是 Excel 工作簿（.xlsx），无法检查。');
  }
  const wb = new ExcelJS.Workbook();
  try {
    const buf = Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new WorkbookError('unreadable', `无法读取这个工作簿（文件可能已损坏，或由不兼容的程序生成）：${detail}。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。`);
  }
  return wb;
}

/** The workbook as .xlsx bytes. */
export async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------
// Fills and notes

type XFill = ExcelJS.Fill;

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** ExcelJS fill → host-neutral description (null = no fill). */
export function toFillDesc(fill: XFill | undefined | null): FillDesc | null {
  if (!fill) return null;
  const f = fill as unknown as Record<string, unknown>;
  const fg = f.fgColor as Record<string, unknown> | undefined;
  const argb = fg && typeof fg.argb === 'string' ? fg.argb.toUpperCase() : undefined;
  const keys = Object.keys(f).filter((k) => f[k] !== undefined);
  const simple =
    f.type === 'pattern' &&
    f.pattern === 'solid' &&
    argb !== undefined &&
    fg !== undefined &&
    fg.argb === argb &&
    keys.every((k) => k === 'type' || k === 'pattern' || k === 'fgColor') &&
    Object.keys(fg).filter((k) => fg[k] !== undefined).length === 1;
  if (simple) return { pattern: 'solid', fgColor: argb };
  const d: FillDesc = { pattern: f.type === 'gradient' ? 'gradient' : String(f.pattern ?? 'none'), x: clone(fill) };
  if (argb) d.fgColor = argb;
  return d;
}

/** Host-neutral description → ExcelJS fill (undefined = no fill). */
export function fromFillDesc(d: FillDesc | null): XFill | undefined {
  if (!d) return undefined;
  if (d.x) return clone(d.x) as XFill;
  if (d.fgColor) return { type: 'pattern', pattern: d.pattern as ExcelJS.FillPatterns, fgColor: { argb: d.fgColor } };
  return { type: 'pattern', pattern: d.pattern as ExcelJS.FillPatterns };
}

/** The ARGB of a plain solid fill; null for no fill or any other. */
function solidArgb(fill: XFill | undefined): string | null {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  const a = fill.fgColor?.argb;
  return typeof a === 'string' ? a.toUpperCase() : null;
}

/** Every cell of a sheet that carries a note, with the note's text. */
function notesOf(ws: ExcelJS.Worksheet): NoteAt[] {
  const out: NoteAt[] = [];
  const rows = (ws as unknown as { _rows: ({ _cells: (ExcelJS.Cell | undefined)[] } | undefined)[] })._rows ?? [];
  for (const row of rows) {
    for (const cell of row?._cells ?? []) {
      if (cell && cell.note) out.push({ cell: cell.address, text: noteText(cell.note) });
    }
  }
  return out;
}

function markFill(argb: string): XFill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function setFill(cell: ExcelJS.Cell, fill: XFill | undefined): void {
  const style = { ...cell.style } as Partial<ExcelJS.Style>;
  if (fill) style.fill = fill;
  else delete style.fill;
  cell.style = style;
}

function getNote(cell: ExcelJS.Cell): NoteValue | null {
  const n = cell.note as unknown;
  if (n === undefined || n === null) return null;
  if (typeof n === 'string') return n;
  return clone(n) as NoteValue;
}

function setNote(cell: ExcelJS.Cell, note: NoteValue | null): void {
  if (note === null) {
    // ExcelJS keeps a read note in two places: the cell's Note and its value model (which `cell.model`
    // returns, and the writer serialises). Both must go, or the note comes back on write.
    const c = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
    c._comment = undefined;
    if (c._value?.model) delete c._value.model.comment;
  } else {
    cell.note = clone(note) as string | ExcelJS.Comment;
  }
}

// ---------------------------------------------------------------------------------------------

export class XlsxHost implements WorkbookHost {
  constructor(readonly workbook: ExcelJS.Workbook) {}

  private sheet(name: string): ExcelJS.Worksheet | undefined {
    return this.workbook.worksheets.find((ws) => ws.name === name);
  }

  readSettingsText(): string | null {
    return readSettingsText(this.workbook);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.workbook.worksheets.map((ws) => ({ name: ws.name, state: ((ws.state as SheetState) || 'visible') }));
  }

  async readGrids(names: string[]): Promise<SheetGrid[]> {
    const out: SheetGrid[] = [];
    for (const name of names) {
      const ws = this.sheet(name);
      if (ws) out.push(readGrid(ws));
    }
    return out;
  }

  private memorySheet(): ExcelJS.Worksheet | undefined {
    const found = findMemorySheet(this.workbook.worksheets.map((ws) => ({ name: ws.name, state: ws.state || 'visible' })));
    return found ? this.sheet(found.name) : undefined;
  }

  async readMemory(): Promise<MemoryRows | null> {
    const ws = this.memorySheet();
    if (!ws) return null;
    const rows: MemoryRows = [];
    const xr = (ws as unknown as { _rows: ({ _cells: (Parameters<typeof cellValueOf>[0] | undefined)[] } | undefined)[] })._rows ?? [];
    for (let r = 0; r < xr.length; r++) {
      const cells = xr[r]?._cells ?? [];
      rows[r] = [];
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        const v = cell ? cellValueOf(cell) : null;
        rows[r][c] = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
      }
    }
    for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
    return rows;
  }

  async undo(memory: RunMemory): Promise<UndoResult> {
    const res: UndoResult = { restored: 0, kept: 0, missing: 0, removedSheets: [], removedAt: [] };
    const sheets = new Map(this.workbook.worksheets.map((ws) => [ws.name, ws]));
    const located = locateMarks(memory.cells, (name) => {
      const ws = sheets.get(name);
      return ws ? notesOf(ws) : null;
    });
    const steps = judgeMarks(located.found, memory.colours, (name, at) => {
      const cell = sheets.get(name)!.getCell(at);
      return { fill: solidArgb(cell.style?.fill), note: cell.note ? noteText(cell.note) : null };
    });
    for (const s of steps) {
      const cell = sheets.get(s.entry.sheet)!.getCell(s.at);
      if (s.fill) setFill(cell, fromFillDesc(s.entry.fill));
      if (s.note) setNote(cell, s.entry.note);
    }
    Object.assign(res, countSteps(steps));
    res.missing = located.missing.length;
    if (located.unlocated.length) res.unlocated = located.unlocated.map((c) => ({ sheet: c.sheet, cell: c.cell }));
    const order = this.workbook.worksheets;
    for (const s of memory.sheets) {
      const index = order.findIndex((ws) => ws.name === s.name);
      if (index >= 0 && s.name !== MEMORY_SHEET && s.name !== this.memorySheet()?.name) res.removedAt.push({ ...s, index });
    }
    for (const s of res.removedAt) {
      this.workbook.removeWorksheet(this.sheet(s.name)!.id);
      res.removedSheets.push(s.name);
    }
    return res;
  }

  async applyMarks(marks: Mark[], colours: MarkColours): Promise<MarkedCell[]> {
    const out: MarkedCell[] = [];
    const sheets = new Map(this.workbook.worksheets.map((ws) => [ws.name, ws]));
    const fills = { fail: markFill(colours.fail), data: markFill(colours.data) };
    for (const mark of marks) {
      const ws = sheets.get(mark.sheet);
      if (!ws) continue;
      let cell: ExcelJS.Cell;
      try {
        cell = ws.getCell(mark.cell);
      } catch {
        continue;
      }
      const origFill = cell.style?.fill;
      const origNote = ownNote(getNote(cell));
      // A note holds at most 32 767 characters (a message quoting a very long school name can exceed it).
      const note = fitCellText(appliedNoteText(mark.note, origNote));
      setFill(cell, fills[mark.style]);
      cell.note = note;
      out.push({
        sheet: mark.sheet,
        cell: mark.cell,
        style: mark.style,
        fill: toFillDesc(origFill),
        note: origNote,
        applied: noteHash(note),
      });
    }
    return out;
  }

  async writeSheets(sheets: SheetWrite[]): Promise<string[]> {
    const names: string[] = [];
    for (const s of sheets) {
      const ws = this.workbook.addWorksheet(s.name);
      renderSummary(ws, s.model);
      if (s.index !== undefined) this.moveTo(ws, s.index);
      names.push(ws.name);
    }
    return names;
  }

  async writeMemory(rows: MemoryRows | null): Promise<void> {
    const old = this.memorySheet();
    if (old) this.workbook.removeWorksheet(old.id);
    if (!rows) return;
    const ws = this.workbook.addWorksheet(memorySheetName(this.workbook.worksheets.map((w) => w.name)), { state: 'veryHidden' });
    rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        ws.getCell(r + 1, c + 1).value = v;
      });
    });
  }

  /** Moves a sheet to a 0-based position in the tab order. */
  private moveTo(ws: ExcelJS.Worksheet, index: number): void {
    const list = this.workbook.worksheets.filter((w) => w !== ws);
    list.splice(Math.max(0, Math.min(index, list.length)), 0, ws);
    list.forEach((w, i) => {
      (w as unknown as { orderNo: number }).orderNo = i + 1;
    });
  }
}

/** The add-in's settings text saved in the workbook (the very hidden sheet `_junheng_settings`), or null. */
export function readSettingsText(wb: ExcelJS.Workbook): string | null {
  const ws = wb.getWorksheet(SETTINGS_SHEET);
  if (!ws) return null;
  const column: unknown[] = [];
  for (let r = 1; r <= ws.rowCount; r++) column.push(ws.getCell(r, 1).value);
  return settingsTextOf(column);
}
