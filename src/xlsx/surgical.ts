/**
 * The .xlsx host: a WorkbookHost (src/host/port.ts) over the file's bytes that reads with a streaming
 * parser and writes by patching only the parts it changes; every other zip entry of the user's file is
 * copied byte for byte (src/xlsx/zip.ts). What it touches, and nothing else:
 *  - a marked cell's style index (`s=` on its `<c>`), with new `<fill>`/`<xf>` entries appended to
 *    styles.xml ("original style + mark fill", one per original style and colour);
 *  - the notes of marked sheets (comments part, legacy VML drawing, their rels and content types);
 *  - the workbook's sheet list and rels, and the parts of the sheets it adds (summary sheets, the very
 *    hidden memory sheet) or removes.
 * Sheets are read only when asked for by name (readGrids), each in one streaming pass; nothing else of the
 * file is inflated. Works on a Uint8Array in Node and in browsers (no fs, no Buffer).
 */
import type { SheetGrid } from '../ledger/grid';
import type { Mark } from '../report/model';
import {
  MEMORY_SHEET,
  appliedNoteText,
  findMemorySheet,
  memorySheetName,
  noteHash,
  ownNote,
  type MarkColours,
  type MarkedCell,
  type MemoryRows,
  type NoteValue,
  type RunMemory,
} from '../host/memory';
import type { SheetInfo, SheetState, SheetWrite, UndoResult, WorkbookHost } from '../host/port';
import { countSteps, judgeMarks, locateMarks, type Location, type UndoStep } from '../host/relocate';
import { SETTINGS_SHEET, settingsTextOf } from '../host/settings';
import { fitCellText } from '../host/grid-rules';
import { CT, NS_REL, REL, XlsxPackage, esc, escapeRe, insertBeforeClose, local, parseXml, relIs, relsPartOf } from './package';
import { patchCells, type CellPatch } from './cells';
import {
  appendComments,
  commentFromNote,
  commentText,
  commentsOf,
  commentsPrefix,
  maxShapeId,
  newComment,
  newComments,
  newShape,
  newVml,
  keptNoteXml,
  noteValueOf,
  shapesOf,
  SHAPETYPE,
  inPrefixes,
  vmlPrefixes,
  withText,
} from './notes';
import { addDefinedName } from './defined-names';
import { printTitlesRef, renderSummarySheet, renderValuesSheet } from './render';
import { SheetTooLarge, readRawRows, readSharedStrings, readSheetGrid, type ReadContext } from './sheet-read';
import { StyleSheet, attrsOf, fillDescOf, setAttrs, trimOwnStyles } from './styles';
import { ZipError } from './zip';
import { HEADER_SCAN_ROWS, detectHeader } from '../ledger/header';
import { LEDGER_DEFS } from '../ledger/synonyms';

/** A file that cannot be opened or a sheet that cannot be checked; `message` is one Chinese sentence. */
export class XlsxError extends Error {
  readonly userMessage = true;
  constructor(
    readonly code: 'unreadable' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'XlsxError';
  }
}

/** Cells a sheet may hold to be read into a grid (about 1.5 GB of grid at most; a county ledger is far below). */
export const MAX_GRID_CELLS = 4_000_000;

interface SheetRef {
  name: string;
  state: SheetState;
  rid: string;
  /** The part (zip name) of a worksheet; '' for a chartsheet or a dangling entry. */
  part: string;
  worksheet: boolean;
}

const WB_DEFAULT = 'xl/workbook.xml';

/** Sheets whose XML is larger than this (uncompressed) are screened by their first rows before a full read. */
export const SCREEN_BYTES = 32 * 1024 * 1024;

export interface OpenOptions {
  /** Cells a sheet may hold to be read into a grid (default MAX_GRID_CELLS). */
  maxGridCells?: number;
  /** Part size above which a sheet is screened first (default SCREEN_BYTES). */
  screenBytes?: number;
}

/** A sheet's first rows hold a ledger header (the engine's own detector). */
function looksLikeLedger(head: SheetGrid): boolean {
  return detectHeader(head, LEDGER_DEFS) !== null;
}

