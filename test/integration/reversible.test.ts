/**
 * Reversible, repeatable runs with the real engine on the demo county workbook, after giving it what real
 * workbooks carry: the user's own fills and notes (also on cells the tool will mark), merged cells, formulas
 * and extra sheets.
 */
import ExcelJS from 'exceljs';
import { DEMO_CLASS_SHEET, DEMO_SCHOOL_SHEET, buildDemoWorkbook } from '../../src/sample/demo';
import { demoWorkbookFacts as facts } from '../fixtures/demo-facts';
import { clearRun, runCheck } from '../../src/host/run';
import { MEMORY_SHEET } from '../../src/host/memory';
import { nationalStandard } from '../../src/standard';
import { XlsxHost } from '../../src/xlsx/host';
import { reload, snapshot, splitStatus } from './snapshot';
import { sortExcelJs } from '../office/sort';

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
    const run = await runCheck(host(wb), std, meta);
    const checked = await reload(wb);
    expect(checked.getWorksheet(MEMORY_SHEET)?.state).toBe('veryHidden');
    const result = await clearRun(host(checked));
    // Every sheet the run wrote (the 核查清单 too: nobody has answered it yet).
    expect(result.removedSheets).toEqual(run.report.sheets);
    expect(result.removedSheets.slice(0, 3)).toEqual(['资源配置达标情况', '校际差异系数', '问题清单']);
    const cleared = await reload(checked);
    expect(cleared.worksheets.map((w) => w.name)).toEqual(original.worksheets.map((w) => w.name));
    expect([...snapshot(cleared).entries()]).toEqual([...snapshot(original).entries()]);
  });

  it('run → run equals run (but for the 整改 status, which a re-run judges against the first run)', async () => {
    const once = await userWorkbook();
    await runCheck(host(once), std, meta);
    const twice = await userWorkbook();
    await runCheck(host(twice), std, meta);
    const again = await reload(twice);
    const second = await runCheck(host(again), std, meta);
    // Ledger sheets, marks, notes, every other summary cell, the memory (the same-day record is replaced by an
    // identical one) are equal exactly; only 问题清单's 状态 column differs: 新发现 after the first run, 仍未整改
    // after the second (see splitStatus).
    const a = splitStatus(snapshot(await reload(once)));
    const b = splitStatus(snapshot(await reload(again)));
    expect([...b.rest.keys()]).toEqual([...a.rest.keys()]);
    for (const [k, v] of a.rest) expect({ k, v: b.rest.get(k) }).toEqual({ k, v });
    expect(a.statuses.length).toBe(second.report.findings.length);
    expect(new Set(a.statuses)).toEqual(new Set(['新发现']));
    expect(b.statuses).toEqual(a.statuses.map(() => '仍未整改'));
    expect(second.report.resolved).toEqual([]);
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
    // The oversize mark is gone; the class sum no longer matches the school's 在校生数, which the engine
    // reports on both cells (学校台账 students cell and the school's first class row).
    const mismatch = (m: { note: string }) => /不一致，请核实/.test(m.note);
    expect(second.output.marks.filter((m) => !mismatch(m))).toHaveLength(first.output.marks.filter((m) => !mismatch(m)).length - 1);
    expect(second.output.marks.filter(mismatch)).toHaveLength(first.output.marks.filter(mismatch).length + 2);
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

describe('核查清单: written once, the user answers in it, later runs read the answers and never take it', () => {
  function answer(wb: ExcelJS.Workbook, id: string, status: string, evidence: string): string {
    const ws = wb.getWorksheet('核查清单') as ExcelJS.Worksheet;
    let cell = '';
    ws.eachRow((row, r) => {
      if (r > 3 && row.getCell(1).value === id) {
        row.getCell(4).value = status;
        row.getCell(5).value = evidence;
        cell = `D${r}`;
      }
    });
    return cell;
  }

  it('has a 达标/未达标/待核实 drop-down on 状态, and an unanswered list counts as open', async () => {
    const wb = await userWorkbook();
    const out = await runCheck(host(wb), std, meta);
    const ws = (await reload(wb)).getWorksheet('核查清单') as ExcelJS.Worksheet;
    expect(ws.getCell('D4').dataValidation).toMatchObject({ type: 'list', formulae: ['"达标,未达标,待核实"'] });
    expect(out.output.report.items?.find((i) => i.id === 'G1')?.status).toBe('待核实');
  });

  it('keeps the answers through a re-run and through 清除标记', async () => {
    const wb = await userWorkbook();
    await runCheck(host(wb), std, meta);
    const answered = await reload(wb);
    const cell = answer(answered, 'G1', '达标', '县教育布局规划（2021—2025）');
    expect(cell).not.toBe('');
    const second = await runCheck(host(answered), std, meta);
    expect(second.output.report.items?.find((i) => i.id === 'G1')?.status).toBe('达标');
    const after = await reload(answered);
    const ws = after.getWorksheet('核查清单') as ExcelJS.Worksheet;
    expect(ws.getCell(cell).value).toBe('达标');
    expect(after.worksheets.filter((w) => w.name.startsWith('核查清单'))).toHaveLength(1);

    const cleared = await clearRun(host(after));
    expect(cleared.removedSheets).not.toContain('核查清单');
    expect(after.getWorksheet('核查清单')?.getCell(cell).value).toBe('达标');
    expect(after.getWorksheet('问题清单')).toBeUndefined();
  });

  it('清除标记 right after answering keeps the answered list and says so', async () => {
    const wb = await userWorkbook();
    await runCheck(host(wb), std, meta);
    const answered = await reload(wb);
    const cell = answer(answered, 'Q8', '未达标', '');
    const cleared = await clearRun(host(answered));
    expect(cleared.removedSheets).not.toContain('核查清单');
    expect(cleared.message).toMatch(/「核查清单」中已填写核查结果，予以保留/);
    expect(answered.getWorksheet('核查清单')?.getCell(cell).value).toBe('未达标');
  });
});

describe('the user edits the checked workbook: a sort, a tampered memory (issue 13\'s measured failures)', () => {
  const TEACHERS = { sheet: '教师台账', first: 3, last: 1241 };

  /** The user's workbook with an own fill and note on a teacher cell the tool marks (J8). */
  async function withTeacherNote(): Promise<ExcelJS.Workbook> {
    const wb = await userWorkbook();
    const c = (wb.getWorksheet('教师台账') as ExcelJS.Worksheet).getCell('J8');
    c.style = { ...c.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6E0B4' } } };
    c.note = '人事科：课时待核';
    return reload(wb);
  }

  it('check → sort the teachers → clear: every original fill and note back where the rows went, no mark left', async () => {
    const wb = await withTeacherNote();
    const run = await runCheck(host(wb), std, meta);
    const marked = run.marks.filter((m) => m.sheet === '教师台账');
    expect(marked.length).toBeGreaterThan(3);
    const sorted = await reload(wb);
    sortExcelJs(sorted, TEACHERS);
    const cleared = await clearRun(host(sorted));
    expect(cleared.restored).toBe(run.marked);
    expect(cleared.kept).toBe(0);
    expect(cleared.message).toMatch(new RegExp(`其中 ${marked.length} 个标记随排序等操作移动了位置`));
    const want = await withTeacherNote();
    sortExcelJs(want, TEACHERS);
    const got = snapshot(await reload(sorted));
    expect([...got.entries()]).toEqual([...snapshot(await reload(want)).entries()]);
    // J8's row is now row 3 + 1241 - 8 = 1236: its own fill and note went with it.
    const moved = (await reload(sorted)).getWorksheet('教师台账')!.getCell('J1236');
    expect(moved.note).toBe('人事科：课时待核');
    expect(moved.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6E0B4' } });
  });

  it('check → sort → check: the notes do not stack, and equal a check of the sorted workbook', async () => {
    const wb = await withTeacherNote();
    await runCheck(host(wb), std, meta);
    const sorted = await reload(wb);
    sortExcelJs(sorted, TEACHERS);
    await runCheck(host(sorted), std, meta);
    const fresh = await withTeacherNote();
    sortExcelJs(fresh, TEACHERS);
    await runCheck(host(fresh), std, meta);
    const a = snapshot(await reload(sorted), ['教师台账', '班级台账', '学校基本情况台账']);
    const b = snapshot(await reload(fresh), ['教师台账', '班级台账', '学校基本情况台账']);
    expect([...a.entries()]).toEqual([...b.entries()]);
    const note = JSON.stringify((await reload(sorted)).getWorksheet('教师台账')!.getCell('J1236').note);
    expect(note.split('均衡自查').length - 1).toBe(1);
    expect(note.split('原批注').length - 1).toBe(1);
    expect(note.split('人事科').length - 1).toBe(1);
  });

  it('a memory that lists 班级台账 as a sheet the tool added: clear and re-check refuse, 班级台账 stays', async () => {
    const wb = await userWorkbook();
    await runCheck(host(wb), std, meta);
    const tampered = await reload(wb);
    const mem = tampered.getWorksheet(MEMORY_SHEET) as ExcelJS.Worksheet;
    const j = JSON.parse(String(mem.getCell('A2').value)) as { sheets: { name: string; base: string }[] };
    j.sheets.find((s) => s.base === '问题清单')!.name = DEMO_CLASS_SHEET;
    const text = JSON.stringify(j);
    mem.getCell('A2').value = text;
    mem.getCell('D1').value = text.length;
    const before = snapshot(tampered);
    await expect(clearRun(host(tampered))).rejects.toThrow(/「班级台账」是检查时读取的台账/);
    await expect(runCheck(host(tampered), std, meta)).rejects.toThrow(/本次未做任何改动/);
    expect([...snapshot(tampered).entries()]).toEqual([...before.entries()]);
    expect(tampered.getWorksheet(DEMO_CLASS_SHEET)).toBeDefined();
  });
});
