/**
 * Reversible, repeatable runs with the real engine on the demo county workbook, after giving it what real
 * workbooks carry: the user's own fills and notes (also on cells the tool will mark), merged cells, formulas
 * and extra sheets.
 */
import ExcelJS from 'exceljs';
import { DEMO_CLASS_SHEET, DEMO_SCHOOL_SHEET, buildDemoWorkbook, demoWorkbookFacts as facts } from '../../src/cli/demo-workbook';
import { clearRun, runCheck } from '../../src/host/run';
import { MEMORY_SHEET } from '../../src/host/memory';
import { nationalStandard } from '../../src/standard';
import { XlsxHost } from '../../src/xlsx/host';
import { reload, snapshot } from './snapshot';

const std = nationalStandard();
const meta = { workbook: '示例县台账.xlsx', date: new Date('2026-11-29T00:00:00Z') };
const slip = facts.typingSlips.find((s) => s.meant === null);
const big = facts.oversizedClasses[0];

/** The demo workbook as a user keeps it: own colours and notes, a formula, an extra sheet. */
async function userWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = await reload(buildDemoWorkbook());
  const school = wb.getWorksheet(DEMO_SCHOOL_SHEET) as ExcelJS.Worksheet;
  const cls = wb.getWorksheet(DEMO_CLASS_SHEET) as ExcelJS.Worksheet;
  // A yellow highlight and a note of the user's own on a cell the tool will mark …
  const c = cls.getCell(big.cell);
  c.style = { ...c.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } } };
  c.note = '王老师：此班人数待核实';
  // … and on one it will not.
  const other = school.getCell('B4');
  other.note = '2022 年 9 月更新';
  const extra = wb.addWorksheet('工作记录');
  extra.getCell('A1').value = '核查人';
  extra.getCell('B1').value = { formula: 'COUNTA(学校基本情况台账!B:B)', result: 35 };
  extra.mergeCells('A3:C3');
  extra.getCell('A3').value = '备忘';
  return reload(wb);
}

function host(wb: ExcelJS.Workbook) {
  return new XlsxHost(wb);
}

describe('reversible, repeatable runs on the demo workbook', () => {
  it('run → clear equals the original: sheet list, values, formulas, fills, notes', async () => {
    const original = await userWorkbook();
    const wb = await userWorkbook();
    await runCheck(host(wb), std, meta);
    const checked = await reload(wb);
    expect(checked.getWorksheet(MEMORY_SHEET)?.state).toBe('veryHidden');
    const result = await clearRun(host(checked));
    expect(result.removedSheets).toEqual(['资源配置达标情况', '校际差异系数', '问题清单']);
    const cleared = await reload(checked);
    expect(cleared.worksheets.map((w) => w.name)).toEqual(original.worksheets.map((w) => w.name));
    expect([...snapshot(cleared).entries()]).toEqual([...snapshot(original).entries()]);
  });

  it('run → run equals run', async () => {
    const once = await userWorkbook();
    await runCheck(host(once), std, meta);
    const twice = await userWorkbook();
    await runCheck(host(twice), std, meta);
    const again = await reload(twice);
    await runCheck(host(again), std, meta);
    const a = snapshot(await reload(once));
    const b = snapshot(await reload(again));
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [k, v] of a) expect({ k, v: b.get(k) }).toEqual({ k, v });
    // No stacked notes: the marked cell carries the tool's note once, and the user's note once.
    const cell = (await reload(again)).getWorksheet(DEMO_CLASS_SHEET)?.getCell(big.cell);
    const note = JSON.stringify(cell?.note);
    expect(note.split('均衡自查').length - 1).toBe(1);
    expect(note.split('王老师').length - 1).toBe(1);
  });

  it('run → fix a value → run: the fixed cell gets its own fill and note back, the rest stay marked', async () => {
    const wb = await userWorkbook();
    const first = await runCheck(host(wb), std, meta);
    expect(first.output.marks.some((m) => m.sheet === DEMO_CLASS_SHEET && m.cell === big.cell)).toBe(true);
    const fixed = await reload(wb);
    const cls = fixed.getWorksheet(DEMO_CLASS_SHEET) as ExcelJS.Worksheet;
    cls.getCell(big.cell).value = 40; // the class was split; the user types the new size
    const second = await runCheck(host(fixed), std, meta);
    expect(second.output.marks.some((m) => m.cell === big.cell && m.sheet === DEMO_CLASS_SHEET)).toBe(false);
    expect(second.output.marks).toHaveLength(first.output.marks.length - 1);
    const after = (await reload(fixed)).getWorksheet(DEMO_CLASS_SHEET)?.getCell(big.cell);
    expect(after?.value).toBe(40);
    expect(after?.note).toBe('王老师：此班人数待核实');
    expect(after?.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
    const slipCell = (await reload(fixed)).getWorksheet(slip?.sheet ?? '')?.getCell(slip?.cell ?? 'A1');
    expect(JSON.stringify(slipCell?.note)).toMatch(/均衡自查/);
  });

  it('a user sheet named 问题清单 survives and the summary goes beside it', async () => {
    const wb = await userWorkbook();
    const mine = wb.addWorksheet('问题清单');
    mine.getCell('A1').value = '我自己的问题清单';
    const outcome = await runCheck(host(wb), std, meta);
    expect(outcome.output.report.sheets).toContain('问题清单（自查）');
    expect(outcome.notices.join('')).toMatch(/问题清单（自查）/);
    const again = await reload(wb);
    await runCheck(host(again), std, meta);
    await clearRun(host(again));
    expect(again.getWorksheet('问题清单')?.getCell('A1').value).toBe('我自己的问题清单');
    expect(again.getWorksheet('问题清单（自查）')).toBeUndefined();
  });

  it('a damaged or deleted memory is refused with a Chinese message and nothing changes', async () => {
    const wb = await userWorkbook();
    await runCheck(host(wb), std, meta);
    const damaged = await reload(wb);
    (damaged.getWorksheet(MEMORY_SHEET) as ExcelJS.Worksheet).getCell('A2').value = '{broken';
    const before = snapshot(damaged);
    await expect(clearRun(host(damaged))).rejects.toThrow(/[\u4e00-\u9fff]/);
    expect([...snapshot(damaged).entries()]).toEqual([...before.entries()]);

    const deleted = await reload(wb);
    deleted.removeWorksheet((deleted.getWorksheet(MEMORY_SHEET) as ExcelJS.Worksheet).id);
    await expect(clearRun(host(deleted))).rejects.toThrow(/找不到本工具的运行记录/);
  });
});