export class SurgicalXlsxHost implements WorkbookHost {
  private readonly pkg: XlsxPackage;
  private readonly wbPart: string;
  private sheets: SheetRef[] = [];
  private ctx: ReadContext | null = null;
  private stylesPart: string | null = null;
  private stylesheet: StyleSheet | null = null;
  private readonly maxCells: number;
  private readonly screenBytes: number;

  constructor(bytes: Uint8Array, opts: OpenOptions = {}) {
    this.maxCells = opts.maxGridCells ?? MAX_GRID_CELLS;
    this.screenBytes = opts.screenBytes ?? SCREEN_BYTES;
    try {
      this.pkg = new XlsxPackage(bytes);
      const root = this.pkg.rels('').find((r) => relIs(r.type, REL.officeDocument) && !r.external);
      this.wbPart = root && this.pkg.has(root.part) ? this.pkg.nameOf(root.part) : this.pkg.nameOf(WB_DEFAULT);
      if (!this.pkg.has(this.wbPart)) throw new ZipError('no workbook part');
      this.loadSheets();
    } catch (e) {
      throw unreadable(e);
    }
  }

  /** The workbook as .xlsx bytes. */
  save(): Uint8Array {
    this.flushStyles();
    return this.pkg.save();
  }

  /** Whether the workbook holds macros (a VBA project). */
  hasMacros(): boolean {
    return this.pkg.rels(this.wbPart).some((r) => /\/vbaProject$/.test(r.type) && !r.external && this.pkg.has(r.part));
  }

  /**
   * Makes the workbook a macro-free .xlsx (what a target named .xlsx must be, or Excel refuses to open it):
   * the VBA project, its relationship and content type go, the workbook's content type becomes the plain one.
   */
  dropMacros(): void {
    for (const r of this.pkg.rels(this.wbPart)) {
      if (!/\/vbaProject$/.test(r.type) || r.external) continue;
      const part = this.pkg.nameOf(r.part);
      if (this.pkg.has(relsPartOf(part))) this.pkg.remove(relsPartOf(part));
      this.pkg.remove(part);
      this.pkg.removeOverride(part);
      this.pkg.removeRel(this.wbPart, r.id);
    }
    const ct = this.pkg.text('[Content_Types].xml');
    if (ct) {
      const next = ct.replace(/application\/vnd\.ms-excel\.(sheet|template)\.macroEnabled\.main\+xml/g, (_a, k: string) => `application/vnd.openxmlformats-officedocument.spreadsheetml.${k}.main+xml`);
      if (next !== ct) this.pkg.setText('[Content_Types].xml', next);
    }
  }

  /** Names of the zip entries this host changed, added or removed (for tests and the CLI's notice). */
  get package(): XlsxPackage {
    return this.pkg;
  }

  // -------------------------------------------------------------------------------------------
  // Workbook structure

  private workbookXml(): string {
    return this.pkg.text(this.wbPart) ?? '';
  }

  private loadSheets(): void {
    const rels = new Map(this.pkg.rels(this.wbPart).map((r) => [r.id, r]));
    const out: SheetRef[] = [];
    let inSheets = false;
    parseXml(this.workbookXml(), {
      open: (t) => {
        const n = local(t.name);
        if (n === 'sheets') inSheets = true;
        if (n !== 'sheet' || !inSheets) return;
        const a = t.attributes;
        let rid = '';
        for (const [k, v] of Object.entries(a)) if (local(k) === 'id' && k.includes(':')) rid = v;
        const rel = rels.get(rid);
        const worksheet = !!rel && relIs(rel.type, REL.worksheet);
        const st = String(a.state ?? '');
        const state: SheetState = st === 'hidden' || st === 'veryHidden' ? st : 'visible';
        out.push({ name: a.name ?? '', state, rid, part: rel && !rel.external ? this.pkg.nameOf(rel.part) : '', worksheet });
      },
      close: (n) => {
        if (local(n) === 'sheets') inSheets = false;
      },
    });
    this.sheets = out;
  }

  private worksheets(): SheetRef[] {
    return this.sheets.filter((s) => s.worksheet);
  }

  private sheet(name: string): SheetRef | undefined {
    return this.worksheets().find((s) => s.name === name);
  }

