import ExcelJS from 'exceljs';
import { MEMORY_SHEET, decodeMemory } from '../../src/host/memory';
import { JunhengRunError, clearRun, freeSheetName, runCheck, type RunStage } from '../../src/host/run';
import { nationalStandard } from '../../src/standard';
import { XlsxHost } from '../../src/xlsx/host';
import { diff, reload, snapshot, stubEngine, styledWorkbook } from '../xlsx/fixture';

const std = nationalStandard();
const meta = { workbook: '某县台账.xlsx', date: new Date('2026-11-29T00:00:00Z') };
const opts = { engine: stubEngine };

async function run(wb: ExcelJS.Workbook) {
  const result = await runCheck(new XlsxHost(wb), std, meta, opts);
  return { result, wb: await reload(wb) };
}

async function memoryOf(wb: ExcelJS.Workbook) {
  const rows = await new XlsxHost(wb).readMemory();
  const d = decodeMemory(rows!);
  if (d.status !== 'ok') throw new Error(d.status);
  return d.memory;
}

describe('runCheck', () => {
  it('marks, adds summary sheets after the user\'s and remembers in a very hidden sheet', async () => {
    const stages: RunStage[] = [];
    const wb = await styledWorkbook();
    const result = await runCheck(new XlsxHost(wb), std, meta, { ...opts, onProgress: (s) => stages.push(s) });
    expect(stages).toEqual(['读取', '检查', '标记', '汇总']);
    const after = await reload(wb);
    expect(after.worksheets.map((w) => `${w.name}:${w.state}`)).toEqual([
      '学校台账:visible', '说明:visible', '选项:hidden', '资源配置达标情况:visible', '问题清单:visible', `${MEMORY_SHEET}:veryHidden`,
    ]);
    expect(result.report.sheets).toEqual(['资源配置达标情况', '问题清单']);
    expect(result.output.report.sheets).toEqual(['资源配置达标情况', '问题清单']);
    expect(result.marked).toBe(result.marks.length);
    const mem = await memoryOf(after);
    expect(mem.cells).toHaveLength(result.marks.length);
    expect(mem.sheets).toEqual([
      { name: '资源配置达标情况', base: '资源配置达标情况', index: 3, hash: expect.stringMatching(/^[0-9a-f]{8}$/) },
      { name: '问题清单', base: '问题清单', index: 4, hash: expect.stringMatching(/^[0-9a-f]{8}$/) },
    ]);
    const c5 = after.getWorksheet('学校台账')!.getCell('C5');
    expect((c5.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    const d7 = after.getWorksheet('学校台账')!.getCell('D7');
    expect((d7.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFEB9C');
  });

  it('run → clear gives back the original workbook', async () => {
    const original = await styledWorkbook();
    const before = snapshot(original);
    const { wb } = await run(await styledWorkbook());
    const res = await clearRun(new XlsxHost(wb));
    expect(res.cleared).toBe(true);
    expect(res.removedSheets).toEqual(['资源配置达标情况', '问题清单']);
    expect(res.message).toMatch(/已清除 \d+ 个单元格的标记/);
    const after = snapshot(await reload(wb));
    expect(after.sheets).toEqual(before.sheets);
    expect(diff(before.cells, after.cells)).toEqual([]);
    // Nothing left to clear.
    const again = await clearRun(new XlsxHost(await reload(wb)));
    expect(again.cleared).toBe(false);
    expect(again.message).toMatch(/无需清除/);
  });

  it('run → run equals run', async () => {
    const once = (await run(await styledWorkbook())).wb;
    const twice = (await run((await run(await styledWorkbook())).wb)).wb;
    const a = snapshot(once);
    const b = snapshot(twice);
    expect(b.sheets).toEqual(a.sheets);
    expect(diff(a.cells, b.cells)).toEqual([]);
    expect(await new XlsxHost(twice).readMemory()).toEqual(await new XlsxHost(once).readMemory());
  });

  it('run → edit a value → run: a cell that now passes gets its original fill and note back', async () => {
    const original = snapshot(await styledWorkbook()).cells;
    const { wb } = await run(await styledWorkbook());
    const ws = wb.getWorksheet('学校台账')!;
    expect(ws.getCell('C5').note).toMatch(/低于 5/);
    ws.getCell('C5').value = 9; // now passes (C5 had a rich/plain note of its own)
    ws.getCell('C6').value = 1; // now fails
    const second = await run(wb);
    const ws2 = second.wb.getWorksheet('学校台账')!;
    const now = snapshot(second.wb).cells;
    const c5 = now.get('学校台账!C5')!;
    const o5 = original.get('学校台账!C5')!;
    expect([c5.fill, c5.note]).toEqual([o5.fill, o5.note]);
    expect(ws2.getCell('C5').value).toBe(9);
    expect(String(ws2.getCell('C6').note)).toMatch(/生均面积 1 低于 5/);
    // No stacked notes on cells marked both times.
    expect(String(ws2.getCell('C10').note).match(/均衡自查/g)).toHaveLength(1);
    // And clear after the second run still gives the original formats back (with the user's values).
    await clearRun(new XlsxHost(second.wb));
    const cleared = snapshot(await reload(second.wb)).cells;
    expect(diff(original, cleared).sort()).toEqual(['学校台账!C5', '学校台账!C6']);
    expect(cleared.get('学校台账!C6')!.fill).toBe(original.get('学校台账!C6')!.fill);
  });

  it('keeps the summary sheets in place on a re-run', async () => {
    const { wb } = await run(await styledWorkbook());
    // The user moves 问题清单 to the front and adds a sheet at the end.
    const q = wb.getWorksheet('问题清单')!;
    const list = wb.worksheets.filter((w) => w !== q);
    [q, ...list].forEach((w, i) => ((w as unknown as { orderNo: number }).orderNo = i + 1));
    wb.addWorksheet('用户新表');
    const moved = await reload(wb);
    const order = moved.worksheets.map((w) => w.name);
    const second = (await run(moved)).wb;
    expect(second.worksheets.map((w) => w.name)).toEqual(order.filter((n) => n !== MEMORY_SHEET).concat(MEMORY_SHEET));
  });

  it('never takes a user\'s sheet: the summary goes under a free name and the rename is reported', async () => {
    const wb = await styledWorkbook();
    wb.addWorksheet('问题清单').getCell('A1').value = '用户自己的问题清单';
    wb.addWorksheet('问题清单（自查）').getCell('A1').value = '也是用户的';
    const { result, wb: after } = await run(wb);
    expect(result.report.sheets).toEqual(['资源配置达标情况', '问题清单（自查2）']);
    expect(result.renamed).toEqual([{ from: '问题清单', to: '问题清单（自查2）' }]);
    expect(result.notices.join('\n')).toMatch(/「问题清单（自查2）」/);
    expect(after.getWorksheet('问题清单')!.getCell('A1').value).toBe('用户自己的问题清单');
    // Re-run keeps the same name; clear removes only the tool's sheets.
    const second = await run(after);
    expect(second.result.report.sheets).toEqual(['资源配置达标情况', '问题清单（自查2）']);
    await clearRun(new XlsxHost(second.wb));
    expect(second.wb.worksheets.map((w) => w.name)).toEqual(['学校台账', '说明', '选项', '问题清单', '问题清单（自查）']);
  });

  it('picks valid free names', () => {
    const taken = new Set(['问题清单', '问题清单（自查）'].map((s) => s.toLowerCase()));
    expect(freeSheetName('问题清单', taken)).toBe('问题清单（自查2）');
    expect(freeSheetName('a/b:c', new Set())).toBe('a_b_c');
    const long = '很长的名字'.repeat(10);
    const n = freeSheetName(long, new Set([long.slice(0, 31).toLowerCase()]));
    expect(n.length).toBeLessThanOrEqual(31);
    expect(n.endsWith('（自查）')).toBe(true);
  });

  it('changes nothing when the engine fails', async () => {
    const { wb } = await run(await styledWorkbook());
    const before = snapshot(wb);
    const boom = () => {
      throw new Error('engine failed');
    };
    await expect(runCheck(new XlsxHost(wb), std, meta, { engine: boom })).rejects.toThrow('engine failed');
    const after = snapshot(wb);
    expect(after.sheets).toEqual(before.sheets);
    expect(diff(before.cells, after.cells)).toEqual([]);
  });

  it('refuses a re-run on a damaged memory and changes nothing', async () => {
    const { wb } = await run(await styledWorkbook());
    wb.getWorksheet(MEMORY_SHEET)!.getCell('A2').value = '{"v":1, broken';
    const before = snapshot(wb);
    await expect(runCheck(new XlsxHost(wb), std, meta, opts)).rejects.toThrow(JunhengRunError);
    await expect(runCheck(new XlsxHost(wb), std, meta, opts)).rejects.toThrow(/为避免标记叠加，本次未做任何改动/);
    const after = snapshot(wb);
    expect(after.sheets).toEqual(before.sheets);
    expect(diff(before.cells, after.cells)).toEqual([]);
  });
});

describe('clearRun refuses when it cannot tell what is its own', () => {
  it('a deleted memory', async () => {
    const { wb } = await run(await styledWorkbook());
    wb.removeWorksheet(wb.getWorksheet(MEMORY_SHEET)!.id);
    const before = snapshot(wb);
    const err = await clearRun(new XlsxHost(wb)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JunhengRunError);
    expect((err as JunhengRunError).code).toBe('memory-missing');
    expect((err as Error).message).toMatch(/找不到本工具的运行记录（隐藏工作表 _junheng 已被删除或损坏），无法确认哪些填充和批注是本工具添加的，为避免误删，未做任何清除。/);
    const after = snapshot(wb);
    expect(after.sheets).toEqual(before.sheets);
    expect(diff(before.cells, after.cells)).toEqual([]);
    // A re-run without memory treats the old sheets as the user's and says so.
    const rerun = await runCheck(new XlsxHost(wb), std, meta, opts);
    expect(rerun.notices[0]).toMatch(/没有本工具的运行记录/);
    expect(rerun.report.sheets).toEqual(['资源配置达标情况（自查）', '问题清单（自查）']);
  });

  it('a damaged memory and a newer one', async () => {
    const { wb } = await run(await styledWorkbook());
    const mem = wb.getWorksheet(MEMORY_SHEET)!;
    const text = mem.getCell('A2').value as string;
    mem.getCell('A2').value = text.slice(0, 100);
    const before = snapshot(wb);
    await expect(clearRun(new XlsxHost(wb))).rejects.toThrow(/运行记录（隐藏工作表 _junheng）已损坏.*未做任何清除/);
    expect(diff(before.cells, snapshot(wb).cells)).toEqual([]);
    mem.getCell('A2').value = text;
    mem.getCell('B1').value = 9;
    await expect(clearRun(new XlsxHost(wb))).rejects.toThrow(/更新版本/);
    mem.getCell('B1').value = 1;
    await expect(clearRun(new XlsxHost(wb))).resolves.toEqual(expect.objectContaining({ cleared: true }));
  });

  it('keeps a fill or note the user changed after the run', async () => {
    const { wb } = await run(await styledWorkbook());
    const ws = wb.getWorksheet('学校台账')!;
    ws.getCell('C10').style = { ...ws.getCell('C10').style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } } };
    ws.getCell('C15').note = '用户改过的批注';
    const res = await clearRun(new XlsxHost(wb));
    expect(res.kept).toBe(2);
    expect((ws.getCell('C10').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FF00B0F0');
    expect(ws.getCell('C10').note).toBeUndefined();
    expect(ws.getCell('C15').note).toBe('用户改过的批注');
    expect((ws.getCell('C15').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFFF00');
  });
});
