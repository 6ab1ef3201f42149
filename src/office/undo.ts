/**
 * Undo and marks through Office.js: the snapshot reads of the marked cells' fills and notes, undoing a
 * previous run (each mark found where it is now — mark-scan.ts — and its fill and note put back unless the
 * user changed them; the run's sheets deleted) and painting
 * a run's marks. Marks are written grouped by style through `worksheet.getRanges(address)`, address strings
 * ≤ 2 000 characters, and held back until writeMemory (host.ts): the memory that describes them goes first.
 *
 * Without notes (no ExcelApi 1.18 or a library without them) the explanation lives in 问题清单 only: no note
 * is written, the memory records the hash of the empty text as the note written (NO_NOTE_APPLIED) and the
 * original note as null, and notes are never touched.
 */
import { columnLetter, parseCell } from '../ledger/grid';
import type { Mark } from '../report/model';
import { MEMORY_SHEET, appliedNoteText, findMemorySheet, noteHash, noteText, ownNote, type MarkColours, type MarkedCell, type RunMemory } from '../host/memory';
import { countSteps } from '../host/relocate';
import type { UndoResult } from '../host/port';
import { fitCellText } from '../host/grid-rules';
import { addressChunks, blocksOf, rectAddress, type CellPos, type Rect } from './address';
import { queueDims, takeDims, type PendingDims } from './dims';
import { argbToHex, fillRestore, officeToFillDesc, type OfficeFill, type OfficeFillDesc } from './fill';
import { planOfficeUndo } from './mark-scan';
import { jsonBytes, OP_BYTES, READ_GAP, type OfficeSession } from './session';

/** The hash recorded as "note written" when no note was written (notes unsupported). */
export const NO_NOTE_APPLIED = noteHash('');

interface Snapshot {
  fill: (c: CellPos) => OfficeFill | null;
  note: (c: CellPos) => Excel.Note | null;
}

export interface UndoRead {
  /** The remembered cells these reads are for. */
  key: string;
  bySheet: Map<string, { m: RunMemory['cells'][number]; pos: CellPos }[]>;
  missing: number;
  pend: Map<string, PendingDims>;
  snaps: Map<string, Snapshot>;
}

/** Estimated response bytes per cell of getCellProperties (fill). */
const PROPS_CELL_BYTES = 130;

/**
 * Queues reads of the fill (getCellProperties over column blocks) and, with notes, the note of each cell.
 * Returns accessors valid after the next sync.
 */
async function queueSnapshot(ses: OfficeSession, sheet: string, cells: CellPos[]): Promise<Snapshot> {
  const blocks = blocksOf(cells, READ_GAP);
  const reads: { b: Rect; res: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
  const ws = ses.ws(sheet);
  for (const b of blocks) {
    // Accounted before it is queued: a sync this triggers must not carry it beyond the budget.
    await ses.reserve((b.bottom - b.top + 1) * PROPS_CELL_BYTES + 200);
    const res = ws.getRange(rectAddress(b)).getCellProperties({
      format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } },
    });
    reads.push({ b, res });
  }
  const notes = new Map<string, Excel.Note>();
  if (ses.notesSupported) {
    for (const c of cells) {
      const addr = `${columnLetter(c.col)}${c.row}`;
      await ses.reserve(300 + addr.length);
      const n = ses.notes(sheet).getItemOrNullObject(addr);
      n.load('content');
      notes.set(`${c.row},${c.col}`, n);
    }
  }
  // Column blocks are disjoint; find a cell's block by column then row.
  const byCol = new Map<number, typeof reads>();
  for (const r of reads) {
    let l = byCol.get(r.b.left);
    if (!l) byCol.set(r.b.left, (l = []));
    l.push(r);
  }
  return {
    fill: (c) => {
      const r = byCol.get(c.col)?.find((x) => c.row >= x.b.top && c.row <= x.b.bottom);
      return (r?.res.value[c.row - r.b.top]?.[0]?.format?.fill as OfficeFill | undefined) ?? null;
    },
    note: (c) => {
      const n = notes.get(`${c.row},${c.col}`);
      return n && !n.isNullObject ? n : null;
    },
  };
}

