/**
 * Where the previous run's marks are now, inside Excel (src/host/relocate.ts decides; this only reads).
 *
 * The host has already read, with the undo's usual request, the fill and note at every remembered address.
 * A mark whose note is still there needs nothing more — the ordinary case costs no extra sync. Only when some
 * mark's note is not at its address (the user sorted the rows, or edited the note) are the notes of those
 * sheets listed: one sync for the sheets' note texts (`worksheet.notes`, items/content), and, when some text
 * is a mark's, one more for where those notes are and the fills there (`note.getLocation()`). Without the
 * notes API (the shipped office.js) nothing can be recognised by its note: marks are judged where they were.
 */
import { parseCell } from '../ledger/grid';
import { noteHash, type RunMemory } from '../host/memory';
import { judgeMarks, locateMarks, type Located, type NoteAt, type UndoStep } from '../host/relocate';
import type { CellPos } from './address';
import { hexToArgb, type OfficeFill } from './fill';

/** What the host read at the remembered addresses (its undo snapshot). */
export interface SnapshotLike {
  fill: (c: CellPos) => OfficeFill | null;
  note: (c: CellPos) => Excel.Note | null;
}

export interface ScanDeps {
  notesSupported: boolean;
  /** The notes of one worksheet (worksheet.notes). */
  notes(sheet: string): Excel.NoteCollection;
  /** Accounts bytes of the request being built (may sync when it would run over the budget). */
  reserve(bytes: number): Promise<void>;
  sync(): Promise<void>;
}

/** An undo step with what the host needs to write it: the cell and the note object there (null = none). */
export interface OfficeStep extends UndoStep {
  pos: CellPos;
  noteObj: Excel.Note | null;
}

const FILL_PROPS = { format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } } };

/** A fill as judgeMarks wants it: the ARGB of a plain solid fill, else null (as isMarkFill judges). */
export function solidArgbOf(f: OfficeFill | null | undefined): string | null {
  if (!f || (f.pattern != null && f.pattern !== 'Solid')) return null;
  return hexToArgb(f.color) ?? null;
}

/** Locates and judges the remembered marks of `bySheet` (sheets that exist) and returns what to undo where. */
export async function planOfficeUndo(
  deps: ScanDeps,
  memory: RunMemory,
  bySheet: Map<string, { m: RunMemory['cells'][number]; pos: CellPos }[]>,
  snaps: Map<string, SnapshotLike>,
): Promise<{ steps: OfficeStep[]; located: Located }> {
  const text = (n: Excel.Note | null) => (deps.notesSupported && n ? n.content : null);
  // Notes seen at the remembered addresses, and the sheets where some mark's note is not at its address.
  const seen = new Map<string, Map<string, { pos: CellPos; fill: OfficeFill | null; note: Excel.Note | null }>>();
  const astray = new Map<string, Set<string>>();
  for (const [sheet, list] of bySheet) {
    const snap = snaps.get(sheet)!;
    const at = new Map<string, { pos: CellPos; fill: OfficeFill | null; note: Excel.Note | null }>();
    for (const { m, pos } of list) {
      const note = snap.note(pos);
      at.set(m.cell.toUpperCase(), { pos, fill: snap.fill(pos), note });
      if (deps.notesSupported && noteHash(text(note) ?? '') !== m.applied) {
        let s = astray.get(sheet);
        if (!s) astray.set(sheet, (s = new Set()));
        s.add(m.applied);
      }
    }
    seen.set(sheet, at);
  }
  // Only then: the other notes of those sheets, and where the ones that are a mark's are.
  const found = new Map<string, Map<string, { pos: CellPos; fill: OfficeFill | null; note: Excel.Note }>>();
  if (astray.size) {
    const colls = new Map<string, Excel.NoteCollection>();
    for (const sheet of astray.keys()) {
      const c = deps.notes(sheet);
      c.load('items/content');
      await deps.reserve(400);
      colls.set(sheet, c);
    }
    await deps.sync();
    const pending: { sheet: string; note: Excel.Note; range: Excel.Range; props: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
    for (const [sheet, c] of colls) {
      const want = astray.get(sheet)!;
      for (const note of c.items) {
        if (!want.has(noteHash(note.content))) continue;
        const range = note.getLocation();
        range.load('address');
        const props = range.getCellProperties(FILL_PROPS);
        await deps.reserve(600 + note.content.length * 3);
        pending.push({ sheet, note, range, props });
      }
    }
    if (pending.length) await deps.sync();
    for (const p of pending) {
      const addr = p.range.address.slice(p.range.address.lastIndexOf('!') + 1).replace(/\$/g, '');
      const pos = parseCell(addr);
      if (!pos) continue;
      let m = found.get(p.sheet);
      if (!m) found.set(p.sheet, (m = new Map()));
      m.set(addr, { pos, fill: (p.props.value[0]?.[0]?.format?.fill as OfficeFill | undefined) ?? null, note: p.note });
    }
  }
  const cellAt = (sheet: string, at: string) => seen.get(sheet)?.get(at) ?? found.get(sheet)?.get(at) ?? null;
  const located = locateMarks(memory.cells, (sheet) => {
    const at = seen.get(sheet);
    if (!at) return null;
    const out: NoteAt[] = [];
    const add = (cell: string, note: Excel.Note | null) => {
      const t = text(note);
      if (t !== null) out.push({ cell, text: t });
    };
    for (const [cell, x] of at) add(cell, x.note);
    for (const [cell, x] of found.get(sheet) ?? []) if (!at.has(cell)) add(cell, x.note);
    return out;
  });
  // A fallback judged at an address no read covered cannot be: bySheet holds every remembered address.
  const steps = judgeMarks(located.found, memory.colours, (sheet, at) => {
    const c = cellAt(sheet, at);
    return { fill: solidArgbOf(c?.fill), note: text(c?.note ?? null) };
  });
  return {
    steps: steps.map((s) => {
      const c = cellAt(s.entry.sheet, s.at);
      return { ...s, pos: c?.pos ?? parseCell(s.at)!, noteObj: c?.note ?? null };
    }),
    located,
  };
}
