/**
 * ×100 slips on per-100 values as counties give them (表Ⅱ-2, issue 15): a 每百名学生… column written per
 * student, × 100 too large, or as a count is read in the likely unit with a data finding at its header, or
 * left unjudged with a finding — never a silent verdict. Ranges from settings.plausible.givenPer100.
 */
import { readLedgers } from '../../src/ledger';
import { runChecks } from '../../src/checks';
import { RESOURCE_IDS } from '../../src/standard/schema';
import { standardWithOverride } from '../../src/standard';
import { STD } from './helpers';
import { JUNIOR, PRIMARY, table, type School } from './table2';

const ALL = [...PRIMARY, ...JUNIOR];

/** The schools with indicator k's values replaced. */
function withValues(k: number, f: (s: School, i: number) => number): { primary: School[]; junior: School[] } {
  const map = (s: School, i: number): School => ({ ...s, values: s.values.map((v, j) => (j === k ? f(s, i) : v)) });
  return { primary: PRIMARY.map((s, i) => map(s, i)), junior: JUNIOR.map((s, i) => map(s, PRIMARY.length + i)) };
}

function check(opts: { primary: School[]; junior: School[] }) {
  const { g, rowOf } = table(opts);
  const ledgers = readLedgers([g], STD);
  const result = runChecks(ledgers, STD);
  return { ledgers, result, rowOf, findings: [...ledgers.findings, ...result.findings] };
}

describe('a 每百名学生… column a unit off', () => {
  it('written per student (× 100 too small): read × 100, one finding at the header, the verdicts of the real values', () => {
    const { result, ledgers } = check(withValues(0, (s) => s.values[0] / 100));
    const f = ledgers.findings.filter((x) => x.indicator === 'R1');
    expect(f.map((x) => x.cell)).toEqual(['G2']);
    expect(f[0].message).toBe(
      '「每百名学生拥有高于规定学历教师数」按每名学生数读取（× 100）：各校数值仅 0.05 人（中位数），不可能（合理范围 0.5–40 人）；像是按每名学生数填写（少乘了 100），乘以 100 后为 4.72 人。请核实，并按每百名学生数填写',
    );
    result.schools.forEach((s, i) => expect(s.indicators.R1.value).toBeCloseTo(ALL[i].values[0], 9));
    expect(result.schools.map((s) => s.verdict)).toEqual(['达标', '达标', '未达标', '未达标', '达标', '达标', '未达标']);
  });

  it('× 100 too large: read ÷ 100 with a finding at the header', () => {
    const { result, ledgers } = check(withValues(1, (s) => s.values[1] * 100));
    const f = ledgers.findings.filter((x) => x.indicator === 'R2');
    expect(f.map((x) => x.cell)).toEqual(['H2']);
    expect(f[0].message).toContain('像是多乘了 100，除以 100 后为');
    result.schools.forEach((s, i) => expect(s.indicators.R2.value).toBeCloseTo(ALL[i].values[1], 9));
  });

  it('the count where the value per 100 belongs: read as count ÷ 在校生数 × 100 when most counts are impossible per 100', () => {
    const counts = [62, 75, 50, 45, 14, 80, 30];
    const students = [1200, 1500, 1000, 900, 300, 1400, 560];
    const opts = withValues(0, (_s, i) => counts[i]);
    const big = (list: School[], off: number) => list.map((s, i) => ({ ...s, students: students[off + i] }));
    const { result, ledgers } = check({ primary: big(opts.primary, 0), junior: big(opts.junior, PRIMARY.length) });
    const f = ledgers.findings.filter((x) => x.indicator === 'R1');
    expect(f.map((x) => x.cell)).toEqual(['G2']);
    expect(f[0].message).toMatch(/^「每百名学生拥有高于规定学历教师数」按教师人数读取：各校数值高达 50 人（中位数），不可能（合理范围 0\.5–40 人）；像是填写的教师人数，按在校生数折算为每百名学生为 5(\.\d+)? 人。/);
    result.schools.forEach((s, i) => expect(s.indicators.R1.value).toBeCloseTo((counts[i] * 100) / students[i], 9));
    // 14 teachers for 300 students: 4.67 per 100, reached (≥ 4.2).
    expect(result.schools[4].indicators.R1.pass).toBe(true);
  });

  it('whole numbers that read as well per 100 as counts: the column left unjudged, one finding at the header', () => {
    const counts = [8, 6, 5, 4, 4, 7, 3];
    const { result, ledgers, findings } = check(withValues(2, (_s, i) => counts[i]));
    const f = ledgers.findings.filter((x) => x.indicator === 'R3');
    expect(f.map((x) => x.cell)).toEqual(['I2']);
    expect(f[0].message).toContain('无法判断填写的是哪一种。本项不作判定');
    for (const s of result.schools) expect(s.indicators.R3).toMatchObject({ value: null, pass: null });
    // No verdict silently: schools that reach the other six are 数据不全, never 达标 by a count read as per 100.
    expect(result.schools.map((s) => s.verdict)).toEqual(['数据不全', '数据不全', '未达标', '未达标', '数据不全', '数据不全', '未达标']);
    expect(findings.some((x) => x.kind === 'compliance' && x.indicator === 'R3')).toBe(false);
    expect(result.cv.find((c) => c.indicator === 'R3' && c.stage === '小学')!.value).toBeNull();
  });

  it('one value no school can have in a column that is otherwise right: that cell unjudged with a finding', () => {
    const opts = withValues(6, (s, i) => (i === 0 ? 250 : s.values[6]));
    const { result, ledgers, rowOf } = check(opts);
    const f = ledgers.findings.filter((x) => x.indicator === 'R7');
    expect(f.map((x) => x.cell)).toEqual([`M${rowOf.get(opts.primary[0])}`]);
    expect(rowOf.get(opts.primary[0])).toBe(5);
    expect(f[0].message).toBe('「每百名学生拥有网络多媒体教室数」为 250，超出合理范围 0.1–20 间，不可能。本项不作判定，请核实数值');
    expect(result.schools[0].indicators.R7.value).toBeNull();
    expect(result.schools[0].verdict).toBe('数据不全');
    expect(result.schools[1].indicators.R7.value).toBe(PRIMARY[1].values[6]);
  });

  it('the range ends (settings.plausible.givenPer100) are in; just past them is out', () => {
    const [lo, hi] = STD.settings.plausible.givenPer100.R2;
    const vals = [lo, hi, lo * 0.99, hi * 1.01, 1.2, 1.1, 1.3];
    const { result, ledgers } = check(withValues(1, (_s, i) => vals[i]));
    const unjudged = ledgers.findings.filter((x) => x.indicator === 'R2').map((x) => x.school);
    expect(unjudged).toEqual(['东关小学', '西郊小学']);
    expect(result.schools.map((s) => s.indicators.R2.value)).toEqual([lo, hi, null, null, 1.2, 1.1, 1.3]);
  });

  it('生均教学仪器设备值 written in 万元 under an 元 header: read in 万元 with a finding at the header', () => {
    const { result, ledgers } = check(withValues(5, (s) => s.values[5] / 10000));
    const f = ledgers.findings.filter((x) => x.indicator === 'R6');
    expect(f.map((x) => x.cell)).toEqual(['L2']);
    expect(f[0].message).toContain('「生均教学仪器设备值」按万元读取');
    result.schools.forEach((s, i) => expect(s.indicators.R6.value).toBeCloseTo(ALL[i].values[5], 6));
    expect(RESOURCE_IDS.every((id) => result.schools[0].indicators[id].pass)).toBe(true);
  });
});

