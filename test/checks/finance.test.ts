import type { CellValue } from '../../src/ledger/grid';
import { run, sheet } from './ledgers-grid';

const HEAD: CellValue[] = ['学校名称', '学校类型', '在校生数', '公用经费（万元）', '生均基准定额（元）', '教师培训经费（元）', '城乡类型', '是否寄宿制', '就近划片入学比例', '章程'];
const row = (name: string, type: string, students: number, o: Partial<{ budget: CellValue; quota: CellValue; training: CellValue; locale: string; boarding: string; nearby: CellValue; charter: string }> = {}): CellValue[] => [
  name, type, students, o.budget ?? 100, o.quota ?? 650, o.training ?? 60000, o.locale ?? '乡村', o.boarding ?? '否', o.nearby ?? null, o.charter ?? '有',
];
const school = (...rows: CellValue[][]) => sheet('学校台账', [HEAD, ...rows]);

describe('G6 不足100名学生按100名核定公用经费', () => {
  it('99 students: budget must reach 100 × 定额; 100 students are not judged by G6', () => {
    const r = run([school(row('甲教学点', '教学点', 99, { budget: 6.2, training: 4000 }))]);
    const f = r.of('G6');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'compliance', cell: 'D2', actual: 62000, required: 65000, gap: 3000 });
    expect(f[0].message).toBe('在校生 99 人（不足 100 人，应按 100 人核定），公用经费 62000 元，应不低于 100 × 650 元 = 65000 元，还差 3000 元');
    expect(r.item('G6').status).toBe('未达标');
    const ok = run([school(row('甲教学点', '教学点', 100, { budget: 6.2, training: 4000 }))]);
    expect(ok.of('G6')).toEqual([]);
    expect(ok.item('G6').status).toBe('达标');
    expect(run([school(row('甲教学点', '教学点', 99, { budget: 6.5, training: 4000 }))]).item('G6').status).toBe('达标');
  });
});

describe('G7 特殊教育学校生均公用经费', () => {
  it('5999 元 fails, 6000 元 passes (公用经费 ÷ 在校生数)', () => {
    const r = run([school(row('县特殊教育学校', '特殊教育学校', 100, { budget: 59.99, training: 40000 }))]);
    expect(r.of('G7')[0]).toMatchObject({ kind: 'compliance', actual: 5999, required: 6000, gap: 1 });
    expect(r.item('G7').status).toBe('未达标');
    expect(run([school(row('县特殊教育学校', '特殊教育学校', 100, { budget: 60, training: 40000 }))]).item('G7').status).toBe('达标');
  });

  it('no special school: G7 does not apply', () => {
    expect(run([school(row('甲小学', '小学', 300))]).item('G7')).toMatchObject({ status: '达标', value: '不适用' });
  });
});

describe('Q4 教师培训经费 ≥ 5 % 公用经费', () => {
  it('4.9 % fails on the training cell, 5 % passes', () => {
    const r = run([school(row('甲小学', '小学', 300, { budget: 100, training: 49000 }))]);
    expect(r.of('Q4')[0]).toMatchObject({ kind: 'compliance', cell: 'F2', gap: 1000 });
    expect(r.of('Q4')[0].message).toMatch(/占公用经费（1000000 元）的 4.9%，标准 ≥ 5%，还差 1000 元/);
    expect(run([school(row('甲小学', '小学', 300, { budget: 100, training: 50000 }))]).of('Q4')).toEqual([]);
  });
});

describe('G13 就近划片入学比例 (城区、镇区, not boarding)', () => {
  it('初中 94.9 % fails, 95 % passes', () => {
    expect(run([school(row('城关中学', '初中', 900, { locale: '城区', nearby: '94.9%' }))]).of('G13')[0]).toMatchObject({ kind: 'compliance', cell: 'I2', stage: '初中' });
    expect(run([school(row('城关中学', '初中', 900, { locale: '城区', nearby: '95%' }))]).item('G13').status).toBe('达标');
  });

  it('小学 99.9 % fails, 100 % passes', () => {
    expect(run([school(row('城关小学', '小学', 900, { locale: '镇区', nearby: 0.999 }))]).item('G13').status).toBe('未达标');
    expect(run([school(row('城关小学', '小学', 900, { locale: '镇区', nearby: 100 }))]).item('G13').status).toBe('达标');
  });

  it('乡村 and boarding schools are not judged; a bare 1 is ambiguous', () => {
    expect(run([school(row('村小', '小学', 90, { locale: '乡村', nearby: 0.5 }))]).of('G13')).toEqual([]);
    expect(run([school(row('镇中', '初中', 900, { locale: '镇区', boarding: '是', nearby: 0.5 }))]).of('G13')).toEqual([]);
    const amb = run([school(row('城关小学', '小学', 900, { locale: '城区', nearby: 1 }))]);
    expect(amb.of('G13').map((f) => f.kind)).toEqual(['data']);
    expect(amb.of('G13')[0].message).toMatch(/无法判断是 1% 还是 100%/);
    expect(amb.item('G13').status).toBe('数据不全');
  });
});

describe('Q3 章程', () => {
  it('无 fails on the cell; 有 passes; blank is a data finding', () => {
    expect(run([school(row('甲小学', '小学', 300, { charter: '无' }))]).of('Q3')[0]).toMatchObject({ kind: 'compliance', cell: 'J2' });
    expect(run([school(row('甲小学', '小学', 300, { charter: '有' }))]).item('Q3').status).toBe('达标');
    expect(run([school(row('甲小学', '小学', 300, { charter: '' }))]).item('Q3').status).toBe('数据不全');
  });
});

describe('cross-ledger: students against the sum of classes', () => {
  it('a mismatch is a data finding on the students cell and on the first class row', () => {
    const classes = sheet('班级台账', [['学校名称', '年级', '班级', '班级人数'], ['甲小学', '一年级', '1班', 40], ['甲小学', '二年级', '1班', 41], ['乙小学', '一年级', '1班', 30]]);
    const r = run([school(row('甲小学', '小学', 80)), classes]);
    const d = r.findings.filter((f) => /不一致/.test(f.message));
    expect(d.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['学校台账!C2', '班级台账!D2']);
    expect(d[0].message).toBe('学校台账「在校生数」填 80 人，班级台账中该校各班人数合计 81 人，两者不一致，请核实');
    expect(r.findings.filter((f) => /“乙小学”在学校台账中找不到/.test(f.message))).toHaveLength(1);
    expect(run([school(row('甲小学', '小学', 81)), classes]).findings.filter((f) => /不一致/.test(f.message))).toEqual([]);
  });
});
