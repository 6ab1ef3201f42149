/**
 * The one edit the host makes inside a user's worksheet: a cell's style index (`s=` on its `<c>`).
 * One scan over `<sheetData>` finds the `<row>`/`<c>` tags (a row or cell without its optional `r`
 * follows the previous one); only the start tags of the cells asked for are rewritten, everything else
 * stays as it was, character for character. A cell that does not exist yet is inserted in its row (the
 * row too, when needed); undoing removes such a bare `<c r=".."/>` (and its bare row) again.
 */
import { columnLetter } from '../ledger/grid';
import { parseRef } from './sheet-read';

export interface CellPatch {
  ref: string;
  s: number;
  /** Undo: style 0 drops the attribute, and a cell (row) left bare is removed. */
  restore?: boolean;
}

interface CellTag {
  start: number;
  end: number;
  tag: string;
  row: number;
  col: number;
}

interface RowInfo {
  row: number;
  start: number;
  /** End of the start tag. */
  openEnd: number;
  /** Start of `</row>` (or -1 for a self-closed row). */
  closeStart: number;
  end: number;
  tag: string;
  cells: CellTag[];
}

const TAG = /<(\/?)((?:[\w.-]+:)?)(row|c|sheetData)(?=[\s>/])([^>]*?)(\/?)>/g;

function indexSheet(xml: string, wantRows: Set<number>): { rows: RowInfo[]; prefix: string; dataOpenEnd: number; dataClose: number; selfClosedData: { start: number; end: number } | null } {
  const rows: RowInfo[] = [];
  let prefix = '';
  let dataOpenEnd = -1;
  let dataClose = -1;
  let selfClosedData: { start: number; end: number } | null = null;
  let rowNum = 0;
  let col = 0;
  let cur: RowInfo | null = null;
  TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  let inData = false;
  while ((m = TAG.exec(xml))) {
    const [all, close, pfx, name, attrs, self] = m;
    if (name === 'sheetData') {
      if (close) {
        dataClose = m.index;
        break;
      }
      prefix = pfx;
      if (self) {
        selfClosedData = { start: m.index, end: m.index + all.length };
        break;
      }
      inData = true;
      dataOpenEnd = m.index + all.length;
      continue;
    }
    if (!inData) continue;
    if (name === 'row') {
      if (close) {
        if (cur) {
          cur.closeStart = m.index;
          cur.end = m.index + all.length;
          cur = null;
        }
        continue;
      }
      const r = /\sr\s*=\s*"(\d+)"/.exec(attrs);
      rowNum = r ? Number(r[1]) : rowNum + 1;
      col = 0;
      const info: RowInfo = { row: rowNum, start: m.index, openEnd: m.index + all.length, closeStart: -1, end: m.index + all.length, tag: all, cells: [] };
      if (wantRows.has(rowNum)) rows.push(info);
      cur = self ? null : info;
      if (self && wantRows.has(rowNum)) info.closeStart = -1;
      continue;
    }
    // <c>
    if (close) continue;
    const r = /\sr\s*=\s*"([^"]*)"/.exec(attrs);
    const p = r ? parseRef(r[1]) : null;
    col = p ? p[1] : col + 1;
    if (cur && wantRows.has(rowNum)) cur.cells.push({ start: m.index, end: m.index + all.length, tag: all, row: rowNum, col });
  }
  return { rows, prefix, dataOpenEnd, dataClose, selfClosedData };
}

function styleOf(tag: string): number {
  const s = /\ss\s*=\s*"(\d+)"/.exec(tag);
  return s ? Number(s[1]) : 0;
}

function withStyle(tag: string, s: number, restore: boolean, explicitZero: boolean): string {
  const has = /\ss\s*=\s*"\d*"/.test(tag);
  if (restore && s === 0 && !explicitZero) return tag.replace(/\ss\s*=\s*"\d*"/, '');
  if (has) return tag.replace(/(\ss\s*=\s*")\d*(")/, `$1${s}$2`);
  const r = /\sr\s*=\s*"[^"]*"/.exec(tag);
  if (r) return tag.slice(0, r.index + r[0].length) + ` s="${s}"` + tag.slice(r.index + r[0].length);
  return tag.replace(/^<([\w.:-]+)/, `<$1 s="${s}"`);
}


/**
 * For each ref asked for (strings) its current style index (0 when the cell is absent; refs that are not
 * cell addresses are left out); for each patch, the XML with that cell's style set.
 */
