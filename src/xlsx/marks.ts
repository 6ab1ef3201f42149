/**
 * Marks on the user's cells, for the surgical host (src/xlsx/surgical.ts): applying a run's marks (a cell's
 * style index moved to "original style + mark fill", its note set to the mark's text, the original kept
 * for the memory) and putting them back on undo (cells found where the marks moved to, their original
 * style and note restored unless the user changed them since). Removing the run's sheets and trimming the
 * appended styles after an undo is the host's.
 */
import {
  appliedNoteText,
  noteHash,
  ownNote,
  type MarkColours,
  type MarkedCell,
  type NoteValue,
  type RunMemory,
} from '../host/memory';
import type { UndoResult } from '../host/port';
import { countSteps, judgeMarks, locateMarks, type Location, type UndoStep } from '../host/relocate';
import { fitCellText } from '../host/grid-rules';
import type { Mark } from '../report/model';
import { insertBeforeClose } from './package';
import { patchCells, type CellPatch } from './cells';
import { appendComments, commentFromNote, commentText, inPrefixes, keptNoteXml, maxShapeId, newComment, newShape, noteValueOf, vmlPrefixes, withText } from './notes';
import { readNoteParts, writeNoteParts, type NoteParts } from './note-parts';
import { fillDescOf } from './fills';
import type { XlsxWorkbook } from './workbook';

/** Marks the cells (fill and note); returns what each marked cell was, for the memory. */
export function applyMarks(book: XlsxWorkbook, marks: Mark[], colours: MarkColours): MarkedCell[] {
  const out: MarkedCell[] = [];
  const bySheet = new Map<string, Mark[]>();
  for (const m of marks) {
    const s = book.sheet(m.sheet);
    if (!s || !s.part || !book.pkg.has(s.part)) continue;
    let l = bySheet.get(m.sheet);
    if (!l) bySheet.set(m.sheet, (l = []));
    l.push(m);
  }
  const styles = book.styles();
  for (const [name, list] of bySheet) {
    const s = book.sheet(name)!;
    const notes = readNoteParts(book.pkg, s.part);
    const patches: CellPatch[] = [];
    const origStyle = patchCells(book.pkg.text(s.part)!, list.map((m) => m.cell)).styles;
    const newComments: string[] = [];
    const newShapes: string[] = [];
    let shapeId = maxShapeId(notes.vml ?? '');
    const replaced = new Map<number, string>();
    for (const mark of list) {
      const ref = mark.cell.toUpperCase();
      const sIdx = origStyle.get(ref);
      if (sIdx === undefined) continue; // not addressable
      const fillXml = styles.fillXmlOfXf(sIdx);
      const orig = notes.comments.find((c) => c.ref === ref);
      const shape = notes.shapes.find((x) => x.ref === ref);
      const origNote: NoteValue | null = orig ? ownNote(noteValueOf(orig, shape?.xml)) : null;
      const text = fitCellText(appliedNoteText(mark.note, origNote));
      if (orig) replaced.set(orig.start, withText(orig.xml, text, notes.prefix));
      else {
        newComments.push(newComment(ref, notes.authorId, text, notes.prefix));
        if (!shape) newShapes.push(inPrefixes(newShape(ref, ++shapeId), vmlPrefixes(notes.vml)));
      }
      patches.push({ ref, s: styles.markedXf(sIdx, colours[mark.style]) });
      out.push({ sheet: name, cell: mark.cell, style: mark.style, fill: fillDescOf(fillXml), note: origNote, applied: noteHash(text) });
    }
    if (!patches.length) continue;
    book.pkg.setText(s.part, patchCells(book.pkg.text(s.part)!, patches).xml);
    writeNoteParts(book.pkg, s.part, notes, (xml) => {
      let t = xml;
      const spans = notes.comments.filter((c) => replaced.has(c.start)).sort((a, b) => b.start - a.start);
      for (const c of spans) t = t.slice(0, c.start) + replaced.get(c.start)! + t.slice(c.end);
      return appendComments(t, newComments.join(''));
    }, (vml) => (newShapes.length ? insertBeforeClose(vml, 'xml', newShapes.join('')) : vml));
  }
  return out;
}

