import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'junheng-cli-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function listDir(): Promise<string[]> {
  return (await fs.readdir(dir)).sort();
}

describe('junheng demo', () => {
  it('writes the sample workbook, checks it and prints a Chinese summary', async () => {
    const c = capture();
    const demoDir = path.join(dir, 'demo');
    expect(await main(['demo', '--dir', demoDir], c.io)).toBe(0);
    const files = (await fs.readdir(demoDir)).sort();
    expect(files).toEqual(['示例县台账-自查.json', '示例县台账-自查.xlsx', '示例县台账.xlsx']);
    const text = c.out.join('\n');
    expect(text).toMatch(/识别台账：.*学校台账.*班级台账/);
    expect(text).toMatch(/资源配置（小学）：参评 \d+ 所，达标 \d+，未达标 [1-9]/);
    expect(text).toMatch(/校际差异系数（初中，标准 ≤ 0.45）/);
    expect(text).toMatch(/班额（G5）问题 [1-9]\d* 条/);
    expect(text).toMatch(/数据问题 [1-9]\d* 条/);
    expect(text).toMatch(/自查自评总表：资源配置 7 项（未达标 \d+.*）；政府保障程度 15 项（.*待核实 \d+.*）；教育质量 9 项（.*）；社会认可度 1 项/);
    expect(text).toMatch(/按目前数据，全县尚不能通过优质均衡督导评估：.*G5.*未达标或未确认/);

    const report = JSON.parse(await fs.readFile(path.join(demoDir, '示例县台账-自查.json'), 'utf8'));
    expect(Object.keys(report)).toEqual(['standard', 'ledgers', 'schools', 'cv', 'items', 'findings', 'sheets', 'resolved', 'plans', 'cvPlans', 'verdict', 'veto', 'assessmentYear', 'transitions']);
    expect(report.items).toHaveLength(32);
    expect(report.standard).toEqual({ id: 'national-2017', version: '2017.1' });
    expect(report.sheets).toEqual([
      '资源配置达标情况', '校际差异系数', '问题清单', '补短板清单', '整改进度', '政府保障程度', '教育质量', '社会认可度', '自查自评总表', '核查清单',
      '表Ⅰ 基本情况', '表Ⅱ-1 资源配置', '表Ⅱ-2 资源配置（分学校）', '表Ⅲ 校际均衡', '表Ⅳ 政府保障程度', '表Ⅴ 教育质量', '表Ⅵ 社会认可度',
    ]);
    // A first run: no 整改 line (there is no previous run to compare with); the chart notice once.
    expect(text).not.toMatch(/整改情况/);
    expect(c.out.filter((l) => /命令行版本无法绘制折线图/.test(l))).toEqual(['注意：「整改进度」为表格形式（命令行版本无法绘制折线图；在 Excel 加载项中运行可生成折线图）。']);
    expect(text).toMatch(/补短板清单：3 个学校学段的达标方案，1 项差异系数的测算/);
    expect(report.plans.map((p: { school: string; stage: string }) => `${p.school}/${p.stage}`)).toEqual(['石门乡中心小学/小学', '马圪当乡中心小学/小学', '西河乡初级中学/初中']);
    expect(report.cvPlans.map((p: { indicator: string; stage: string }) => `${p.indicator}/${p.stage}`)).toEqual(['R6/小学']);
    expect(report.schools.length).toBeGreaterThanOrEqual(30);
    expect(report.cv).toHaveLength(14);
    expect(report.findings.some((f: { kind: string }) => f.kind === 'data')).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(demoDir, '示例县台账-自查.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['资源配置达标情况', '校际差异系数', '问题清单']));
  });
});

describe('junheng check', () => {
  it('refuses a file that is not a workbook with exit 2, one Chinese line, nothing written', async () => {
    const f = path.join(dir, 'notes.xlsx');
    await fs.writeFile(f, 'this is not a workbook');
    const before = await listDir();
    const c = capture();
    expect(await main(['check', f], c.io)).toBe(2);
    expect(c.err).toHaveLength(1);
    expect(c.err[0]).toMatch(/^均衡自查：「notes.xlsx」不是 Excel 工作簿/);
    expect(await listDir()).toEqual(before);
  });

  it('refuses an encrypted (OLE) workbook', async () => {
    const f = path.join(dir, 'locked.xlsx');
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    Buffer.from('E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0', 'latin1').copy(ole, 600);
    await fs.writeFile(f, ole);
    const c = capture();
    expect(await main(['check', f], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/已加密/);
  });

  it('refuses a workbook without any ledger, writing nothing', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').getCell('A1').value = '这里没有台账';
    const f = path.join(dir, 'empty.xlsx');
    await wb.xlsx.writeFile(f);
    const before = await listDir();
    const c = capture();
    expect(await main(['check', f, '--json', path.join(dir, 'r.json')], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/没有找到学校台账或班级台账/);
    expect(await listDir()).toEqual(before);
  });

  it('refuses a missing file, an unknown option and an invalid standard file', async () => {
    let c = capture();
    expect(await main(['check', path.join(dir, 'nope.xlsx')], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/找不到或无法读取/);
    c = capture();
    expect(await main(['check', 'x.xlsx', '--fast'], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/无法识别的选项 --fast/);
    const std = path.join(dir, 'std.json');
    await fs.writeFile(std, '{"settings":{"cvLimits":{"初中":"高"}}}');
    c = capture();
    expect(await main(['check', 'x.xlsx', '--standard', std], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/settings\.cvLimits\.初中/);
  });

  it('never overwrites the input unless --in-place, then clear restores it', async () => {
    const demoDir = path.join(dir, 'demo2');
    await main(['demo', '--dir', demoDir], capture().io);
    const src = path.join(demoDir, '示例县台账.xlsx');
    const original = await fs.readFile(src);
    const checked = path.join(demoDir, '示例县台账-自查.xlsx');
    expect(Buffer.compare(await fs.readFile(src), original)).toBe(0);

    const c = capture();
    expect(await main(['clear', checked, '--out', path.join(demoDir, 'cleared.xlsx')], c.io)).toBe(0);
    expect(c.out.join('\n')).toMatch(/已清除 \d+ 个单元格的标记，删除汇总表 17 张/);
    // The 整改 history lived in the run memory: clearing discards it, and says so.
    expect(c.out.join('\n')).toMatch(/注意：运行记录中的整改记录（1 次检查）已一并清除/);
    const cleared = new ExcelJS.Workbook();
    await cleared.xlsx.readFile(path.join(demoDir, 'cleared.xlsx'));
    const orig = new ExcelJS.Workbook();
    await orig.xlsx.load(original as unknown as ArrayBuffer);
    expect(cleared.worksheets.map((w) => w.name)).toEqual(orig.worksheets.map((w) => w.name));
  });
});

describe('writing', () => {
  async function demoFile(sub: string): Promise<string> {
    const d = path.join(dir, sub);
    await main(['demo', '--dir', d], capture().io);
    return path.join(d, '示例县台账.xlsx');
  }

  it('--in-place overwrites the input, and clear --in-place puts it back', async () => {
    const src = await demoFile('inplace');
    const c = capture();
    expect(await main(['check', src, '--in-place'], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain(`已写出：${src}`);
    const checked = new ExcelJS.Workbook();
    await checked.xlsx.readFile(src);
    expect(checked.worksheets.map((w) => w.name)).toContain('问题清单');
    expect(await main(['clear', src, '--in-place'], capture().io)).toBe(0);
    const cleared = new ExcelJS.Workbook();
    await cleared.xlsx.readFile(src);
    expect(cleared.worksheets.map((w) => w.name)).not.toContain('问题清单');
  });

  it('keeps parts it does not change byte for byte (a chart), also --in-place', async () => {
    const src = await demoFile('chart');
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await fs.readFile(src));
    const chart = '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>';
    zip.file('xl/charts/chart1.xml', chart);
    await fs.writeFile(src, await zip.generateAsync({ type: 'nodebuffer' }));
    const c = capture();
    expect(await main(['check', src], c.io)).toBe(0);
    expect(c.err).toEqual([]);
    const out = src.replace(/\.xlsx$/, '-自查.xlsx');
    expect(await (await JSZip.loadAsync(await fs.readFile(out))).file('xl/charts/chart1.xml')!.async('string')).toBe(chart);
    const inPlace = capture();
    expect(await main(['check', src, '--in-place'], inPlace.io)).toBe(0);
    expect(await (await JSZip.loadAsync(await fs.readFile(src))).file('xl/charts/chart1.xml')!.async('string')).toBe(chart);
  });
});

describe('help', () => {
  it('prints the usage in Chinese', async () => {
    const c = capture();
    expect(await main(['--help'], c.io)).toBe(0);
    expect(c.out[0]).toMatch(/junheng check <台账.xlsx>/);
  });
});
