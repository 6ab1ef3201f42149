/**
 * The print policy (src/report/print.ts) on every sheet a run writes, and where each part of a sheet lands
 * (src/report/layout.ts), which all three hosts render.
 */
import { textWidth } from '../../src/report/format';
import { sheetLayout, spanLoneRows } from '../../src/report/layout';
import type { SheetModel } from '../../src/report/model';
import { NATIONAL_SHEETS } from '../../src/report/national';
import { buildOutput } from '../../src/report/output';
import { columnsInches, PAGE_FOOTER, printableWidth, printSpec, rowsAboveData } from '../../src/report/print';
import { OVERVIEW_SHEET, SUMMARY_SHEETS } from '../../src/report/sheets';
import { SUMMARY_SHEET_NAMES } from '../../src/host/run';
import { TOOL_SHEET_NAMES } from '../../src/ledger/synonyms';
import { county, ctx, single, std } from './national/county';

const c = county([single('城关小学', '小学', '小学', 600, 1.2), single('西关小学', '小学', '小学', 300, 0.9), single('城关中学', '初中', '初中', 800, 1.1)]);
const out = buildOutput([], c.ledgers, c.result, std, { workbook: ctx.workbook, date: ctx.date });

describe('the print policy', () => {
  it('gives every sheet of a run A4 fit to one page wide, its rows above the data as print titles and the page footer', () => {
    expect(out.sheets.map((s) => s.name)).toEqual([...SUMMARY_SHEETS]);
    for (const s of out.sheets) {
      expect(s.print).toBeDefined();
      const p = s.print!;
      expect(p.fitToWidth).toBe(true);
      expect(p.footer).toBe(PAGE_FOOTER);
      expect(p.titleRows).toBe(rowsAboveData(s));
      expect(p.titleRows).toBe(sheetLayout(s).dataTop - 1);
      // Landscape exactly when the columns are wider than a portrait page's printable width.
      expect(p.orientation).toBe(columnsInches(s.columns) > printableWidth('portrait') ? 'landscape' : 'portrait');
      // And a landscape page always holds more of them than a portrait one.
      expect(printableWidth('landscape')).toBeGreaterThan(printableWidth('portrait'));
    }
    expect(PAGE_FOOTER).toBe('第 &P 页 共 &N 页');
  });

  it('prints the 自查自评总表 and the one-row forms on one page, the long lists as tall as they need', () => {
    const onePage = out.sheets.filter((s) => s.print?.onePage).map((s) => s.name);
    expect(onePage).toEqual([OVERVIEW_SHEET, '表Ⅰ 基本情况', '表Ⅱ-1 资源配置', '表Ⅲ 校际均衡', '表Ⅵ 社会认可度']);
  });

  it('sizes an A4 page in inches: portrait 8.27 − margins, landscape 11.69 − margins', () => {
    expect(printableWidth('portrait')).toBeCloseTo(210 / 25.4 - 0.8, 5);
    expect(printableWidth('landscape')).toBeCloseTo(297 / 25.4 - 0.8, 5);
    // 7 px a character unit + 5 px padding, at 96 px an inch.
    expect(columnsInches([{ header: 'a', width: 10 }, { header: 'b', width: 20 }])).toBeCloseTo((75 + 145) / 96, 5);
    const narrow = printSpec([{ header: 'a', width: 90 }], 3);
    const wide = printSpec([{ header: 'a', width: 110 }], 3);
    expect([narrow.orientation, wide.orientation]).toEqual(['portrait', 'landscape']);
  });

  it('lists every sheet name among those a run or 清除标记 recognises as the tool\'s, each a valid sheet name', () => {
    for (const name of SUMMARY_SHEETS) {
      if (name === '核查清单') continue; // write-once: the user's answers, read back as a ledger
      expect(SUMMARY_SHEET_NAMES).toContain(name);
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[\\/?*[\]:]/);
    }
    for (const name of NATIONAL_SHEETS) expect(TOOL_SHEET_NAMES).toContain(name);
    expect(out.report.sheets).toEqual([...SUMMARY_SHEETS]);
  });
});

