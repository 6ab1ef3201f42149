import type { CellValue } from '../../../src/ledger/grid';
import { run, sheet, teacher, teacherSheet } from '../ledgers-grid';

const many = (n: number, school: string, over: Parameters<typeof teacher>[1] = {}, from = 0): CellValue[][] =>
  Array.from({ length: n }, (_, i) => teacher(school, over, from + i));

describe('teacher ledger: recognised and read', () => {
  it('is found by its header and read row by row', () => {
    const r = run([teacherSheet([teacher('甲小学'), teacher('甲小学', { hours: '暂无' })])]);
    expect(r.ledgers.ledgers.map((l) => `${l.kind}:${l.rows}`)).toEqual(['teacher:2']);
    expect(r.ledgers.teachers[0]).toMatchObject({ name: '教师0', school: '甲小学', degree: { text: '本科' }, hours: { value: 400 } });
    expect(r.of('G9').some((f) => f.kind === 'data' && f.cell === 'I3')).toBe(true);
  });
});

describe('R1–R3 from the teacher ledger', () => {
  const schoolLedger = (extra: CellValue[] = [], header: CellValue[] = []) =>
    sheet('学校台账', [
      ['学校名称', '学校类型', '在校生数', '教学及辅助用房面积', '体育运动场馆面积', '教学仪器设备值', '网络多媒体教室数', ...header],
      ['甲小学', '小学', 100, 450, 750, 200000, 3, ...extra],
    ]);

  it('fill R1–R3 when the school ledger lacks them (小学: 专科 and above counts)', () => {
    const t = [
      ...many(5, '甲小学', { degree: '专科' }),
      ...many(2, '甲小学', { degree: '中专' }, 10),
      ...many(1, '甲小学', { backbone: '县级骨干教师' }, 20),
      ...many(1, '甲小学', { subject: '体育与健康' }, 30),
      ...many(1, '甲小学', { subject: '音乐', fullTime: '否' }, 40),
    ];
    const r = run([schoolLedger(), teacherSheet(t)]);
    const s = r.result.schools[0];
    expect(s.indicators.R1.value).toBeCloseTo(8); // 5 专科 + 3 本科 of 10
    expect(s.indicators.R2.value).toBeCloseTo(1);
    expect(s.indicators.R3.value).toBeCloseTo(1); // the 兼任 music teacher does not count
    expect(r.ledgers.findings.filter((f) => /缺少「高于规定学历教师数」/.test(f.message))).toEqual([]);
    expect(s.verdict).toBe('达标');
  });

  it('cross-checks the school ledger: a mismatch is a data finding on both cells', () => {
    const r = run([schoolLedger([3], ['县级及以上骨干教师数']), teacherSheet([...many(2, '甲小学', { backbone: '县级' }), ...many(3, '甲小学', {}, 10)])]);
    const d = r.of('R2').filter((f) => f.kind === 'data');
    expect(d.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['学校台账!H2', '教师台账!B2']);
    expect(d[0].message).toBe('学校台账「县级及以上骨干教师数」填 3 人，教师台账中该校县级及以上骨干教师 2 人，两者不一致，请核实');
    const same = run([schoolLedger([2], ['县级及以上骨干教师数']), teacherSheet([...many(2, '甲小学', { backbone: '县级' }), ...many(3, '甲小学', {}, 10)])]);
    expect(same.of('R2').filter((f) => f.kind === 'data')).toEqual([]);
  });

  it('a teacher of a school the school ledger does not list is a data finding on its school cell', () => {
    const r = run([schoolLedger(), teacherSheet([...many(10, '甲小学'), teacher('城关一小', {}, 99)])]);
    const d = r.findings.filter((f) => /找不到/.test(f.message));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ kind: 'data', sheet: '教师台账', cell: 'B12', school: '城关一小' });
  });

  // Speed is the bench's (npm run bench: the engine at ×1, ×5, ×10 a county, 5 000 to 50 000 teachers).
  it('a city-size roster: 50 000 teachers read, every one short of the hours found on its own cell', () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 50000; i++) rows.push(teacher(`学校${i % 400}`, { stage: i % 2 ? '小学' : '初中', hours: i % 999 ? 400 : 300 }, i));
    const r = run([teacherSheet(rows)]);
    expect(r.ledgers.teachers).toHaveLength(50000);
    const short = r.of('G9').filter((f) => f.cell !== null && f.kind === 'compliance');
    const expected = rows.map((_, i) => i).filter((i) => i % 999 === 0); // 300 h; the header is row 1
    expect(short.map((f) => f.cell)).toEqual(expected.map((i) => `I${i + 2}`));
  });
});
