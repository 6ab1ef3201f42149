import { readPercent } from '../../../src/ledger';
import { countySheet as county, run } from '../ledgers-grid';

describe('percent parsing', () => {
  it('96%, "96%", 0.96, 96 are all 0.96; 1 is ambiguous; over 100 % is an error', () => {
    expect(readPercent('96%')).toEqual({ value: 0.96 });
    expect(readPercent('96 ％')).toEqual({ value: 0.96 });
    expect(readPercent(0.96, '0%')).toEqual({ value: 0.96 });
    expect(readPercent(0.96)).toEqual({ value: 0.96 });
    expect(readPercent(96)).toEqual({ value: 0.96 });
    expect(readPercent('96')).toEqual({ value: 0.96 });
    expect(readPercent(1)).toEqual({ ambiguous: 1 });
    expect(readPercent('1.0')).toEqual({ ambiguous: 1 });
    expect(readPercent(1, '0%')).toEqual({ value: 1 });
    expect(readPercent('100%')).toEqual({ value: 1 });
    expect(readPercent(120)).toHaveProperty('error');
    expect(readPercent('暂无')).toHaveProperty('error');
    expect(readPercent('')).toEqual({ blank: true });
  });
});

describe('county figures sheet', () => {
  it('is recognised by item names (指标 | 数值 | 说明 or 指标 | 单位 | 数值)', () => {
    for (const layout of ['plain', 'unit'] as const) {
      const r = run([county([['初中三年巩固率', 96], ['残疾儿童少年入学率', '95%']], layout)]);
      expect(r.ledgers.county?.figures.retention?.value).toBe(0.96);
      expect(r.ledgers.county?.figures.disabledEnrolment?.value).toBe(0.95);
      expect(r.ledgers.ledgers.map((l) => l.kind)).toEqual(['county']);
    }
  });

  it('an ambiguous 1 is a data finding and the item is 数据不全', () => {
    const r = run([county([['初中三年巩固率', 96], ['残疾儿童少年入学率', 1]])]);
    expect(r.of('Q2')).toEqual([expect.objectContaining({ kind: 'data', cell: 'B4' })]);
    expect(r.item('Q2').status).toBe('数据不全');
  });

  it('no county sheet: the county items are 数据不全, not passes', () => {
    const r = run([]);
    for (const id of ['G14', 'Q1', 'Q2', 'Q9', 'S1']) expect(r.item(id).status).toBe('数据不全');
  });
});
