/**
 * 不适用 as its own state (issue 15): a “*” / “—” / 不适用 cell the school does not need is not 数据不全 and
 * raises nothing; one it needs is a data finding and the indicator is missing (never a silent verdict).
 * "Needs" = what the 资源配置 evaluation reads for a 学段 it judges.
 */
import type { CellValue } from '../../../src/ledger/grid';
import { checkWorkbook } from '../../../src/report/engine';
import { run, sheet, STD } from '../ledgers-grid';

const HEAD: CellValue[] = ['学校名称', '学校类型', '在校生数', '高于规定学历教师数', '县级及以上骨干教师数', '体育艺术专任教师数', '教学及辅助用房面积', '体育运动场馆面积', '教学仪器设备值', '网络多媒体教室数'];
const GOOD: CellValue[] = ['城关小学', '小学', 800, 40, 9, 8, 4000, 7000, 1_800_000, 20];

describe('a “*” the school does not need', () => {
  it('a 教学点 left out of 资源配置: 不适用 in the results, the sheet and the JSON, no finding', () => {
    const g = sheet('学校台账', [HEAD, GOOD, ['山口教学点', '教学点', 30, 2, 0, 1, 200, '*', '—', 1]]);
    const { result, findings } = run([g]);
    const p = result.schools.find((s) => s.name === '山口教学点')!;
    expect(p.excluded).toBe(true);
    expect(p.indicators.R5).toMatchObject({ value: null, pass: null, notApplicable: true });
    expect(p.indicators.R6).toMatchObject({ value: null, pass: null, notApplicable: true });
    expect(p.indicators.R4.notApplicable).toBeUndefined();
    expect(findings.filter((f) => f.school === '山口教学点' && (f.cell === 'H3' || f.cell === 'I3'))).toEqual([]);
    const out = checkWorkbook([g], STD, { workbook: 't.xlsx', date: new Date('2026-12-01T00:00:00Z') });
    const js = out.report.schools.find((s) => s.name === '山口教学点')!;
    expect(js.indicators.R5).toMatchObject({ value: null, pass: null, notApplicable: true });
    expect(js.indicators.R4.notApplicable).toBeUndefined();
    const sh = out.sheets.find((s) => s.name === '资源配置达标情况')!;
    const row = sh.rows.find((r) => r[0].value === '山口教学点')!;
    const r5 = 4 + 2 * 4; // 学校 | 类型 | 学段 | 在校生数, then value | 达标 per indicator
    expect([row[r5].value, row[r5 + 1].value, row[r5 + 2].value]).toEqual(['不适用', '不适用', '不适用']);
  });

  it('a 九年一贯制 school whose 初中 在校生数 is “*” has no 初中 this year: only 小学 is judged, whole-school figures are all 小学', () => {
    const head: CellValue[] = ['学校名称', '学校类型', '小学在校生数', '初中在校生数', '小学高于规定学历教师数', '初中高于规定学历教师数', '县级及以上骨干教师数', '体育艺术专任教师数', '教学及辅助用房面积', '体育运动场馆面积', '教学仪器设备值', '网络多媒体教室数'];
    const g = sheet('学校台账', [head, ['古郊学校', '九年一贯制', 300, '*', 15, '*', 4, 3, 2000, 3000, 700_000, 8]]);
    const { result, findings } = run([g]);
    expect(result.schools.map((s) => s.stage)).toEqual(['小学']);
    const s = result.schools[0];
    expect(s.indicators.R4.value).toBeCloseTo(2000 / 300, 12);
    expect(s.indicators.R4.apportioned).toBe(false);
    expect(s.indicators.R1.value).toBeCloseTo(5, 12);
    expect(s.verdict).toBe('达标');
    expect(s.remarks).toEqual(['初中在校生数填写为“*”，按该校无初中学生处理，初中不作评估']);
    expect(findings.filter((f) => f.school === '古郊学校')).toEqual([]);
  });

  it('a 完全中学 whose 高中 在校生数 is “*”: the whole-school figures are all 初中 (no 1 : 1.2 share to a 高中 it lacks)', () => {
    const head: CellValue[] = ['学校名称', '学校类型', '初中在校生数', '高中在校生数', '高于规定学历教师数', '县级及以上骨干教师数', '体育艺术专任教师数', '教学及辅助用房面积', '体育运动场馆面积', '教学仪器设备值', '网络多媒体教室数'];
    const withSenior = (senior: CellValue) => sheet('学校台账', [head, ['东城中学', '完全中学', 600, senior, 40, 8, 7, 4000, 7000, 1_800_000, 18]]);
    const a = run([withSenior('*')]);
    expect(a.result.schools[0].indicators.R4.value).toBeCloseTo(4000 / 600, 12);
    expect(a.result.schools[0].indicators.R4.apportioned).toBe(false);
    expect(a.findings.filter((f) => f.school === '东城中学' && f.kind === 'data')).toEqual([]);
    const [wj, ws] = STD.settings.apportion.juniorSenior;
    const b = run([withSenior(400)]);
    expect(b.result.schools[0].indicators.R4.value).toBeCloseTo((4000 * (wj * 600)) / (wj * 600 + ws * 400) / 600, 12);
  });

  it('another 学段’s column, a whole-school column beside the 学段 columns, 体育 beside the combined column: nothing', () => {
    const head: CellValue[] = ['学校名称', '学校类型', '在校生数', '小学在校生数', '初中在校生数', '小学高于规定学历教师数', '初中高于规定学历教师数', '县级及以上骨干教师数', '体育艺术专任教师数', '体育专任教师数', '教学及辅助用房面积', '体育运动场馆面积', '教学仪器设备值', '网络多媒体教室数'];
    const g = sheet('学校台账', [
      head,
      ['城关小学', '小学', '*', 800, '*', 40, '*', 9, 8, '*', 4000, 7000, 1_800_000, 20],
      ['礼义中学', '初中', '不适用', '*', 600, '—', 35, 7, 6, '*', 3600, 6500, 1_600_000, 15],
    ]);
    const { result, findings } = run([g]);
    expect(result.schools.map((s) => [s.name, s.stage, s.verdict])).toEqual([['城关小学', '小学', '达标'], ['礼义中学', '初中', '达标']]);
    expect(findings.filter((f) => f.kind === 'data' && f.school !== null)).toEqual([]);
  });
});

