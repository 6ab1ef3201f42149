import { buildCvSheet, buildFindingsSheet, buildResourceSheet, CV_SHEET, FAIL_MARK, FINDINGS_SHEET, PASS_MARK, RESOURCE_SHEET } from '../../src/report/sheets';
import { isoDate, sortFindings, sheetOrderOf, textWidth } from '../../src/report/format';
import type { ModelCell, SheetModel } from '../../src/report/model';
import { CLASS_SHEET, EVIL_DDE, EVIL_HYPERLINK, SHEET, finding, fixtureFindings, fixtureLedgers, fixtureResult, meta, std } from './fixtures';

const ctx = { std, workbook: meta.workbook, date: meta.date };
const SUBTITLE = `台账：示例县台账.xlsx　标准：${std.name}　自查日期：2022-09-01`;

function col(model: SheetModel, header: string): number {
  const i = model.columns.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
}

function allStrings(model: SheetModel): string[] {
  return model.rows.flat().flatMap((c: ModelCell) => (typeof c.value === 'string' ? [c.value] : []));
}

describe('textWidth', () => {
  it('counts CJK and full-width characters as 2', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('学校')).toBe(4);
    expect(textWidth('１２３０')).toBe(8);
    expect(textWidth('面积（㎡）')).toBe(10);
  });
});

describe(RESOURCE_SHEET, () => {
  const m = buildResourceSheet(fixtureResult(), fixtureLedgers(), ctx);

  it('has its name, title, subtitle and columns', () => {
    expect(m.name).toBe('资源配置达标情况');
    expect(m.title).toBe('资源配置达标情况');
    expect(m.subtitle).toBe(SUBTITLE);
    expect(m.columns.map((c) => c.header)).toEqual([
      '学校', '学校类型', '学段', '在校生数',
      'R1 每百名学生拥有高于规定学历教师数（人）', 'R1达标',
      'R2 每百名学生拥有县级及以上骨干教师数（人）', 'R2达标',
      'R3 每百名学生拥有体育、艺术（音乐、美术）专任教师数（人）', 'R3达标',
      'R4 生均教学及辅助用房面积（㎡）', 'R4达标',
      'R5 生均体育运动场馆面积（㎡）', 'R5达标',
      'R6 生均教学仪器设备值（元）', 'R6达标',
      'R7 每百名学生拥有网络多媒体教室数（间）', 'R7达标',
      '达标项数', '结论', '说明',
    ]);
    for (const c of m.columns) expect(c.width).toBeGreaterThanOrEqual(6);
    expect(m.columns[col(m, '说明')].width).toBeGreaterThanOrEqual(textWidth('R4、R5、R6、R7 由全校数按加权学生数分摊'));
    expect(m.autoFilter).toBe(false);
  });

  it('lists schools in ledger order, 小学部 before 初中部, then a count line', () => {
    expect(m.rows.map((r) => [r[0].value, r[2]?.value])).toEqual([
      ['城关小学', '小学'],
      [EVIL_HYPERLINK, '小学'],
      [EVIL_DDE, '小学'],
      [EVIL_DDE, '初中'],
      ['北山教学点', '小学'],
      ['数据缺失小学', '小学'],
      ['示例县特殊教育学校', '—'],
      ['共 7 行：达标 2，未达标 2，数据不全 1，不参评 2', undefined],
    ]);
  });

  it('shows values with the indicator format, ✓ pass and ✗ fail, — where missing', () => {
    const evil = m.rows[1];
    const r4 = col(m, 'R4 生均教学及辅助用房面积（㎡）');
    expect(evil[r4]).toEqual({ value: 3.2, style: 'number', numFmt: '0.00" ㎡"' });
    expect(evil[r4 + 1]).toEqual({ value: FAIL_MARK, style: 'fail' });
    expect(m.rows[0][r4 + 1]).toEqual({ value: PASS_MARK, style: 'pass' });
    const r6 = col(m, 'R6 生均教学仪器设备值（元）');
    expect(m.rows[0][r6].numFmt).toBe('#,##0" 元"');
    expect(m.rows[5][r6]).toEqual({ value: '—', style: 'warn' });
    expect(m.rows[5][r6 + 1]).toEqual({ value: '—', style: 'warn' });
  });

  it('gives the verdict, the excluded reason and the apportioned note', () => {
    const v = col(m, '结论');
    const n = col(m, '说明');
    expect(m.rows.slice(0, 6).map((r) => r[v].value)).toEqual(['达标', '未达标', '达标', '未达标', '不参评', '数据不全']);
    expect(m.rows[0][v].style).toBe('pass');
    expect(m.rows[1][v].style).toBe('fail');
    expect(m.rows[4][n].value).toBe('在校生不足 50 人的教学点');
    expect(m.rows[6].map((c) => c.value).filter((v) => v !== '')).toEqual(['示例县特殊教育学校', '特殊教育学校', '—', 58, '不参评', '特殊教育学校不参与资源配置评估和差异系数计算']);
    expect(m.rows[6]).toHaveLength(m.columns.length);
    expect(m.rows[2][n].value).toBe('R4、R5、R6、R7 由全校数按加权学生数分摊');
    expect(m.rows[1][col(m, '达标项数')].value).toBe(5);
  });

  it('links each school to its name cell and keeps formula-looking names as plain strings', () => {
    expect(m.rows[1][0]).toEqual({ value: EVIL_HYPERLINK, style: 'link', link: { sheet: SHEET, cell: 'B6' } });
    expect(m.rows[2][0].value).toBe(EVIL_DDE);
    expect(m.rows[2][0].link).toEqual({ sheet: SHEET, cell: 'B7' });
    // without a LedgerSet the link falls back to column A of the row
    expect(buildResourceSheet(fixtureResult(), null, ctx).rows[0][0].link).toEqual({ sheet: SHEET, cell: 'A5' });
  });
});