describe('settings.plausible.givenPer100', () => {
  it('a partial override changes one indicator’s range and keeps the others; a range upside down is refused', () => {
    const std = standardWithOverride('{"settings":{"plausible":{"givenPer100":{"R1":[1, 30]}}}}');
    expect(std.settings.plausible.givenPer100.R1).toEqual([1, 30]);
    expect(std.settings.plausible.givenPer100.R7).toEqual(STD.settings.plausible.givenPer100.R7);
    expect(() => standardWithOverride('{"settings":{"plausible":{"givenPer100":{"R2":[20, 0.05]}}}}')).toThrow(
      /settings\.plausible\.givenPer100\.R2」有误：下限必须小于上限/,
    );
  });

  it('a narrower R1 range moves the decision: 0.6 per 100 is judged under [0.5, 40] and left unjudged under [1, 30]', () => {
    const opts = withValues(0, (s, i) => (i === 0 ? 0.6 : s.values[0]));
    const { g } = table(opts);
    const wide = runChecks(readLedgers([g], STD), STD);
    expect(wide.schools[0].indicators.R1.value).toBe(0.6);
    const narrow = standardWithOverride('{"settings":{"plausible":{"givenPer100":{"R1":[1, 30]}}}}');
    const l = readLedgers([g], narrow);
    expect(runChecks(l, narrow).schools[0].indicators.R1.value).toBeNull();
    expect(l.findings.filter((f) => f.indicator === 'R1').map((f) => f.school)).toEqual(['城关第一小学']);
  });
});
