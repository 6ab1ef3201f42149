/**
 * Converters between an ExcelJS workbook and the strict fake's state (so the same workbook can be checked
 * by both hosts, and a workbook marked by one host cleared by the other), and a plain export of the fake's
 * state for comparisons.
 */
import ExcelJS from 'exceljs';
import { noteText } from '../../src/host/memory';
import { THEME_RGB, XML_TO_PATTERN, PATTERN_TO_XML } from '../../src/office/fill';
import { FakeExcel, colLetter, keyPos, cellKey, rectA1, type FakeCell, type FakeExcelOptions, type FakeFill, type Visibility } from './fake-excel';

const V = ExcelJS.ValueType;

const STATE_TO_VIS: Record<string, Visibility> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };
const VIS_TO_STATE: Record<Visibility, ExcelJS.WorksheetState> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

function xColor(c: Partial<ExcelJS.Color> & { theme?: number; tint?: number } | undefined): { hex?: string; tint?: number } {
  if (!c) return {};
  if (typeof c.argb === 'string') return { hex: `#${c.argb.slice(-6).toUpperCase()}` };
  if (typeof c.theme === 'number' && THEME_RGB[c.theme]) return { hex: `#${THEME_RGB[c.theme]}`, tint: c.tint ?? 0 };
  return {};
}

export function fakeFillOf(f: ExcelJS.Fill | undefined): FakeFill | undefined {
  if (!f) return undefined;
  if (f.type === 'gradient') {
    const first = (f as ExcelJS.FillGradientAngle).stops?.[0]?.color as Partial<ExcelJS.Color> | undefined;
    return { color: xColor(first).hex ?? '#FFFFFF', pattern: 'LinearGradient', tintAndShade: 0 };
  }
  if (f.type !== 'pattern' || !f.pattern || f.pattern === 'none') return undefined;
  if (f.pattern === 'solid') {
    const c = xColor(f.fgColor as never);
    return { color: c.hex ?? '#FFFFFF', pattern: 'Solid', tintAndShade: c.tint ?? 0 };
  }
  return {
    color: xColor(f.bgColor as never).hex ?? '#FFFFFF',
    pattern: XML_TO_PATTERN[f.pattern] ?? 'Solid',
    patternColor: xColor(f.fgColor as never).hex ?? '#000000',
    tintAndShade: 0,
  };
}

function xFillOf(f: FakeFill | undefined): ExcelJS.Fill | undefined {
  if (!f) return undefined;
  if (f.pattern === 'Solid' || /gradient/i.test(f.pattern)) {
    return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${f.color.slice(1).toUpperCase()}` } };
  }
  const p = PATTERN_TO_XML[f.pattern];
  if (!p) return undefined;
  const fill: ExcelJS.FillPattern = { type: 'pattern', pattern: p as ExcelJS.FillPatterns, bgColor: { argb: `FF${f.color.slice(1).toUpperCase()}` } };
  if (f.patternColor) fill.fgColor = { argb: `FF${f.patternColor.slice(1).toUpperCase()}` };
  return fill;
}

const dateToSerial = (d: Date) => d.getTime() / 86400000 + 25569;

function richText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  }
  return v == null ? '' : String(v);
}

function plainInto(fc: FakeCell, v: unknown): void {
  if (v === null || v === undefined) return;
  if (v instanceof Date) fc.value = dateToSerial(v);
  else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') fc.value = v;
  else if (typeof v === 'object' && typeof (v as { error?: unknown }).error === 'string') {
    fc.value = (v as { error: string }).error;
    fc.error = true;
  } else fc.value = richText(v);
}

/** A fake Excel holding the same sheets, cells (values, formulas, formats, fills, notes, links) and merges. */
export function fromExcelJs(wb: ExcelJS.Workbook, opts: FakeExcelOptions & { protectedSheets?: string[] } = {}): FakeExcel {
  const x = new FakeExcel(opts);
  for (const ws of wb.worksheets) {
    const s = x.addSheet(ws.name, STATE_TO_VIS[ws.state] ?? 'Visible');
    s.protected = !!opts.protectedSheets?.includes(ws.name);
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const fc: FakeCell = { value: null };
        switch (cell.type) {
          case V.Null:
          case V.Merge:
            break;
          case V.Formula: {
            fc.formula = `=${cell.formula}`;
            plainInto(fc, cell.result);
            break;
          }
          case V.Hyperlink: {
            const h = cell.value as ExcelJS.CellHyperlinkValue;
            fc.value = richText(h.text);
            fc.hyperlink = h.hyperlink.startsWith('#') ? { documentReference: h.hyperlink.slice(1), textToDisplay: String(fc.value) } : { address: h.hyperlink, textToDisplay: String(fc.value) };
            break;
          }
          case V.RichText:
            fc.value = richText(cell.value);
            break;
          default:
            plainInto(fc, cell.value);
        }
        const st = cell.style ?? {};
        if (st.numFmt && st.numFmt !== 'General') fc.numberFormat = st.numFmt;
        else if (cell.type === V.Date) fc.numberFormat = 'yyyy-mm-dd';
        const fill = fakeFillOf(st.fill);
        if (fill) fc.fill = fill;
        const fcol = (st.font?.color as { argb?: string } | undefined)?.argb;
        if (fcol) fc.font = { color: `#${fcol.slice(-6).toUpperCase()}` };
        const hasSomething = fc.value !== null || fc.formula || fc.numberFormat || fc.fill || fc.font;
        if (hasSomething) s.cells.set(cellKey(r, c), fc);
        if (cell.note) s.notes.set(cellKey(r, c), noteText(cell.note));
      });
    });
    const merges = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
    for (const m of Object.values(merges)) if (m) s.merges.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
  }
  return x;
}

