import type { CellValue } from '../../src/ledger/grid';
import { run, sheet, teacher, teacherSheet } from './ledgers-grid';

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

describe('G9 五年培训学时', () => {
  it('359 fails on the hours cell, 360 passes; the county rate is a county-level finding', () => {
    const r = run([teacherSheet([teacher('甲小学', { hours: 360 }), teacher('甲小学', { hours: 359 }, 1)])]);
    const row = r.of('G9').filter((f) => f.cell !== null);
    expect(row).toHaveLength(1);
    expect(row[0]).toMatchObject({ kind: 'compliance', sheet: '教师台账', cell: 'I3', actual: 359, required: 360, gap: 1 });
    expect(row[0].message).toBe('教师“教师1”五年培训学时 359，标准 ≥ 360，还差 1 学时');
    const county = r.of('G9').filter((f) => f.cell === null);
    expect(county).toHaveLength(1);
    expect(county[0].message).toMatch(/完成率 50%（1\/2 人），标准 ≥ 100%/);
    expect(r.item('G9')).toMatchObject({ status: '未达标', failing: 1, value: 0.5 });
  });

  it('300 hours: "还差 60 学时"; all 360 → 达标', () => {
    expect(run([teacherSheet([teacher('甲', { hours: 300 })])]).of('G9')[0].message).toMatch(/五年培训学时 300，标准 ≥ 360，还差 60 学时/);
    expect(run([teacherSheet(many(5, '甲', { hours: 360 }))]).item('G9').status).toBe('达标');
  });

  it('no teacher ledger → 数据不全, never a pass', () => {
    expect(run([]).item('G9')).toMatchObject({ status: '数据不全', failing: 0 });
  });
});

describe('G11 交流轮岗', () => {
  const rows = (eligible: number, rotated: number, backboneRotated: number) => [
    ...many(eligible - rotated, '甲', { eligible: '是' }),
    ...many(backboneRotated, '甲', { eligible: '是', rotated: '是', backbone: '县级' }, 1000),
    ...many(rotated - backboneRotated, '甲', { eligible: '是', rotated: '是' }, 2000),
  ];

  it('9.9 % fails, 10 % passes', () => {
    const fail = run([teacherSheet(rows(1000, 99, 30))]);
    expect(fail.item('G11').status).toBe('未达标');
    expect(fail.of('G11')[0].message).toMatch(/交流轮岗教师 99 人，占符合交流条件教师 1000 人的 9.9%，标准 ≥ 10%，还需交流 1 人/);
    expect(run([teacherSheet(rows(1000, 100, 30))]).item('G11').status).toBe('达标');
  });

  it('backbone 19.9 % of rotated fails, 20 % passes', () => {
    const fail = run([teacherSheet(rows(10000, 1000, 199))]);
    expect(fail.item('G11').status).toBe('未达标');
    expect(fail.of('G11').map((f) => f.message).join()).toMatch(/骨干教师 199 人，占交流轮岗教师 1000 人的 19.9%，标准 ≥ 20%/);
    expect(run([teacherSheet(rows(10000, 1000, 200))]).item('G11').status).toBe('达标');
  });

  it('校级 backbone does not count', () => {
    const r = run([teacherSheet([...many(8, '甲', { eligible: '是', rotated: '是', backbone: '校级' }), ...many(2, '甲', { eligible: '是', rotated: '是', backbone: '市级骨干' }, 50)])]);
    expect(r.item('G11').status).toBe('达标');
  });
});

describe('G12 持证上岗', () => {
  it('a 专任 teacher with 无 fails on the certificate cell; a number counts; 兼任 without one is not checked', () => {
    const r = run([teacherSheet([teacher('甲', { cert: '20151405000123' }), teacher('甲', { cert: '无' }, 1), teacher('甲', { cert: '无', fullTime: '否' }, 2)])]);
    const f = r.of('G12').filter((x) => x.cell !== null);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'compliance', cell: 'H3', actual: '无' });
    expect(r.item('G12')).toMatchObject({ status: '未达标', failing: 1, value: 0.5 });
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

  it('stays linear: 50 000 teachers in well under a few seconds', () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 50000; i++) rows.push(teacher(`学校${i % 400}`, { stage: i % 2 ? '小学' : '初中', hours: i % 999 ? 400 : 300 }, i));
    const t0 = Date.now();
    const r = run([teacherSheet(rows)]);
    expect(r.ledgers.teachers).toHaveLength(50000);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