describe('sheetLayout', () => {
  const plain: SheetModel = {
    name: 'x', title: 'T', subtitle: 'S', autoFilter: true,
    columns: [{ header: 'a', width: 10 }, { header: 'b', width: 10 }],
    rows: [[{ value: 1 }, { value: 2 }]],
  };

  it('puts a plain sheet\'s header on row 3 and data from row 4, merging title and subtitle only', () => {
    const L = sheetLayout(plain);
    expect([L.headerTop, L.codeRow, L.dataTop, L.titleRows, L.lastRow]).toEqual([3, null, 4, 3, 4]);
    expect(L.header).toEqual([['a', 'b']]);
    expect(L.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }, { top: 2, left: 1, bottom: 2, right: 2 }]);
    expect(L.notes).toEqual([]);
    expect(L.signature).toBeNull();
  });

  it('places a form: header block, code row, data merges, notes, a blank row, then the signature runs', () => {
    const t2 = out.sheets.find((s) => s.name === '表Ⅱ-2 资源配置（分学校）')!;
    const L = sheetLayout(t2);
    const h = t2.headerRows!.length;
    expect(L.codeRow).toBe(3 + h);
    expect(L.dataTop).toBe(4 + h);
    expect(L.notes[0].row).toBe(L.dataTop + t2.rows.length);
    expect(L.signature!.row).toBe(L.notes[L.notes.length - 1].row + 2);
    expect(L.signature!.cells.map((x) => x.text)).toEqual(t2.signature);
    // The runs cover the columns left to right, as even as possible.
    const spans = L.signature!.cells.map((x) => x.cols);
    expect(spans.reduce((a, b) => a + b, 0)).toBe(t2.columns.length);
    expect(Math.max(...spans) - Math.min(...spans)).toBeLessThanOrEqual(1);
    for (const m of t2.headerMerges ?? []) {
      if (m.rows > 1 || m.cols > 1) expect(L.merges).toContainEqual({ top: 3 + m.row, left: m.col + 1, bottom: 2 + m.row + m.rows, right: m.col + m.cols });
    }
    for (const n of L.notes) expect(L.merges).toContainEqual({ top: n.row, left: 1, bottom: n.row, right: t2.columns.length });
    expect(L.lastRow).toBe(L.signature!.row);
  });

  it('joins the labels in one merged cell on a sheet narrower than the signature line', () => {
    const L = sheetLayout({ ...plain, signature: ['甲：', '乙：', '丙：'] });
    expect(L.signature!.cells).toEqual([{ col: 1, cols: 2, text: '甲：　　　　乙：　　　　丙：' }]);
  });

  it('spans a lone text row wider than its column across the sheet, and measures its height over that width', () => {
    const m: SheetModel = {
      ...plain,
      rows: [[{ value: 1 }, { value: 2 }], [{ value: '共 2 项：达标 1，未达标 1，待核实 0，数据不全 0', style: 'note' }], [{ value: '短' }]],
    };
    const s = spanLoneRows(m);
    expect(s.merges).toEqual([{ row: 1, col: 0, rows: 1, cols: 2 }]);
    const L = sheetLayout(s);
    expect(L.merges).toContainEqual({ top: 5, left: 1, bottom: 5, right: 2 });
    // The text over both columns (19 units a line), not down column A alone (9 units a line).
    const w = textWidth(m.rows[1][0].value as string);
    expect(Math.ceil(w / 19)).toBeLessThan(Math.ceil(w / 9));
    expect(L.rowHeights).toEqual([{ row: 5, height: Math.ceil(w / 19) * 14 + 6 }]);
    expect(sheetLayout(m).rowHeights).toEqual([{ row: 5, height: Math.ceil(w / 9) * 14 + 6 }]);
    // A form keeps its own merges.
    const form = { ...m, merges: [] };
    expect(spanLoneRows(form)).toBe(form);
  });
});