describe(CV_SHEET, () => {
  const m = buildCvSheet(fixtureResult(), fixtureLedgers(), ctx);

  it('has its columns', () => {
    expect(m.name).toBe('校际差异系数');
    expect(m.subtitle).toBe(SUBTITLE);
    expect(m.columns.map((c) => c.header)).toEqual(['指标', '学段', '县域均值', '差异系数', '标准 ≤', '结果', '参评学校数']);
  });

  it('lists 小学 R1..R7, 综合, then 初中 R1..R7, 综合', () => {
    const labels = m.rows.slice(0, 16).map((r) => `${String(r[0].value).slice(0, 2)}/${r[1].value}`);
    expect(labels).toEqual([
      'R1/小学', 'R2/小学', 'R3/小学', 'R4/小学', 'R5/小学', 'R6/小学', 'R7/小学', '综合/小学',
      'R1/初中', 'R2/初中', 'R3/初中', 'R4/初中', 'R5/初中', 'R6/初中', 'R7/初中', '综合/初中',
    ]);
  });

  it('marks the CV over its limit ✗, others ✓, the composite 仅供参考', () => {
    const r6 = m.rows[5];
    expect(r6[0].value).toBe('R6 生均教学仪器设备值');
    expect(r6[3]).toEqual({ value: 0.62, style: 'number', numFmt: '0.000' });
    expect(r6[4].value).toBe(0.5);
    expect(r6[5]).toEqual({ value: FAIL_MARK, style: 'fail' });
    expect(m.rows[0][5]).toEqual({ value: PASS_MARK, style: 'pass' });
    expect(m.rows[0][2].numFmt).toBe('0.00" 人"');
    expect(m.rows[7][3].value).toBe(0.26);
    expect(m.rows[7][5].value).toBe('仅供参考');
    expect(m.rows[15][4].value).toBe('');
  });

  it('lists the excluded schools below, with a link, including schools the checks did not assess', () => {
    const i = m.rows.findIndex((r) => r[0]?.value === '未参评学校（2）');
    expect(i).toBeGreaterThan(16);
    expect(m.rows[i + 1].map((c) => c.value)).toEqual(['北山教学点', '小学', 23, '在校生不足 50 人的教学点']);
    expect(m.rows[i + 1][0].link).toEqual({ sheet: SHEET, cell: 'B8' });
    expect(m.rows[i + 2].map((c) => c.value)).toEqual(['示例县特殊教育学校', '—', 58, '特殊教育学校不参与资源配置评估和差异系数计算']);
  });
});

