/**
 * The workbook part of an .xlsx package (xl/workbook.xml and its rels), as the surgical host
 * (src/xlsx/surgical.ts) uses it: the sheet list, what reading a sheet needs (shared strings, styles, the
 * date system), styles.xml written back and trimmed, and worksheets added or removed — their `<sheet>`
 * entry, rel, part and content type, the names scoped to them and the sheet indexes after them. Everything
 * else of workbook.xml stays as it was.
 */
import type { SheetState } from '../host/port';
import { CT, NS_REL, REL, esc, escapeRe, insertBeforeClose, local, parseXml, relIs, relsPartOf, type XlsxPackage } from './package';
import { readSharedStrings, type ReadContext } from './sheet-read';
import { StyleSheet, attrsOf, trimOwnStyles } from './styles';
import { ZipError } from './zip';

/** One `<sheet>` entry of the workbook. */
export interface SheetRef {
  name: string;
  state: SheetState;
  rid: string;
  /** The part (zip name) of a worksheet; '' for a chartsheet or a dangling entry. */
  part: string;
  worksheet: boolean;
}

const WB_DEFAULT = 'xl/workbook.xml';

export class XlsxWorkbook {
  readonly wbPart: string;
  private sheets: SheetRef[] = [];
  private ctx: ReadContext | null = null;
  private stylesPart: string | null = null;
  private stylesheet: StyleSheet | null = null;

  /** Finds the workbook part and reads its sheet list (throws ZipError when there is none). */
  constructor(readonly pkg: XlsxPackage) {
    const root = this.pkg.rels('').find((r) => relIs(r.type, REL.officeDocument) && !r.external);
    this.wbPart = root && this.pkg.has(root.part) ? this.pkg.nameOf(root.part) : this.pkg.nameOf(WB_DEFAULT);
    if (!this.pkg.has(this.wbPart)) throw new ZipError('no workbook part');
    this.loadSheets();
  }

  /** The text of workbook.xml ('' when it cannot be read). */
  workbookXml(): string {
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

  /** The worksheets, in the workbook's order (chartsheets and dangling entries left out). */
  worksheets(): SheetRef[] {
    return this.sheets.filter((s) => s.worksheet);
  }

  /** The worksheet of this name. */
  sheet(name: string): SheetRef | undefined {
    return this.worksheets().find((s) => s.name === name);
  }

  /** What reading a sheet needs: shared strings, styles, the date system (read once). */
  context(): ReadContext {
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

  /** styles.xml (read once; a minimal one when the file has none). */
  styles(): StyleSheet {
    if (this.stylesheet) return this.stylesheet;
    const rel = this.pkg.rels(this.wbPart).find((r) => relIs(r.type, REL.styles) && !r.external && this.pkg.has(r.part));
    this.stylesPart = rel ? this.pkg.nameOf(rel.part) : null;
    this.stylesheet = new StyleSheet(this.stylesPart ? this.pkg.text(this.stylesPart) : null);
    return this.stylesheet;
  }

  /** Writes the entries appended to the styles back into the package (creating styles.xml when needed). */
  flushStyles(): void {
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

  /** After an undo: styles.xml without the entries this tool appended that no cell uses any more. */
  trimStyles(): void {
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

  /** Adds a worksheet part and its `<sheet>` entry at a 0-based position among the worksheets; returns its position among all sheets. */
  addSheet(name: string, xml: string, state: SheetState, index: number | undefined): number {
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
  removeSheet(name: string): void {
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