/** Queues fill writes: cells grouped by identical restore operation, through getRanges. */
async function queueFills(ses: OfficeSession, sheet: string, items: { pos: CellPos; restore: ReturnType<typeof fillRestore> }[]): Promise<void> {
  const groups = new Map<string, { restore: ReturnType<typeof fillRestore>; cells: CellPos[] }>();
  for (const it of items) {
    const k = JSON.stringify(it.restore);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { restore: it.restore, cells: [] }));
    g.cells.push(it.pos);
  }
  const ws = ses.ws(sheet);
  for (const g of groups.values()) {
    const rs = g.restore;
    if (rs.kind === 'unwritable') continue;
    if (rs.kind === 'props') {
      // Rare (tints, patterns): exact round trip of what getCellProperties read, per block.
      const fill: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(rs.fill)) if (v !== null && v !== undefined) fill[k] = v;
      for (const b of blocksOf(g.cells)) {
        const h = b.bottom - b.top + 1;
        ws.getRange(rectAddress(b)).setCellProperties(Array.from({ length: h }, () => [{ format: { fill } }]) as Excel.SettableCellProperties[][]);
        await ses.reserve(h * 120 + 2 * OP_BYTES);
      }
      continue;
    }
    for (const addr of addressChunks(blocksOf(g.cells))) {
      const areas = ws.getRanges(addr);
      areas.format.fill.clear();
      if (rs.kind === 'solid') areas.format.fill.color = rs.color;
      await ses.reserve(addr.length + 5 * OP_BYTES);
    }
  }
}

/** Queues the reads undo needs (protection of unknown sheets, fills and notes of the remembered cells). */
export async function queueUndoRead(ses: OfficeSession, memory: RunMemory): Promise<UndoRead> {
  const bySheet = new Map<string, { m: RunMemory['cells'][number]; pos: CellPos }[]>();
  let missing = 0;
  for (const m of memory.cells) {
    const pos = parseCell(m.cell);
    if (!ses.has(m.sheet) || !pos) {
      missing++;
      continue;
    }
    let l = bySheet.get(m.sheet);
    if (!l) bySheet.set(m.sheet, (l = []));
    l.push({ m, pos });
  }
  // No merges: only protection is needed here, and this request may carry writes that a refused merge read must not break.
  const pend = await queueDims(ses, [...bySheet.keys()].filter((s) => !ses.dims.has(s)), false);
  const snaps = new Map<string, Snapshot>();
  for (const [sheet, list] of bySheet) snaps.set(sheet, await queueSnapshot(ses, sheet, list.map((x) => x.pos)));
  return { key: JSON.stringify(memory.cells), bySheet, missing, pend, snaps };
}

export async function undo(ses: OfficeSession, memory: RunMemory): Promise<UndoResult> {
  if (!ses.sheets) await ses.listSheets();
  // The reads were usually sent with readGrids' values (prefetched from the memory read); else one sync.
  let read = ses.undoRead && ses.undoRead.key === JSON.stringify(memory.cells) ? ses.undoRead : null;
  ses.undoRead = null;
  if (!read) {
    read = await queueUndoRead(ses, memory);
    if (read.bySheet.size) await ses.sync();
  }
  takeDims(ses, read.pend);
  const { bySheet, snaps } = read;
  const res: UndoResult = { restored: 0, kept: 0, missing: read.missing, removedSheets: [], removedAt: [] };
  ses.assertStructure();
  ses.assertWritable(bySheet.keys());
  const notRestored: NonNullable<UndoResult['notRestored']> = [];

  // Where each mark is now (a sort moves them): mark-scan.ts reads, src/host/relocate.ts decides.
  const { steps, located } = await planOfficeUndo(ses, memory, bySheet, snaps);
  const fills = new Map<string, { pos: CellPos; restore: ReturnType<typeof fillRestore> }[]>();
  for (const step of steps) {
    const { entry: m, pos, noteObj: note } = step;
    const sheet = m.sheet;
    const restore = fillRestore(m.fill as OfficeFillDesc | null);
    if (step.fill && restore.kind === 'unwritable') {
      // A gradient: Office.js cannot write one back. The cell is left as it is, and the user told.
      step.fill = false;
      notRestored.push({ sheet, cell: step.at, reason: '原为渐变填充，Excel 加载项无法写回渐变填充，标记颜色未清除，请手动恢复' });
    }
    if (step.fill) {
      let l = fills.get(sheet);
      if (!l) fills.set(sheet, (l = []));
      l.push({ pos, restore });
    }
    if (step.note && ses.notesSupported) {
      const orig = m.note === null ? null : noteText(m.note);
      if (orig === null) {
        if (note) note.delete();
      } else if (note) {
        note.content = orig;
      } else {
        ses.notes(sheet).add(step.at, orig);
      }
      await ses.reserve(2 * OP_BYTES + jsonBytes(orig ?? ''));
    }
  }
  for (const [sheet, list] of fills) await queueFills(ses, sheet, list);
  Object.assign(res, countSteps(steps));
  res.missing = located.missing.length;
  if (located.unlocated.length) res.unlocated = located.unlocated.map((c) => ({ sheet: c.sheet, cell: c.cell }));

  for (const s of memory.sheets) {
    const index = ses.sheets!.findIndex((x) => x.name === s.name);
    if (index >= 0 && s.name !== MEMORY_SHEET && s.name !== findMemorySheet(ses.sheets!)?.name) res.removedAt.push({ ...s, index });
  }
  for (const s of res.removedAt) {
    const ws = ses.ws(s.name);
    ws.visibility = 'Visible';
    ws.delete();
    await ses.reserve(3 * OP_BYTES);
    ses.sheets = ses.sheets!.filter((x) => x.name !== s.name);
    ses.dims.delete(s.name);
    res.removedSheets.push(s.name);
  }
  if (notRestored.length) res.notRestored = notRestored;
  return res;
}