describe(FINDINGS_SHEET, () => {
  const findings = sortFindings(fixtureFindings(), sheetOrderOf([SHEET, CLASS_SHEET]));
  const m = buildFindingsSheet(findings, ctx);

  it('has its columns and an autofilter', () => {
    expect(m.name).toBe('问题清单');
    expect(m.subtitle).toBe(SUBTITLE);
    expect(m.autoFilter).toBe(true);
    expect(m.columns.map((c) => c.header)).toEqual(['序号', '类别', '工作表', '单元格', '学校', '学段', '指标', '实际值', '标准值', '差距', '需补足', '说明', '责任单位', '状态', '首次发现日期']);
    // Without 整改 tracking every finding is new as of the run's date.
    expect(new Set(m.rows.map((r) => `${r[13].value} ${r[14].value}`))).toEqual(new Set([`新发现 ${isoDate(ctx.date)}`]));
  });

  it('numbers the findings in location order, county-level last', () => {
    expect(m.rows.slice(2, 5).map((r) => [r[1].value, r[5].value])).toEqual([
      ['数据问题', ''],
      ['达标问题', '小学'],
      ['达标问题', '初中'],
    ]);
    expect(m.rows.map((r) => [r[0].value, r[3].value])).toEqual([
      [1, `${SHEET}!H6`],
      [2, `${SHEET}!I6`],
      [3, `${SHEET}!K7`],
      [4, `${SHEET}!K7`],
      [5, `${SHEET}!K7`],
      [6, `${SHEET}!J9`],
      [7, `${CLASS_SHEET}!D12`],
      [8, ''],
    ]);
  });

  it('renders one finding fully', () => {
    const r = m.rows[0];
    expect(r[1]).toEqual({ value: '达标问题', style: 'fail' });
    expect(r[2].value).toBe(SHEET);
    expect(r[3]).toEqual({ value: '学校台账!H6', style: 'link', link: { sheet: SHEET, cell: 'H6' } });
    expect(r[4]).toEqual({ value: EVIL_HYPERLINK, style: 'text' });
    expect(r[5].value).toBe('小学');
    expect(r[6].value).toBe('R4 生均教学及辅助用房面积');
    expect(r[7]).toEqual({ value: 3.2, style: 'number', numFmt: '0.00" ㎡"' });
    expect(r[8].value).toBe(4.5);
    // 差距 per student in ㎡; 需补足 the school's 520 ㎡, each in its own column.
    expect(r[9]).toEqual({ value: 1.3, style: 'number', numFmt: '0.00" ㎡"' });
    expect(r[10]).toEqual({ value: 520, style: 'number', numFmt: '0.00" ㎡"' });
    expect(r[11].value).toContain('还需 520 ㎡');
    expect(r[12].value).toBe('县教育局、县发改局、县财政局、县自然资源局、县住建局');
  });

  it('keeps ledger text (暂无, 1,250) as text, data findings as 数据问题', () => {
    const j9 = m.rows[5];
    expect(j9[1]).toEqual({ value: '数据问题', style: 'warn' });
    expect(j9[7]).toEqual({ value: '暂无', style: 'text' });
    expect(m.rows[7][3]).toEqual({ value: '', style: 'text' });
    expect(m.rows[7][3].link).toBeUndefined();
  });

  it('shows a 差异系数 finding as a coefficient, not in the indicator\'s unit, and short names for long items', () => {
    const cv = finding({ kind: 'compliance', indicator: 'R6', stage: '小学', actual: 0.66, required: 0.5, gap: 0.16, measure: 'cv', message: 'cv' });
    const g4 = finding({ kind: 'compliance', indicator: 'G4', actual: 2046, required: 2000, gap: 46, message: 'g4' });
    const [c, g] = buildFindingsSheet([cv, g4], ctx).rows;
    expect(c[6].value).toBe('R6 生均教学仪器设备值（差异系数）');
    expect([c[7], c[8], c[9]].map((x) => x.numFmt)).toEqual(['0.00', '0.00', '0.00']);
    expect(g[6].value).toBe(`G4 ${std.indicators.G4.short}`);
    expect(String(g[6].value).length).toBeLessThan(12);
  });

  it('keeps formula-looking school names as plain strings, never anything else', () => {
    const strings = allStrings(m);
    expect(strings).toContain(EVIL_HYPERLINK);
    expect(strings).toContain(EVIL_DDE);
    for (const c of m.rows.flat()) expect(Object.keys(c).sort()).toEqual(expect.arrayContaining(['value']));
    for (const c of m.rows.flat()) for (const k of Object.keys(c)) expect(['value', 'style', 'numFmt', 'link']).toContain(k);
  });
});
