/** The forms through the throwaway renderer: merges and parts land where model.ts says, and the file reads back. */
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildNationalTables } from '../../../src/report/national';
import { county, ctx, single } from './county';
import { renderForm } from './render-helper';

describe('rendering the national tables (test-only renderer)', () => {
  it('writes every table with its header block, code row, notes and signature where model.ts places them', async () => {
    const c = county([single('城关小学', '小学', '小学', 600, 1.2), single('西关小学', '小学', '小学', 300, 0.9), single('城关中学', '初中', '初中', 800, 1.1), single('第二中学', '初中', '初中', 500, 1.3)]);
    const tables = buildNationalTables({ ledgers: c.ledgers, result: c.result }, ctx);
    const wb = new ExcelJS.Workbook();
    const at = tables.map((t) => ({ t, pos: renderForm(wb.addWorksheet(t.name), t) }));
    const file = join(process.env.NATIONAL_XLSX_DIR ?? mkdtempSync(join(tmpdir(), 'national-')), 'national.xlsx');
    await wb.xlsx.writeFile(file);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    for (const { t, pos } of at) {
      const ws = back.getWorksheet(t.name);
      expect(ws).toBeDefined();
      if (!ws) continue;
      expect(ws.getCell(1, 1).value).toBe(t.title);
      expect(pos.code).toBe(3 + (t.headerRows?.length ?? 1));
      expect(ws.getCell(pos.code, (t.codeRow?.indexOf('L1') ?? 0) + 1).value).toBe('L1');
      expect(String(ws.getCell(pos.notes, 1).value)).toMatch(/^注：/);
      expect(String(ws.getCell(pos.signature, 1).value)).toMatch(/^填报单位（盖章）：/);
      for (const m of t.headerMerges ?? []) expect(ws.getCell(pos.header + m.row + m.rows - 1, m.col + m.cols).isMerged).toBe(true);
    }
  });
});
