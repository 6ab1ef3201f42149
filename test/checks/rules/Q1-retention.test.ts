import { countySheet as county, run } from '../ledgers-grid';

describe('county figures sheet', () => {
  it('Q1 94.9 % fails on the value cell, 95 % passes', () => {
    const r = run([county([['初中三年巩固率', '94.9%'], ['残疾儿童少年入学率', 0.97]])]);
    expect(r.of('Q1')[0]).toMatchObject({ kind: 'compliance', sheet: '县级数据', cell: 'B3' });
    expect(r.item('Q1').status).toBe('未达标');
    expect(run([county([['初中三年巩固率', '95%'], ['残疾儿童少年入学率', 0.97]])]).item('Q1').status).toBe('达标');
  });
});