describe('a “*” the school needs', () => {
  it('is a data finding at the cell and leaves the indicator missing: 数据不全, not 达标', () => {
    for (const text of ['*', '—', '不适用']) {
      const g = sheet('学校台账', [HEAD, ['西河小学', '小学', 300, 15, 3, 3, 1500, 2400, 700_000, text]]);
      const { result, findings } = run([g]);
      const s = result.schools[0];
      expect(s.indicators.R7).toMatchObject({ value: null, pass: null });
      expect(s.indicators.R7.notApplicable).toBeUndefined();
      expect(s.verdict).toBe('数据不全');
      const f = findings.filter((x) => x.cell === 'J2');
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ kind: 'data', indicator: 'R7', school: '西河小学', stage: '小学' });
      expect(f[0].message).toBe(`学校“西河小学”的「网络多媒体教室数」填写为“${text}”（不适用），但该校小学需要此项计算 每百名学生拥有网络多媒体教室数（R7），该项不作判定；请填写数值`);
    }
  });

  it('a school’s only 在校生数 written “*” is needed: a finding, nothing judged', () => {
    const g = sheet('学校台账', [HEAD, ['西河小学', '小学', '*', 15, 3, 3, 1500, 2400, 700_000, 8]]);
    const { result, findings } = run([g]);
    expect(result.schools[0].verdict).toBe('数据不全');
    expect(findings.filter((f) => f.cell === 'C2').map((f) => f.message)).toEqual([
      '学校“西河小学”的「在校生数」填写为“*”（不适用），但该校小学需要此项计算小学资源配置指标（R1–R7），该项不作判定；请填写数值',
    ]);
  });

  it('a “*” in a value a failing school needs does not hide the failure: 未达标 stays 未达标', () => {
    const g = sheet('学校台账', [HEAD, ['西河小学', '小学', 300, 15, 3, 3, 600, 2400, 700_000, '*']]);
    const { result } = run([g]);
    expect(result.schools[0].verdict).toBe('未达标'); // R4 2 ㎡ is below 85 % of 4.5
  });
});
