import type { CellValue } from '../../../src/ledger/grid';
import { run, teacher, teacherSheet } from '../ledgers-grid';

const many = (n: number, school: string, over: Parameters<typeof teacher>[1] = {}, from = 0): CellValue[][] =>
  Array.from({ length: n }, (_, i) => teacher(school, over, from + i));

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