/** Puts back the marks of a run (style and note of each cell found); the sheets it added are not touched here. */
export function restoreMarks(book: XlsxWorkbook, memory: RunMemory): UndoResult {
  const res: UndoResult = { restored: 0, kept: 0, missing: 0, removedSheets: [], removedAt: [] };
  const styles = book.styles();
  const notesBy = new Map<string, NoteParts>();
  const located = locateMarks(memory.cells, (name) => {
    const s = book.sheet(name);
    if (!s || !s.part || !book.pkg.has(s.part)) return null;
    const notes = readNoteParts(book.pkg, s.part);
    notesBy.set(name, notes);
    return notes.comments.map((c) => ({ cell: c.ref, text: commentText(c.xml) }));
  });
  const bySheet = new Map<string, Location[]>();
  for (const l of located.found) {
    let list = bySheet.get(l.entry.sheet);
    if (!list) bySheet.set(l.entry.sheet, (list = []));
    list.push(l);
  }
  const steps: UndoStep[] = [];
  for (const [name, found] of bySheet) {
    const s = book.sheet(name)!;
    const notes = notesBy.get(name)!;
    const cur = patchCells(book.pkg.text(s.part)!, found.map((l) => l.at)).styles;
    const list = judgeMarks(found, memory.colours, (_n, at) => {
      const d = fillDescOf(styles.fillXmlOfXf(cur.get(at) ?? 0));
      const c = notes.comments.find((x) => x.ref === at);
      return { fill: d && d.pattern === 'solid' && typeof d.fgColor === 'string' ? d.fgColor : null, note: c ? commentText(c.xml) : null };
    });
    steps.push(...list);
    const patches: CellPatch[] = [];
    const edits: { start: number; end: number; xml: string }[] = [];
    const shapeEdits: { start: number; end: number; xml: string }[] = [];
    const addComments: string[] = [];
    const addShapes: string[] = [];
    let shapeId = maxShapeId(notes.vml ?? '');
    for (const { entry: m, at: ref, fill, note } of list) {
      if (fill) patches.push({ ref, s: styles.restoredXf(cur.get(ref) ?? 0, m.fill), restore: true });
      if (!note) continue;
      const c = notes.comments.find((x) => x.ref === ref);
      const shape = notes.shapes.find((x) => x.ref === ref);
      const kept = keptNoteXml(m.note);
      // A note kept as XML names its cell: a mark that moved gets it at the new address (its shape moved with it).
      const keptComment = typeof kept?.comment === 'string' ? kept.comment.replace(/(\sref=")[^"]*(")/, `$1${ref}$2`) : undefined;
      const origComment = keptComment ?? (m.note !== null ? commentFromNote(ref, notes.authorId, m.note, notes.prefix) : null);
      const origShape = typeof kept?.shape === 'string' && ref === m.cell.toUpperCase() ? kept.shape : undefined;
      if (c) edits.push({ start: c.start, end: c.end, xml: origComment ?? '' });
      else if (origComment) addComments.push(origComment);
      if (m.note === null) {
        if (shape) shapeEdits.push({ start: shape.start, end: shape.end, xml: '' });
      } else if (origShape && shape && shape.xml !== origShape) shapeEdits.push({ start: shape.start, end: shape.end, xml: origShape });
      else if (!shape) addShapes.push(origShape ?? inPrefixes(newShape(ref, ++shapeId), vmlPrefixes(notes.vml)));
    }
    if (patches.length) book.pkg.setText(s.part, patchCells(book.pkg.text(s.part)!, patches).xml);
    if (edits.length || addComments.length || shapeEdits.length || addShapes.length) {
      writeNoteParts(
        book.pkg,
        s.part,
        notes,
        (xml) => appendComments(applyEdits(xml, edits), addComments.join('')),
        (vml) => {
          const t = applyEdits(vml, shapeEdits);
          return addShapes.length ? insertBeforeClose(t, 'xml', addShapes.join('')) : t;
        },
      );
    }
  }
  Object.assign(res, countSteps(steps));
  res.missing = located.missing.length;
  if (located.unlocated.length) res.unlocated = located.unlocated.map((c) => ({ sheet: c.sheet, cell: c.cell }));
  return res;
}

function applyEdits(text: string, edits: { start: number; end: number; xml: string }[]): string {
  let t = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) t = t.slice(0, e.start) + e.xml + t.slice(e.end);
  return t;
}