/** An ExcelJS workbook holding the fake's sheets, values, formulas, formats, fills, notes, links and merges. */
export function toExcelJs(x: FakeExcel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of x.sheets) {
    const ws = wb.addWorksheet(s.name, { state: VIS_TO_STATE[s.visibility] });
    for (const [k, c] of s.cells) {
      const { row, col } = keyPos(k);
      const cell = ws.getCell(row, col);
      if (c.formula) cell.value = { formula: c.formula.slice(1), result: (c.value ?? undefined) as never } as ExcelJS.CellFormulaValue;
      else if (c.error) cell.value = { error: c.value } as ExcelJS.CellErrorValue;
      else if (c.hyperlink) {
        const h = c.hyperlink;
        cell.value = { text: String(c.value ?? ''), hyperlink: h.address ?? `#${h.documentReference ?? ''}` };
      } else if (c.value !== null) cell.value = c.value;
      const style: Partial<ExcelJS.Style> = {};
      if (c.numberFormat && c.numberFormat !== 'General') style.numFmt = c.numberFormat;
      const fill = xFillOf(c.fill);
      if (fill) style.fill = fill;
      if (c.font?.color) style.font = { color: { argb: `FF${c.font.color.slice(1)}` } };
      if (Object.keys(style).length) cell.style = style;
    }
    for (const [k, text] of s.notes) {
      const { row, col } = keyPos(k);
      ws.getCell(row, col).note = text;
    }
    for (const m of s.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  return wb;
}

export interface ExportedCell {
  v?: string | number | boolean;
  err?: boolean;
  f?: string;
  nf?: string;
  fill?: FakeFill;
  note?: string;
  link?: string;
}

/** The fake's state as plain data (cells without anything are left out). */
export function exportState(x: FakeExcel, opts: { skip?: (sheet: string) => boolean } = {}) {
  return x.sheets.map((s) => {
    const cells: Record<string, ExportedCell> = {};
    const keys = new Set([...s.cells.keys(), ...s.notes.keys()]);
    for (const k of [...keys].sort((a, b) => a - b)) {
      if (opts.skip?.(s.name)) break;
      const c = s.cells.get(k);
      const e: ExportedCell = {};
      if (c) {
        if (c.value !== null && c.value !== '') e.v = c.value;
        if (c.error) e.err = true;
        if (c.formula) e.f = c.formula;
        if (c.numberFormat && c.numberFormat !== 'General') e.nf = c.numberFormat;
        if (c.fill) {
          // Compared as appearance: unset tints read as 0, a pattern colour only matters for a pattern.
          const f: FakeFill = { color: c.fill.color.toUpperCase(), pattern: c.fill.pattern, tintAndShade: c.fill.tintAndShade ?? 0 };
          if (c.fill.pattern !== 'Solid') {
            f.patternColor = c.fill.patternColor ?? null;
            f.patternTintAndShade = c.fill.patternTintAndShade ?? 0;
          }
          e.fill = f;
        }
        if (c.hyperlink) e.link = c.hyperlink.documentReference ?? c.hyperlink.address;
      }
      const n = s.notes.get(k);
      if (n !== undefined) e.note = n;
      if (Object.keys(e).length) {
        const { row, col } = keyPos(k);
        cells[`${colLetter(col)}${row}`] = e;
      }
    }
    return {
      name: s.name,
      visibility: s.visibility,
      merges: s.merges.map(rectA1).sort(),
      cells,
    };
  });
}
