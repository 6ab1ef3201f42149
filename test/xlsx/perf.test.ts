/**
 * Cost of a full run on a county-city-sized workbook (~1M cells, 5 % marked) against ExcelJS's own
 * read + write. Slow: runs only with JUNHENG_PERF=1 (`JUNHENG_PERF=1 npx jest test/xlsx/perf`).
 */
import ExcelJS from 'exceljs';
import type { Mark } from '../../src/report/model';
import type { EngineFn } from '../../src/host/run';
import { runCheck } from '../../src/host/run';
import { nationalStandard } from '../../src/standard';
import { XlsxHost, loadWorkbook, saveWorkbook } from '../../src/xlsx/host';

const perf = process.env.JUNHENG_PERF === '1' ? it : it.skip;

perf('marks 5 % of 1M cells close to ExcelJS read + write cost', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学校台账');
  const style: Partial<ExcelJS.Style> = { font: { name: '宋体', size: 11 }, border: { bottom: { style: 'thin' } }, numFmt: '0.00' };
  const ROWS = 50000;
  const COLS = 20;
  for (let r = 1; r <= ROWS; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= COLS; c++) {
      const cell = row.getCell(c);
      cell.value = c === 1 ? `第${r}学校` : (r * 7 + c) % 1000;
      cell.style = style;
    }
  }
  const input = await saveWorkbook(wb);

  let t = Date.now();
  const base = await loadWorkbook(input);
  const tRead = Date.now() - t;
  t = Date.now();
  await saveWorkbook(base);
  const tWrite = Date.now() - t;

  const engine: EngineFn = (grids) => {
    const marks: Mark[] = [];
    const g = grids[0];
    g.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (typeof v === 'number' && v < 50) {
          marks.push({ sheet: g.name, cell: `${String.fromCharCode(64 + g.left + j)}${g.top + i}`, style: v < 25 ? 'fail' : 'data', note: `【均衡自查】数值 ${v} 低于 50，差 ${50 - v}` });
        }
      }),
    );
    return {
      ledgers: {} as never,
      result: {} as never,
      marks,
      sheets: [{ name: '问题清单', title: '问题清单', subtitle: '', columns: [{ header: '位置', width: 10 }], rows: marks.slice(0, 50000).map((m) => [{ value: m.cell, link: { sheet: m.sheet, cell: m.cell } }]), autoFilter: true }],
      report: { standard: { id: 'x', version: '1' }, ledgers: [], schools: [], cv: [], findings: [], sheets: [] },
    };
  };
  t = Date.now();
  const wb2 = await loadWorkbook(input);
  const tLoad2 = Date.now() - t;
  t = Date.now();
  const res = await runCheck(new XlsxHost(wb2), nationalStandard(), { workbook: 'x', date: new Date() }, { engine });
  const tRun = Date.now() - t;
  t = Date.now();
  const out = await saveWorkbook(wb2);
  const tSave2 = Date.now() - t;
  t = Date.now();
  const wb3 = await loadWorkbook(out);
  const tLoad3 = Date.now() - t;
  t = Date.now();
  await runCheck(new XlsxHost(wb3), nationalStandard(), { workbook: 'x', date: new Date() }, { engine });
  const tRerun = Date.now() - t;
  // eslint-disable-next-line no-console
  console.log(JSON.stringify({ cells: ROWS * COLS, marks: res.marked, tRead, tWrite, tLoad2, tRun, tSave2, tLoad3, tRerun, mb: Math.round(process.memoryUsage().rss / 1e6) }));
  expect(res.marked).toBeGreaterThan(ROWS * COLS * 0.04);
}, 600000);
