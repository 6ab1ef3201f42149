import ExcelJS from 'exceljs';
import type { CellValue, SheetGrid } from '../../src/ledger/grid';
import type { EngineOutput } from '../../src/report/engine-types';
import type { Mark, SheetModel } from '../../src/report/model';
import type { EngineFn } from '../../src/host/run';
import { loadWorkbook, saveWorkbook } from '../../src/xlsx/host';

export async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadWorkbook(await saveWorkbook(wb));
}

const yellow = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' }, bgColor: { indexed: 64 } } as unknown as ExcelJS.Fill;
const theme = { type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: 0.7999816888943144 }, bgColor: { indexed: 64 } } as unknown as ExcelJS.Fill;

/**
 * A county ledger workbook that carries its own formatting: one style shared by many cells (after
 * reload they share one JS object), theme fills, notes (plain and rich), merged title, formulas (incl.
 * shared), a hidden sheet and extra sheets.
 */
export async function styledWorkbook(rows = 60): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学校台账');
  ws.getCell('A1').value = '某县学校办学条件台账';
  ws.mergeCells('A1:E1');
  ws.getRow(2).values = ['学校名称', '在校生数', '生均面积', '备注', '合计'];
  const shared: Partial<ExcelJS.Style> = {
    font: { name: '宋体', size: 11, color: { argb: 'FF333333' } },
    fill: yellow,
    border: { top: { style: 'thin' }, bottom: { style: 'thin' } },
    numFmt: '0.00',
  };
  for (let r = 3; r < 3 + rows; r++) {
    ws.getCell(r, 1).value = `第${r - 2}小学`;
    ws.getCell(r, 2).value = 100 + r;
    ws.getCell(r, 3).value = r % 5 === 0 ? 3.5 : 8.25;
    ws.getCell(r, 4).value = r % 7 === 0 ? '暂无' : null;
    ws.getCell(r, 5).value = { formula: `B${r}*C${r}`, result: (100 + r) * (r % 5 === 0 ? 3.5 : 8.25) } as ExcelJS.CellFormulaValue;
    for (let c = 1; c <= 5; c++) ws.getCell(r, c).style = shared;
  }
  ws.getCell('C4').style = { ...shared, fill: theme }; // a theme/tint fill (a whole new style: `.fill =` would repaint all)
  ws.getCell('C5').note = '原有批注：数据来自2025年报';
  ws.getCell('C8').note = {
    texts: [
      { font: { bold: true, size: 9, name: 'Tahoma' }, text: '张三:' },
      { font: { size: 9, name: 'Tahoma' }, text: '\n请核实' },
    ],
  } as ExcelJS.Comment;
  const other = wb.addWorksheet('说明');
  other.getCell('A1').value = '填表说明';
  other.getCell('B2').value = { formula: 'SUM(学校台账!B3:B10)', result: 860 } as ExcelJS.CellFormulaValue;
  other.getCell('B2').style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } };
  const hidden = wb.addWorksheet('选项', { state: 'hidden' });
  hidden.getCell('A1').value = '小学';
  return reload(wb);
}

export interface CellSnap {
  type: number;
  value: string;
  formula?: string;
  fill?: string;
  note?: string;
  numFmt?: string;
  font?: string;
  border?: string;
}

/** Every cell's value, formula, fill, note, numFmt, font and border, by "sheet!A1"; plus the sheet list. */
export function snapshot(wb: ExcelJS.Workbook, skip: (name: string) => boolean = () => false) {
  const cells = new Map<string, CellSnap>();
  const sheets = wb.worksheets.map((w) => `${w.name}:${w.state}`);
  for (const ws of wb.worksheets) {
    if (skip(ws.name)) continue;
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const s: CellSnap = { type: cell.type, value: JSON.stringify(cell.value ?? null) };
        if (cell.formula) s.formula = cell.formula;
        if (cell.style?.fill) s.fill = JSON.stringify(cell.style.fill);
        if (cell.note) s.note = JSON.stringify(cell.note);
        if (cell.style?.numFmt) s.numFmt = cell.style.numFmt;
        if (cell.style?.font) s.font = JSON.stringify(cell.style.font);
        if (cell.style?.border) s.border = JSON.stringify(cell.style.border);
        cells.set(`${ws.name}!${cell.address}`, s);
      }),
    );
    cells.set(`${ws.name}!merges`, { type: -1, value: JSON.stringify(Object.keys((ws as unknown as { _merges: object })._merges).sort()) });
  }
  return { sheets, cells };
}

export function diff(a: Map<string, CellSnap>, b: Map<string, CellSnap>): string[] {
  const out: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = JSON.stringify(a.get(k) ?? null);
    const y = JSON.stringify(b.get(k) ?? null);
    if (x !== y) out.push(k);
  }
  return out;
}

const emptyReport: EngineOutput['report'] = { standard: { id: 'test', version: '1' }, ledgers: [], schools: [], cv: [], findings: [], sheets: [] };

/**
 * A stub engine: on 学校台账, a 生均面积 (column C) below 5 is a 'fail' mark, a 备注 of 暂无 a 'data' mark.
 * Summary sheets: 问题清单 (one row per mark, with a link and the school name) and 资源配置达标情况.
 */
export const stubEngine: EngineFn = (grids: SheetGrid[]) => {
  const marks: Mark[] = [];
  const rows: SheetModel['rows'] = [];
  const g = grids.find((x) => x.name === '学校台账');
  if (g) {
    g.values.forEach((row, i) => {
      const r = g.top + i;
      const at = (col: number): CellValue => row[col - g.left] ?? null;
      const area = at(3);
      const school = String(at(1) ?? '');
      if (typeof area === 'number' && area < 5) {
        marks.push({ sheet: g.name, cell: `C${r}`, style: 'fail', note: `【均衡自查】${school} 生均面积 ${area} 低于 5` });
        rows.push([{ value: school }, { value: area, style: 'number', numFmt: '0.00' }, { value: '✗', style: 'fail' }, { value: `C${r}`, link: { sheet: g.name, cell: `C${r}` } }]);
      }
      if (at(4) === '暂无') {
        marks.push({ sheet: g.name, cell: `D${r}`, style: 'data', note: `【均衡自查】${school} 备注无法读取` });
      }
    });
  }
  const sheets: SheetModel[] = [
    { name: '资源配置达标情况', title: '资源配置达标情况', subtitle: 'test', columns: [{ header: '学校', width: 20 }], rows: [[{ value: '✓', style: 'pass' }]], autoFilter: false },
    {
      name: '问题清单',
      title: '问题清单',
      subtitle: '某县 · 2017 标准',
      columns: [{ header: '学校', width: 24 }, { header: '值', width: 10 }, { header: '结论', width: 8 }, { header: '位置', width: 12 }],
      rows,
      autoFilter: true,
    },
  ];
  return {
    ledgers: {} as EngineOutput['ledgers'],
    result: {} as EngineOutput['result'],
    marks,
    sheets,
    report: { ...emptyReport, sheets: sheets.map((s) => s.name) },
  };
};