  private context(): ReadContext {
    if (this.ctx) return this.ctx;
    const rels = this.pkg.rels(this.wbPart);
    const ss = rels.find((r) => relIs(r.type, REL.sharedStrings) && !r.external && this.pkg.has(r.part));
    const strings = readSharedStrings(this.pkg, ss ? this.pkg.nameOf(ss.part) : null);
    const styles = this.styles();
    const pr = /<(?:[\w.-]+:)?workbookPr\b[^>]*>/.exec(this.workbookXml());
    const d = pr ? attrsOf(pr[0]).date1904 : undefined;
    this.ctx = { strings, styles, date1904: d === '1' || d === 'true' };
    return this.ctx;
  }

  private styles(): StyleSheet {
    if (this.stylesheet) return this.stylesheet;
    const rel = this.pkg.rels(this.wbPart).find((r) => relIs(r.type, REL.styles) && !r.external && this.pkg.has(r.part));
    this.stylesPart = rel ? this.pkg.nameOf(rel.part) : null;
    this.stylesheet = new StyleSheet(this.stylesPart ? this.pkg.text(this.stylesPart) : null);
    return this.stylesheet;
  }

  private flushStyles(): void {
    const st = this.stylesheet;
    if (!st || !st.changed) return;
    const text = st.render();
    if (!this.stylesPart) {
      this.stylesPart = 'xl/styles.xml';
      this.pkg.addRel(this.wbPart, REL.styles, this.stylesPart);
      this.pkg.addOverride(this.stylesPart, 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml');
    }
    this.pkg.setText(this.stylesPart, text);
  }

  // -------------------------------------------------------------------------------------------
  // Port: reading

  async listSheets(): Promise<SheetInfo[]> {
    return this.worksheets().map((s) => ({ name: s.name, state: s.state }));
  }

  async readGrids(names: string[]): Promise<SheetGrid[]> {
    const out: SheetGrid[] = [];
    for (const name of names) {
      const s = this.sheet(name);
      if (!s) continue;
      if (!s.part || !this.pkg.has(s.part)) {
        out.push({ name, top: 1, left: 1, values: [], formats: [], merges: [] });
        continue;
      }
      try {
        // A very large sheet that is not a ledger (no ledger header in its first rows) is handed over as those
        // rows only: it costs one partial streaming pass, never a grid of millions of cells.
        if (this.pkg.sizeOf(s.part) > this.screenBytes) {
          const head = readSheetGrid(this.pkg, s.part, name, this.context(), { maxRow: HEADER_SCAN_ROWS });
          if (!looksLikeLedger(head)) {
            out.push(head);
            continue;
          }
        }
        out.push(readSheetGrid(this.pkg, s.part, name, this.context(), { maxCells: this.maxCells }));
      } catch (e) {
        if (e instanceof SheetTooLarge) {
          throw new XlsxError(
            'too-large',
            `工作表「${name}」有超过 ${this.maxCells.toLocaleString('en-US')} 个有内容的单元格，超出本工具一次能检查的范围；请把不需要检查的内容移到另一个工作簿，或把台账拆成几个较小的工作簿后再检查。`,
          );
        }
        throw unreadable(e);
      }
    }
    return out;
  }

  async readMemory(): Promise<MemoryRows | null> {
    const s = findMemorySheet(this.worksheets());
    if (!s) return null;
    if (!s.part || !this.pkg.has(s.part)) return [];
    return readRawRows(this.pkg, s.part, this.context());
  }

  /** The add-in's settings text saved in the workbook (very hidden sheet `_junheng_settings`), or null. */
  readSettingsText(): string | null {
    const s = this.sheet(SETTINGS_SHEET);
    if (!s || !s.part || !this.pkg.has(s.part)) return null;
    const rows = readRawRows(this.pkg, s.part, this.context());
    return settingsTextOf(rows.map((r) => r[0] ?? null));
  }

  // -------------------------------------------------------------------------------------------
  // Port: marks

  async applyMarks(marks: Mark[], colours: MarkColours): Promise<MarkedCell[]> {
    const out: MarkedCell[] = [];
    const bySheet = new Map<string, Mark[]>();
    for (const m of marks) {
      const s = this.sheet(m.sheet);
      if (!s || !s.part || !this.pkg.has(s.part)) continue;
      let l = bySheet.get(m.sheet);
      if (!l) bySheet.set(m.sheet, (l = []));
      l.push(m);
    }
    const styles = this.styles();
    for (const [name, list] of bySheet) {
      const s = this.sheet(name)!;
      const notes = this.notesOf(s.part);
      const patches: CellPatch[] = [];
      const origStyle = patchCells(this.pkg.text(s.part)!, list.map((m) => m.cell)).styles;
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
      this.pkg.setText(s.part, patchCells(this.pkg.text(s.part)!, patches).xml);
      this.writeNotes(s.part, notes, (xml) => {
        let t = xml;
        const spans = notes.comments.filter((c) => replaced.has(c.start)).sort((a, b) => b.start - a.start);
        for (const c of spans) t = t.slice(0, c.start) + replaced.get(c.start)! + t.slice(c.end);
        return appendComments(t, newComments.join(''));
      }, (vml) => (newShapes.length ? insertBeforeClose(vml, 'xml', newShapes.join('')) : vml));
    }
    return out;
  }

  async undo(memory: RunMemory): Promise<UndoResult> {
    const res: UndoResult = { restored: 0, kept: 0, missing: 0, removedSheets: [], removedAt: [] };
    const styles = this.styles();
    const notesBy = new Map<string, ReturnType<SurgicalXlsxHost['notesOf']>>();
    const located = locateMarks(memory.cells, (name) => {
      const s = this.sheet(name);
      if (!s || !s.part || !this.pkg.has(s.part)) return null;
      const notes = this.notesOf(s.part);
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
      const s = this.sheet(name)!;
      const notes = notesBy.get(name)!;
      const cur = patchCells(this.pkg.text(s.part)!, found.map((l) => l.at)).styles;
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
      if (patches.length) this.pkg.setText(s.part, patchCells(this.pkg.text(s.part)!, patches).xml);
      if (edits.length || addComments.length || shapeEdits.length || addShapes.length) {
        this.writeNotes(
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
    const order = this.worksheets();
    for (const s of memory.sheets) {
      const index = order.findIndex((w) => w.name === s.name);
      if (index >= 0 && s.name !== MEMORY_SHEET && s.name !== findMemorySheet(order)?.name) res.removedAt.push({ ...s, index });
    }
    for (const s of res.removedAt) {
      this.removeSheet(s.name);
      res.removedSheets.push(s.name);
    }
    this.trimStyles();
    return res;
  }

  /** After an undo: styles.xml without the entries this tool appended that no cell uses any more. */
  private trimStyles(): void {
    this.flushStyles();
    if (!this.stylesPart) return;
    const text = this.pkg.text(this.stylesPart);
    if (!text) return;
    let max = 0;
    for (const s of this.worksheets()) {
      if (!s.part || !this.pkg.has(s.part)) continue;
      let carry = '';
      this.pkg.streamText(s.part, (chunk) => {
        const t = carry + chunk;
        const re = /<(?:[\w.-]+:)?(?:c|row)\b[^>]*?\ss="(\d+)"|<(?:[\w.-]+:)?col\b[^>]*?\sstyle="(\d+)"/g;
        let m: RegExpExecArray | null;
        let last = 0;
        while ((m = re.exec(t))) {
          const v = Number(m[1] ?? m[2]);
          if (v > max) max = v;
          last = re.lastIndex;
        }
        // Keep an unfinished tag for the next chunk.
        const lt = t.lastIndexOf('<');
        carry = lt >= last ? t.slice(lt) : '';
      });
    }
    const next = trimOwnStyles(text, max);
    if (next === text) return;
    this.pkg.setText(this.stylesPart, next);
    this.stylesheet = new StyleSheet(next);
  }

  // -------------------------------------------------------------------------------------------
  // Notes parts of a sheet

  private notesOf(sheetPart: string) {
    const rels = this.pkg.rels(sheetPart);
    const cRel = rels.find((r) => relIs(r.type, REL.comments) && !r.external && this.pkg.has(r.part));
    const vRel = rels.find((r) => relIs(r.type, REL.vml) && !r.external && this.pkg.has(r.part));
    const commentsPart = cRel ? this.pkg.nameOf(cRel.part) : null;
    const vmlPart = vRel ? this.pkg.nameOf(vRel.part) : null;
    const xml = commentsPart ? this.pkg.text(commentsPart) : null;
    const vml = vmlPart ? this.pkg.text(vmlPart) : null;
    const hasAuthor = xml ? /<(?:[\w.-]+:)?author\b/.test(xml) : true;
    return {
      commentsPart,
      vmlPart,
      commentsRel: cRel?.id ?? null,
      vmlRel: vRel?.id ?? null,
      xml,
      vml,
      prefix: xml ? commentsPrefix(xml) : '',
      comments: xml ? commentsOf(xml) : [],
      shapes: vml ? shapesOf(vml) : [],
      authorId: 0,
      hasAuthor,
    };
  }

  /** Writes a sheet's comments and VML through the edit functions; creates or removes the parts as needed. */
  private writeNotes(
    sheetPart: string,
    notes: ReturnType<SurgicalXlsxHost['notesOf']>,
    editComments: (xml: string) => string,
    editVml: (vml: string) => string,
  ): void {
    // Comments
    let cPart = notes.commentsPart;
    let xml = notes.xml ?? newComments();
    if (!notes.hasAuthor) xml = xml.replace(/<((?:[\w.-]+:)?)authors\b([^>]*?)(\/?)>/, (_a, p: string, at: string, self: string) => `<${p}authors${at}><${p}author>均衡自查</${p}author>${self ? `</${p}authors>` : ''}`);
    xml = editComments(xml);
    const empty = commentsOf(xml).length === 0;
    if (empty) {
      if (cPart) {
        this.pkg.remove(cPart);
        this.pkg.removeOverride(cPart);
        if (notes.commentsRel) this.pkg.removeRel(sheetPart, notes.commentsRel);
      }
    } else {
      if (!cPart) {
        cPart = this.pkg.freePart('xl/comments', '.xml');
        this.pkg.addRel(sheetPart, REL.comments, cPart);
        this.pkg.addOverride(cPart, CT.comments);
      }
      if (xml !== notes.xml) this.pkg.setText(cPart, xml);
    }
    // VML
    const vPart = notes.vmlPart;
    let vml = notes.vml ?? newVml('');
    const px = vmlPrefixes(vml);
    if (!/_x0000_t202/.test(vml)) {
      const at = vml.search(/<[\w.-]+:shape\b/);
      const type = inPrefixes(SHAPETYPE, px);
      vml = at >= 0 ? vml.slice(0, at) + type + vml.slice(at) : insertBeforeClose(vml, 'xml', type);
    }
    vml = editVml(vml);
    const noShapes = shapesOf(vml).length === 0 && !/<[\w.-]+:shape\b/.test(vml);
    if (noShapes) {
      if (vPart) {
        this.pkg.remove(vPart);
        this.pkg.removeOverride(vPart);
        if (notes.vmlRel) {
          this.pkg.removeRel(sheetPart, notes.vmlRel);
          this.setLegacyDrawing(sheetPart, notes.vmlRel, null);
        }
      }
    } else if (!vPart) {
      const part = this.pkg.freePart('xl/drawings/vmlDrawing', '.vml');
      this.pkg.setText(part, vml);
      // An Override, not a Default for .vml: removing it again on undo leaves the content types as they were.
      this.pkg.addOverride(part, CT.vml);
      const id = this.pkg.addRel(sheetPart, REL.vml, part);
      this.setLegacyDrawing(sheetPart, null, id);
    } else if (vml !== notes.vml) this.pkg.setText(vPart, vml);
  }

  /** Adds `<legacyDrawing r:id>` (id) or removes the one pointing at `oldId`. */
  private setLegacyDrawing(sheetPart: string, oldId: string | null, id: string | null): void {
    let xml = this.pkg.text(sheetPart)!;
    if (oldId) {
      xml = xml.replace(new RegExp(`<(?:[\\w.-]+:)?legacyDrawing\\b[^>]*"${escapeRe(oldId)}"[^>]*/>`), '');
    }
    if (id) {
      const root = /<((?:[\w.-]+:)?)worksheet\b[^>]*>/.exec(xml);
      const prefix = root?.[1] ?? '';
      const nsDecl = root ? new RegExp(`xmlns:([\\w.-]+)="${escapeRe(NS_REL)}"`).exec(root[0]) : null;
      const el = nsDecl ? `<${prefix}legacyDrawing ${nsDecl[1]}:id="${id}"/>` : `<${prefix}legacyDrawing xmlns:r="${NS_REL}" r:id="${id}"/>`;
      const after = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
      let at = -1;
      for (const n of after) {
        const m = new RegExp(`<(?:[\\w.-]+:)?${n}\\b`).exec(xml);
        if (m && (at < 0 || m.index < at)) at = m.index;
      }
      if (at < 0) at = xml.search(/<\/(?:[\w.-]+:)?worksheet\s*>/);
      xml = xml.slice(0, at) + el + xml.slice(at);
    }
    this.pkg.setText(sheetPart, xml);
  }

  // -------------------------------------------------------------------------------------------
  // Sheets

  async writeSheets(sheets: SheetWrite[]): Promise<string[]> {
    const names: string[] = [];
    for (const s of sheets) {
      const pos = this.addSheet(s.name, renderSummarySheet(s.model, this.styles()), 'visible', s.index);
      // The rows repeated on every printed page: a name scoped to the sheet (removed with it).
      if (s.model.print) this.pkg.setText(this.wbPart, addDefinedName(this.workbookXml(), '_xlnm.Print_Titles', pos, printTitlesRef(s.name, s.model.print.titleRows)));
      names.push(s.name);
    }
    return names;
  }

  async writeMemory(rows: MemoryRows | null): Promise<void> {
    const old = findMemorySheet(this.worksheets());
    if (old) this.removeSheet(old.name);
    if (!rows) return;
    const name = memorySheetName(this.worksheets().map((s) => s.name));
    this.addSheet(name, renderValuesSheet(rows), 'veryHidden', undefined);
  }

  /** Adds a worksheet part and its `<sheet>` entry at a 0-based position among the worksheets; returns its position among all sheets. */
  private addSheet(name: string, xml: string, state: SheetState, index: number | undefined): number {
    const part = this.pkg.freePart('xl/worksheets/sheet', '.xml');
    this.pkg.setText(part, xml);
    this.pkg.addOverride(part, CT.worksheet);
    const rid = this.pkg.addRel(this.wbPart, REL.worksheet, part);
    let wb = this.workbookXml();
    // The smallest free sheetId (unique is all it must be): a re-run gets the ids of the run it replaces.
    const ids = new Set([...wb.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*\bsheetId="(\d+)"/g)].map((m) => Number(m[1])));
    let sheetId = 1;
    while (ids.has(sheetId)) sheetId++;
    const root = /<((?:[\w.-]+:)?)workbook\b[^>]*>/.exec(wb);
    const prefix = root?.[1] ?? '';
    const ns = root ? new RegExp(`xmlns:([\\w.-]+)="${escapeRe(NS_REL)}"`).exec(root[0]) : null;
    const rAttr = ns ? `${ns[1]}:id="${rid}"` : `xmlns:r="${NS_REL}" r:id="${rid}"`;
    const el = `<${prefix}sheet name="${esc(name)}" sheetId="${sheetId}"${state !== 'visible' ? ` state="${state}"` : ''} ${rAttr}/>`;
    // Position among all <sheet> entries: before the worksheet now at `index`.
    const ws = this.worksheets();
    const before = index !== undefined && index < ws.length ? ws[Math.max(0, index)] : undefined;
    const pos = before ? this.sheets.indexOf(before) : this.sheets.length;
    const spans = sheetSpans(wb);
    if (pos < spans.length) wb = wb.slice(0, spans[pos].start) + el + wb.slice(spans[pos].start);
    else if (/<(?:[\w.-]+:)?sheets\b/.test(wb)) wb = insertBeforeClose(wb, 'sheets', el);
    else {
      // A workbook without a sheet list: one goes where the schema puts it (before definedNames / calcPr …).
      const m = /<(?:[\w.-]+:)?(?:functionGroups|externalReferences|definedNames|calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/(?:[\w.-]+:)?workbook\s*>/.exec(wb);
      const at = m ? m.index : wb.length;
      wb = `${wb.slice(0, at)}<${prefix}sheets>${el}</${prefix}sheets>${wb.slice(at)}`;
    }
    wb = shiftSheetIndexes(wb, pos, +1);
    this.pkg.setText(this.wbPart, wb);
    this.sheets.splice(pos, 0, { name, state, rid, part, worksheet: true });
    return pos;
  }

  /** Removes a worksheet: its entry, rel, part, the part's own rels and the parts only they point at. */
  private removeSheet(name: string): void {
    const s = this.sheet(name);
    if (!s) return;
    const pos = this.sheets.indexOf(s);
    let wb = this.workbookXml();
    const spans = sheetSpans(wb);
    if (spans[pos]) wb = wb.slice(0, spans[pos].start) + wb.slice(spans[pos].end);
    // Names scoped to the removed sheet go with it; later sheet indexes move down.
    wb = wb.replace(new RegExp(`<(?:[\\w.-]+:)?definedName\\b[^>]*\\blocalSheetId="${pos}"[^>]*?(?:/>|>[\\s\\S]*?</(?:[\\w.-]+:)?definedName\\s*>)`, 'g'), '');
    wb = wb.replace(/<((?:[\w.-]+:)?)definedNames\b[^>]*>\s*<\/(?:[\w.-]+:)?definedNames\s*>/, '');
    wb = shiftSheetIndexes(wb, pos + 1, -1);
    this.pkg.setText(this.wbPart, wb);
    this.pkg.removeRel(this.wbPart, s.rid);
    if (s.part) {
      for (const r of this.pkg.rels(s.part)) {
        if (r.external || !this.pkg.has(r.part)) continue;
        if (relIs(r.type, REL.comments) || relIs(r.type, REL.vml) || /\/(table|drawing|printerSettings)$/.test(r.type)) {
          const p = this.pkg.nameOf(r.part);
          this.pkg.remove(p);
          this.pkg.removeOverride(p);
        }
      }
      if (this.pkg.has(relsPartOf(s.part))) this.pkg.remove(relsPartOf(s.part));
      this.pkg.remove(s.part);
      this.pkg.removeOverride(s.part);
    }
    this.sheets.splice(pos, 1);
  }
}

/** Start/end of each `<sheet>` element inside `<sheets>`. */
function sheetSpans(wb: string): { start: number; end: number }[] {
  const open = /<(?:[\w.-]+:)?sheets\b[^>]*>/.exec(wb);
  if (!open) return [];
  const close = /<\/(?:[\w.-]+:)?sheets\s*>/.exec(wb.slice(open.index));
  const endAt = close ? open.index + close.index : wb.length;
  const out: { start: number; end: number }[] = [];
  const re = /<(?:[\w.-]+:)?sheet\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?sheet\s*>)/g;
  re.lastIndex = open.index + open[0].length;
  let m: RegExpExecArray | null;
  while ((m = re.exec(wb)) && m.index < endAt) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Moves sheet-position references (definedName localSheetId, activeTab, firstSheet) at or after `from` by `delta`. */
function shiftSheetIndexes(wb: string, from: number, delta: number): string {
  const shift = (tag: string, attr: string) =>
    tag.replace(new RegExp(`(\\s${attr}=")(\\d+)(")`), (_a, p: string, n: string, q: string) => {
      const v = Number(n);
      return `${p}${v >= from ? Math.max(0, v + delta) : v}${q}`;
    });
  return wb
    .replace(/<(?:[\w.-]+:)?definedName\b[^>]*>/g, (t) => shift(t, 'localSheetId'))
    .replace(/<(?:[\w.-]+:)?workbookView\b[^>]*>/g, (t) => shift(shift(t, 'activeTab'), 'firstSheet'));
}

function applyEdits(text: string, edits: { start: number; end: number; xml: string }[]): string {
  let t = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) t = t.slice(0, e.start) + e.xml + t.slice(e.end);
  return t;
}

function unreadable(e: unknown): Error {
  if (e instanceof XlsxError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  void detail;
  return new XlsxError('unreadable', '无法打开这个工作簿：文件可能已损坏，或由不兼容的软件生成，请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。');
}

/** Opens an .xlsx from its bytes (throws XlsxError with a Chinese sentence when it cannot). */
export function openXlsx(bytes: Uint8Array, opts: OpenOptions = {}): SurgicalXlsxHost {
  return new SurgicalXlsxHost(bytes, opts);
}

export { setAttrs };
