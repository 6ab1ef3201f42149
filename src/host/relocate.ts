/**
 * Where the marks of a previous run are now, and what undoing each one means. Pure policy, shared by every
 * host (src/xlsx/surgical.ts, src/xlsx/host.ts, src/office): a host reads, hands what it read to these two
 * functions, and writes what they decide.
 *
 * A mark is recognised by what the tool wrote, not only by its address: the note whose text hashes to the
 * remembered `applied` hash. Excel, WPS and LibreOffice move a cell's fill and note together with its value
 * when the user sorts, so a mark found elsewhere on its sheet is the same mark, moved — and its original
 * fill and note (kept in the memory entry) go back there.
 *
 * locateMarks, per sheet:
 *  1. a mark whose note is still at its remembered address is there;
 *  2. the others are looked for among the sheet's other notes by hash: one entry, one unclaimed note → moved
 *     there. Several entries with the same hash (the same note written on several cells) are assigned only
 *     when they are interchangeable (same style, same original fill and note: any assignment restores the
 *     same workbook) and there are no more such notes than entries; otherwise nothing is guessed and the
 *     entries are reported as `unlocated` (nothing is done for them);
 *  3. a mark whose note is found nowhere (the user edited or deleted it) is judged at its remembered address,
 *     as before relocation existed — unless another mark now sits there (then it is `unlocated` too).
 * judgeMarks, per located mark: the fill goes back when the cell's fill is still a solid fill of the run's
 * colour for that mark; the note when its text still hashes to `applied`. Anything else is the user's and
 * is kept.
 */
import { noteHash, type MarkColours, type MarkedCell } from './memory';

/** A cell of a sheet that carries a note, as read now (address as `B3`, the note's plain text). */
export interface NoteAt {
  cell: string;
  text: string;
}

/** A remembered mark and the address it is judged at now. */
export interface Location {
  entry: MarkedCell;
  at: string;
  /** True when `at` is not the remembered address (the mark moved with a sort). */
  moved: boolean;
}

export interface Located {
  found: Location[];
  /** Marks whose sheet no longer exists. */
  missing: MarkedCell[];
  /** Marks that cannot be placed without guessing: nothing is done for them. */
  unlocated: MarkedCell[];
}

const norm = (a: string) => a.replace(/\$/g, '').toUpperCase();

function interchangeable(list: MarkedCell[]): boolean {
  const k = (e: MarkedCell) => JSON.stringify([e.style, e.fill, e.note]);
  const first = k(list[0]);
  return list.every((e) => k(e) === first);
}

/**
 * Places each remembered mark. `notesOf(sheet)` lists the cells of a sheet that carry a note now, or null
 * when the sheet does not exist (a host without a notes API passes an empty list: marks stay where they were).
 */
export function locateMarks(cells: readonly MarkedCell[], notesOf: (sheet: string) => readonly NoteAt[] | null): Located {
  const out: Located = { found: [], missing: [], unlocated: [] };
  const bySheet = new Map<string, MarkedCell[]>();
  for (const c of cells) {
    let l = bySheet.get(c.sheet);
    if (!l) bySheet.set(c.sheet, (l = []));
    l.push(c);
  }
  for (const [sheet, entries] of bySheet) {
    const notes = notesOf(sheet);
    if (notes === null) {
      out.missing.push(...entries);
      continue;
    }
    const hashAt = new Map<string, string>();
    for (const n of notes) hashAt.set(norm(n.cell), noteHash(n.text));
    const claimed = new Set<string>();
    const rest: MarkedCell[] = [];
    // 1. Still where it was.
    for (const e of entries) {
      const at = norm(e.cell);
      if ((hashAt.get(at) ?? noteHash('')) === e.applied) {
        out.found.push({ entry: e, at, moved: false });
        claimed.add(at);
      } else rest.push(e);
    }
    // 2. Moved: found elsewhere by its note.
    const groups = new Map<string, MarkedCell[]>();
    for (const e of rest) {
      let g = groups.get(e.applied);
      if (!g) groups.set(e.applied, (g = []));
      g.push(e);
    }
    const fallback: MarkedCell[] = [];
    for (const [h, group] of groups) {
      const cands = [...hashAt].filter(([a, x]) => x === h && !claimed.has(a)).map(([a]) => a);
      if (cands.length === 0) {
        fallback.push(...group);
      } else if (group.length === 1 && cands.length === 1) {
        out.found.push({ entry: group[0], at: cands[0], moved: true });
        claimed.add(cands[0]);
      } else if (cands.length <= group.length && interchangeable(group)) {
        group.forEach((e, i) => {
          if (i < cands.length) {
            out.found.push({ entry: e, at: cands[i], moved: cands[i] !== norm(e.cell) });
            claimed.add(cands[i]);
          } else fallback.push(e);
        });
      } else {
        out.unlocated.push(...group);
        for (const a of cands) claimed.add(a); // someone's mark: never judged as another entry's cell
      }
    }
    // 3. Note gone or edited: judged at the remembered address, unless another mark sits there now.
    for (const e of fallback) {
      const at = norm(e.cell);
      if (claimed.has(at)) out.unlocated.push(e);
      else {
        out.found.push({ entry: e, at, moved: false });
        claimed.add(at);
      }
    }
  }
  return out;
}

/** A located cell as read now: its fill as a solid ARGB colour (null for no fill or anything else), its note text. */
export interface CellNow {
  fill: string | null;
  note: string | null;
}

export interface UndoStep extends Location {
  /** Put the original fill back (the cell still has the mark's fill). */
  fill: boolean;
  /** Put the original note back (the note is still the one the run wrote). */
  note: boolean;
}

const sameColour = (a: string | null, b: string) => a !== null && a.slice(-6).toUpperCase() === b.slice(-6).toUpperCase();

/** What undoing each located mark does. `now(sheet, at)` is the cell as read now. */
export function judgeMarks(found: readonly Location[], colours: MarkColours, now: (sheet: string, at: string) => CellNow): UndoStep[] {
  return found.map((l) => {
    const c = now(l.entry.sheet, l.at);
    return { ...l, fill: sameColour(c.fill, colours[l.entry.style]), note: noteHash(c.note ?? '') === l.entry.applied };
  });
}

/** The counts of UndoResult for these steps (unlocated marks are reported apart). */
export function countSteps(steps: readonly UndoStep[]): { restored: number; kept: number; moved: number } {
  let restored = 0;
  let kept = 0;
  let moved = 0;
  for (const s of steps) {
    if (s.fill || s.note) restored++;
    if (!s.fill || !s.note) kept++;
    if (s.moved && (s.fill || s.note)) moved++;
  }
  return { restored, kept, moved };
}
