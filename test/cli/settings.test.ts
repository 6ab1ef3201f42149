/** `junheng check` follows the settings the add-in saved in the workbook, so both give the same results. */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { buildDemoWorkbook } from '../../src/sample/demo';
import { demoWorkbookFacts as facts } from '../fixtures/demo-facts';
import { main } from '../../src/cli/main';
import { SETTINGS_SHEET, parseSettings, serializeSettings, settingsChunks } from '../../src/host/settings';

const io = () => {
  const out: string[] = [];
  return { out, io: { out: (l: string) => out.push(l), err: () => undefined } };
};

async function demoWithSettings(dir: string, settings: object): Promise<string> {
  const wb = buildDemoWorkbook();
  const ws = wb.addWorksheet(SETTINGS_SHEET, { state: 'veryHidden' });
  settingsChunks(serializeSettings({ ...parseSettings(null), ...settings })).forEach((c, i) => (ws.getCell(i + 1, 1).value = c));
  const file = path.join(dir, '台账.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('junheng check and the settings saved by the add-in', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'junheng-settings-'));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  const tp = [...facts.excludedTeachingPoints].sort((a, b) => b.students - a.students)[0];

  it('applies the saved 教学点 cut, mark colour and 标记 switches, and says so', async () => {
    expect(tp.students).toBeGreaterThanOrEqual(30);
    const file = await demoWithSettings(dir, { teachingPointCut: 30, colours: { fail: 'FF00B0F0', data: 'FFFFEB9C' }, marks: { compliance: true, data: false } });
    const c = io();
    expect(await main(['check', file, '--json', path.join(dir, 'r.json')], c.io)).toBe(0);
    expect(c.out[0]).toMatch(/^按工作簿中保存的加载项设置检查：教学点不足 30 人不参评；不标注无法识别的单元格；自定义标注颜色$/);
    const report = JSON.parse(await fs.readFile(path.join(dir, 'r.json'), 'utf8'));
    expect(report.schools.find((s: { name: string }) => s.name === tp.school).excluded).toBe(false);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, '台账-自查.xlsx'));
    const slip = facts.typingSlips.find((s) => s.meant === null);
    const slipCell = wb.getWorksheet(slip?.sheet ?? '')?.getCell(slip?.cell ?? 'A1');
    expect(slipCell?.note).toBeUndefined();
    const big = facts.oversizedClasses[0];
    const fill = wb.getWorksheet(facts.sheets.class)?.getCell(big.cell).fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe('FF00B0F0');
  });

  it('a --standard file on the command line goes on top of the saved settings', async () => {
    const file = await demoWithSettings(dir, { teachingPointCut: 30 });
    const std = path.join(dir, 'std.json');
    await fs.writeFile(std, JSON.stringify({ settings: { teachingPointCut: 80 } }));
    const c = io();
    expect(await main(['check', file, '--standard', std, '--json', path.join(dir, 'r2.json')], c.io)).toBe(0);
    const report = JSON.parse(await fs.readFile(path.join(dir, 'r2.json'), 'utf8'));
    expect(report.schools.find((s: { name: string }) => s.name === tp.school).excluded).toBe(true);
  });

  it('without saved settings, nothing is said and the national standard applies', async () => {
    const wb = buildDemoWorkbook();
    const file = path.join(dir, '无设置.xlsx');
    await wb.xlsx.writeFile(file);
    const c = io();
    expect(await main(['check', file], c.io)).toBe(0);
    expect(c.out.join('\n')).not.toMatch(/加载项设置/);
  });
});