export async function applyMarks(ses: OfficeSession, marks: Mark[], colours: MarkColours): Promise<MarkedCell[]> {
  if (!ses.sheets) await ses.listSheets();
  const bySheet = new Map<string, { mark: Mark; pos: CellPos }[]>();
  const order: { mark: Mark; pos: CellPos }[] = [];
  for (const mark of marks) {
    const pos = parseCell(mark.cell);
    if (!ses.has(mark.sheet) || !pos || pos.row < 1 || pos.col < 1 || pos.row > 1048576 || pos.col > 16384) continue;
    let l = bySheet.get(mark.sheet);
    if (!l) bySheet.set(mark.sheet, (l = []));
    const x = { mark, pos };
    l.push(x);
    order.push(x);
  }
  ses.assertStructure();
  if (!order.length) return [];
  ses.assertWritable(bySheet.keys());
  const unknown = [...bySheet.keys()].filter((s) => !ses.dims.has(s));
  // No merges: only protection is needed here, and this request may carry writes that a refused merge read must not break.
  const pend = await queueDims(ses, unknown, false);
  const snaps = new Map<string, Snapshot>();
  for (const [sheet, list] of bySheet) snaps.set(sheet, await queueSnapshot(ses, sheet, list.map((x) => x.pos)));
  // This sync also carries the queued undo of a previous run: it runs first, so the snapshot reads the
  // originals as restored.
  await ses.sync();
  takeDims(ses, pend);
  ses.assertWritable(bySheet.keys());

  const result = new Map<{ mark: Mark; pos: CellPos }, MarkedCell>();
  const writes: { sheet: string; notes: { cell: string; note: Excel.Note | null; text: string }[]; list: typeof order }[] = [];
  for (const [sheet, list] of bySheet) {
    const snap = snaps.get(sheet)!;
    const notes: (typeof writes)[number]['notes'] = [];
    for (const x of list) {
      const origFill = officeToFillDesc(snap.fill(x.pos));
      const noteObj = snap.note(x.pos);
      const own = ses.notesSupported && noteObj ? ownNote(noteObj.content) : null;
      const origNote = own === null ? null : noteText(own);
      let written = '';
      if (ses.notesSupported) {
        written = fitCellText(appliedNoteText(x.mark.note, origNote));
        notes.push({ cell: x.mark.cell, note: noteObj, text: written });
      }
      result.set(x, {
        sheet,
        cell: x.mark.cell,
        style: x.mark.style,
        fill: origFill,
        note: origNote,
        applied: noteHash(written),
      });
    }
    writes.push({ sheet, notes, list });
  }
  // Held back: writeMemory sends the memory (which describes these marks) first, then these.
  ses.deferred.push(async () => {
    for (const w of writes) {
      const ws = ses.ws(w.sheet);
      for (const n of w.notes) {
        if (n.note) n.note.content = n.text;
        else ses.notes(w.sheet).add(n.cell, n.text);
        await ses.reserve(2 * OP_BYTES + jsonBytes(n.text));
      }
      for (const style of ['fail', 'data'] as const) {
        const cells = w.list.filter((x) => x.mark.style === style).map((x) => x.pos);
        if (!cells.length) continue;
        for (const addr of addressChunks(blocksOf(cells))) {
          const areas = ws.getRanges(addr);
          areas.format.fill.clear();
          areas.format.fill.color = argbToHex(colours[style]);
          await ses.reserve(addr.length + 5 * OP_BYTES);
        }
      }
    }
  });
  return order.map((x) => result.get(x)!);
}