export function patchCells(xml: string, items: (string | CellPatch)[]): { xml: string; styles: Map<string, number> } {
  const wanted = new Map<string, { row: number; col: number; patch?: CellPatch }>();
  const wantRows = new Set<number>();
  for (const it of items) {
    const ref = (typeof it === 'string' ? it : it.ref).replace(/\$/g, '').toUpperCase();
    const p = parseRef(ref);
    if (!p || p[0] > 1048576 || p[1] > 16384) continue;
    wanted.set(`${p[0]},${p[1]}`, { row: p[0], col: p[1], patch: typeof it === 'string' ? undefined : { ...it, ref } });
    wantRows.add(p[0]);
  }
  const idx = indexSheet(xml, wantRows);
  // Undo to style 0: a producer that writes s="0" on its cells (LibreOffice) gets it back, others lose the attribute.
  const explicitZero = /<(?:[\w.-]+:)?c\b[^>]*\ss="0"/.test(xml);
  const styles = new Map<string, number>();
  const edits: { start: number; end: number; text: string }[] = [];
  const rowsByNum = new Map<number, RowInfo>();
  for (const r of idx.rows) if (!rowsByNum.has(r.row)) rowsByNum.set(r.row, r);
  const missingByRow = new Map<number, { col: number; patch: CellPatch }[]>();
  for (const w of wanted.values()) {
    const ref = `${columnLetter(w.col)}${w.row}`;
    const row = rowsByNum.get(w.row);
    const cell = row?.cells.find((c) => c.col === w.col);
    styles.set(ref, cell ? styleOf(cell.tag) : 0);
    if (!w.patch) continue;
    if (cell) {
      let tag = withStyle(cell.tag, w.patch.s, !!w.patch.restore, explicitZero);
      let start = cell.start;
      let end = cell.end;
      // A cell left bare by an undo (only its address, nothing inside) is removed.
      if (w.patch.restore && /^<[\w.:-]+\s+r\s*=\s*"[^"]*"\s*\/>$/.test(tag)) {
        tag = '';
        if (row && row.cells.length === 1 && /^<[\w.:-]+\s+r\s*=\s*"\d+"\s*>$/.test(row.tag) && row.closeStart >= 0 && xml.slice(cell.end, row.closeStart).trim() === '') {
          start = row.start;
          end = row.end;
        }
      }
      edits.push({ start, end, text: tag });
    } else if (!w.patch.restore || w.patch.s !== 0) {
      let l = missingByRow.get(w.row);
      if (!l) missingByRow.set(w.row, (l = []));
      l.push({ col: w.col, patch: w.patch });
    }
  }
  const p = idx.prefix;
  const newRows: { row: number; text: string }[] = [];
  for (const [rowNum, list] of missingByRow) {
    list.sort((a, b) => a.col - b.col);
    const row = rowsByNum.get(rowNum);
    const cellXml = (c: { col: number; patch: CellPatch }) => `<${p}c r="${columnLetter(c.col)}${rowNum}" s="${c.patch.s}"/>`;
    if (!row) {
      newRows.push({ row: rowNum, text: `<${p}row r="${rowNum}">${list.map(cellXml).join('')}</${p}row>` });
      continue;
    }
    if (row.closeStart < 0) {
      // <row .../> → <row ...>cells</row>
      edits.push({ start: row.start, end: row.end, text: `${row.tag.replace(/\s*\/>$/, '>')}${list.map(cellXml).join('')}</${p}row>` });
      continue;
    }
    for (const c of list) {
      const next = row.cells.find((x) => x.col > c.col);
      const at = next ? next.start : row.closeStart;
      edits.push({ start: at, end: at, text: cellXml(c) });
    }
  }
  if (newRows.length) {
    // Rows in order: before the first existing row with a higher number (one more scan over row tags).
    newRows.sort((a, b) => a.row - b.row);
    const allRows = indexRowStarts(xml, idx.dataOpenEnd, idx.dataClose);
    for (const nr of newRows) {
      const next = allRows.find((r) => r.row > nr.row);
      if (idx.selfClosedData) {
        edits.push({ start: idx.selfClosedData.start, end: idx.selfClosedData.end, text: '' });
        edits.push({ start: idx.selfClosedData.start, end: idx.selfClosedData.start, text: `<${p}sheetData>${nr.text}</${p}sheetData>` });
        idx.selfClosedData = null;
        continue;
      }
      const at = next ? next.start : idx.dataClose;
      if (at < 0) continue;
      edits.push({ start: at, end: at, text: nr.text });
    }
  }
  if (!edits.length) return { xml, styles };
  // Apply (stable for equal positions: insertions in the order they were added).
  // An insertion at a position goes before a replacement starting there (a new B3 before a re-styled C3).
  const order = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || Number(a.end > a.start) - Number(b.end > b.start) || a.i - b.i);
  const parts: string[] = [];
  let pos = 0;
  for (const e of order) {
    if (e.start < pos) continue;
    parts.push(xml.slice(pos, e.start), e.text);
    pos = e.end;
  }
  parts.push(xml.slice(pos));
  return { xml: parts.join(''), styles };
}

function indexRowStarts(xml: string, from: number, to: number): { row: number; start: number }[] {
  const out: { row: number; start: number }[] = [];
  if (from < 0) return out;
  const re = /<(?:[\w.-]+:)?row(?=[\s>/])([^>]*?)\/?>/g;
  re.lastIndex = from;
  let n = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) && (to < 0 || m.index < to)) {
    const r = /\sr\s*=\s*"(\d+)"/.exec(m[1]);
    n = r ? Number(r[1]) : n + 1;
    out.push({ row: n, start: m.index });
  }
  return out;
}
