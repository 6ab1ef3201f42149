/**
 * junheng school-forms (one workbook per school into a folder) and junheng check --school-forms (the forms as
 * sheets of the checked workbook): files counted and re-read with ExcelJS, Chinese refusals with exit 2 and
 * nothing written.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { parseArgs } from '../../src/cli/args';
import { demoWorkbookBytes } from '../../src/cli/workbook';
import { SCHOOL_FORM_SHEET, SCHOOL_FORM_TITLE } from '../../src/report/school-form';
import { demoWorkbookFacts as facts } from '../fixtures/demo-facts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

let dir: string;
let ledger: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'junheng-forms-'));
  ledger = path.join(dir, '示例县台账.xlsx');
  await fs.writeFile(ledger, await demoWorkbookBytes());
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Every text of a worksheet, in reading order. */
function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => {
    if (typeof c.value === 'string') out.push(c.value);
  }));
  return out;
}

describe('junheng school-forms', () => {
  it('writes one workbook per school into the folder, each with its form', async () => {
    const c = capture();
    const out = path.join(dir, '自评表');
    const before = await fs.readFile(ledger);
    expect(await main(['school-forms', ledger, '--out', out], c.io)).toBe(0);
    const files = (await fs.readdir(out)).sort();
    expect(files).toHaveLength(facts.schoolCount);
    expect(files).toEqual(facts.schools.map((s) => `${s.name}-学校自评表.xlsx`).sort());
    expect(c.out.join('\n')).toMatch(new RegExp(`^已写出 ${facts.schoolCount} 份学校自评表到「${out.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}」`));
    // The input is only read.
    expect((await fs.readFile(ledger)).equals(before)).toBe(true);
    // No temporary file left behind.
    expect(files.every((f) => !f.startsWith('.'))).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, '石门乡中心小学-学校自评表.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([SCHOOL_FORM_SHEET]);
    const t = texts(wb.worksheets[0]);
    expect(t[0]).toBe(SCHOOL_FORM_TITLE);
    const s = facts.schools.find((x) => x.name === '石门乡中心小学')!;
    expect(t).toContain(`学校名称：石门乡中心小学　　学段：小学　　在校生数：${s.students.小学} 人`);
    expect(t).toEqual(expect.arrayContaining(['A 级指标', 'B 级指标及评估要点', '指标值或简要结论', '是否达标']));
    expect(t.some((x) => x.startsWith(`学校拥有高于规定学历教师数 ${s.degreeTeachers.小学} 人`))).toBe(true);
  });

  it('writes only the schools named, defaulting the folder next to the input', async () => {
    const c = capture();
    expect(await main(['school-forms', ledger, '石门乡中心小学', '平城镇九年一贯制学校，东掌村教学点'], c.io)).toBe(0);
    const out = path.join(dir, '示例县台账-学校自评表');
    expect((await fs.readdir(out)).sort()).toEqual(['东掌村教学点-学校自评表.xlsx', '平城镇九年一贯制学校-学校自评表.xlsx', '石门乡中心小学-学校自评表.xlsx'].sort());
  });

  it('refuses an unknown school, a folder that is a file, and a file that is not a workbook: exit 2, nothing written', async () => {
    const c = capture();
    const out = path.join(dir, '不应写出');
    expect(await main(['school-forms', ledger, '没有这所学校', '--out', out], c.io)).toBe(2);
    expect(c.err.join('\n')).toBe('均衡自查：「示例县台账.xlsx」的学校台账中没有「没有这所学校」（学校名称须与学校台账中的写法一致），未写出任何文件');
    await expect(fs.stat(out)).rejects.toThrow();

    const file = path.join(dir, '一个文件.txt');
    await fs.writeFile(file, 'x');
    const c2 = capture();
    expect(await main(['school-forms', ledger, '--out', file], c2.io)).toBe(2);
    expect(c2.err[0]).toMatch(/^均衡自查：.*一个文件\.txt/);
    // No English error code (EEXIST …), the random temporary folder's name aside.
    expect(c2.err[0].split(dir).join('…')).not.toMatch(/[A-Z]{4,}/);

    const c3 = capture();
    expect(await main(['school-forms', file], c3.io)).toBe(2);
    expect(c3.err[0]).toMatch(/只检查 Excel 工作簿/);

    const c4 = capture();
    expect(await main(['school-forms', ledger, '--in-place'], c4.io)).toBe(2);
    expect(c4.err[0]).toMatch(/不修改原文件/);
  });
});

describe('junheng check --school-forms', () => {
  it('adds a form sheet per named school to the checked workbook', async () => {
    const c = capture();
    const out = path.join(dir, '自查.xlsx');
    expect(await main(['check', ledger, '--out', out, '--school-forms=石门乡中心小学,平城镇九年一贯制学校'], c.io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['问题清单', '自评表-石门乡中心小学', '自评表-平城镇九年一贯制学校']));
    expect(texts(wb.getWorksheet('自评表-石门乡中心小学') as ExcelJS.Worksheet)[0]).toBe(SCHOOL_FORM_TITLE);
    expect(c.out.join('\n')).toMatch(/新增工作表：.*自评表-石门乡中心小学、自评表-平城镇九年一贯制学校/);
    // 清除 removes them with the other sheets the run added.
    const cleared = path.join(dir, '已清除.xlsx');
    const c2 = capture();
    expect(await main(['clear', out, '--out', cleared], c2.io)).toBe(0);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(cleared);
    expect(back.worksheets.map((w) => w.name).filter((n) => n.startsWith('自评表-') || n === '问题清单')).toEqual([]);
  });

  it('every school with the flag alone; an unknown name refused before writing', async () => {
    expect(parseArgs(['check', 'a.xlsx', '--school-forms']).options['school-forms']).toBe(true);
    expect(parseArgs(['check', 'a.xlsx', '--school-forms=甲,乙']).options['school-forms']).toBe('甲,乙');
    expect(() => parseArgs(['check', 'a.xlsx', '--school-forms='])).toThrow(/需要学校名称/);
    const c = capture();
    const out = path.join(dir, '不应写出.xlsx');
    expect(await main(['check', ledger, '--out', out, '--school-forms=没有这所学校'], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/学校台账中没有「没有这所学校」/);
    await expect(fs.stat(out)).rejects.toThrow();
  });
});
