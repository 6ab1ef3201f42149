/**
 * What test/xlsx/perf.test.ts measured (folded into the bench): the ExcelJS host marking 5 % of a
 * 1 M-cell styled sheet (50 000 rows × 20 columns) through runCheck with a stub engine, then the re-run
 * (undo + re-mark), against ExcelJS's own read and write of the same file. Prints one JSON line.
 */
import ExcelJS from 'exceljs';
import type { EngineFn } from '../../src/host/run';
import { runCheck } from '../../src/host/run';
import type { Mark } from '../../src/report/model';
import { nationalStandard } from '../../src/standard';
import { XlsxHost, loadWorkbook, saveWorkbook } from '../../src/xlsx/host';
import { columnLetter } from '../../src/ledger/grid';

const ROWS = 50000;
const COLS = 20;

function ms(t0: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - t0) / 1e6);
}

async function main(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学校台账');
  const style: Partial<ExcelJS.Style> = { font: { name: '宋体', size: 11 }, border: { bottom: { style: 'thin' } }, numFmt: '0.00' };
  for (let r = 1; r <= ROWS; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= COLS; c++) {
      const cell = row.getCell(c);
      cell.value = c === 1 ? `第${r}学校` : (r * 7 + c) % 1000;
      cell.style = style;
    }
  }
  const input = await saveWorkbook(wb);

  const engine: EngineFn = (grids) => {
    const marks: Mark[] = [];
    const g = grids[0];
    g.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (typeof v === 'number' && v < 50) {
          marks.push({ sheet: g.name, cell: `${columnLetter(g.left + j)}${g.top + i}`, style: v < 25 ? 'fail' : 'data', note: `【均衡自查】数值 ${v} 低于 50，差 ${50 - v}` });
        }
      }),
    );
    return {
      ledgers: {} as never,
      result: {} as never,
      marks,
      sheets: [{ name: '问题清单', title: '问题清单', subtitle: '', columns: [{ header: '位置', width: 10 }], rows: marks.map((m) => [{ value: m.cell, link: { sheet: m.sheet, cell: m.cell } }]), autoFilter: true }],
      report: { standard: { id: 'x', version: '1' }, ledgers: [], schools: [], cv: [], findings: [], sheets: [] },
    } as ReturnType<EngineFn>;
  };
  const meta = { workbook: 'x.xlsx', date: new Date(Date.UTC(2022, 8, 1)) };

  let t = process.hrtime.bigint();
  const base = await loadWorkbook(input);
  const readMs = ms(t);
  t = process.hrtime.bigint();
  await saveWorkbook(base);
  const writeMs = ms(t);

  const wb2 = await loadWorkbook(input);
  t = process.hrtime.bigint();
  const res = await runCheck(new XlsxHost(wb2), nationalStandard(), meta, { engine });
  const runMs = ms(t);
  t = process.hrtime.bigint();
  const out = await saveWorkbook(wb2);
  const saveMs = ms(t);
  const wb3 = await loadWorkbook(out);
  t = process.hrtime.bigint();
  await runCheck(new XlsxHost(wb3), nationalStandard(), meta, { engine });
  const rerunMs = ms(t);
  process.stdout.write(
    `${JSON.stringify({
      cells: ROWS * COLS,
      marks: res.marked,
      readMs,
      writeMs,
      runMs,
      saveMs,
      rerunMs,
      runPlusSaveToReadPlusWrite: Math.round(((runMs + saveMs) / (readMs + writeMs)) * 100) / 100,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
