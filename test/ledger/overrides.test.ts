import { readLedgers } from '../../src/ledger';
import type { CellValue } from '../../src/ledger/grid';
import { STD, grid } from './helpers';

const HEADER: CellValue[] = ['学校名称', '学校类型', '在校生数', '班级数', '校舍甲', '体育运动场馆面积', '备用（万元）'];
const ROW: CellValue[] = ['城关小学', '小学', 500, 12, 2600, 5000, 120];
const sheet = () => grid([HEADER, ROW], [], { name: '学校台账' });

describe('column overrides (the pane\'s 台账识别 corrections)', () => {
  it('without them, an unrecognised header is a missing column', () => {
    const set = readLedgers([sheet()], STD);
    expect(set.ledgers[0].columns.floorArea).toBeUndefined();
    expect(set.ledgers[0].missing).toContain('教学及辅助用房面积');
    expect(set.schools[0].quantities.floorArea).toBeUndefined();
  });

  it('maps a field to the column the user picked, with the unit in that column\'s header', () => {
    const set = readLedgers([sheet()], STD, { 学校台账: { floorArea: 'E', equipmentValue: 'G' } });
    expect(set.ledgers[0].columns.floorArea).toBe('E');
    expect(set.ledgers[0].missing).not.toContain('教学及辅助用房面积');
    expect(set.schools[0].quantities.floorArea?.all?.value).toBe(2600);
    expect(set.schools[0].quantities.equipmentValue?.all?.value).toBe(1200000);
  });

  it('unmaps a field with an empty letter, and moves a column from the field that had it', () => {
    const unmapped = readLedgers([sheet()], STD, { 学校台账: { sportsArea: '' } });
    expect(unmapped.ledgers[0].columns.sportsArea).toBeUndefined();
    const moved = readLedgers([sheet()], STD, { 学校台账: { floorArea: 'F' } });
    expect(moved.ledgers[0].columns.floorArea).toBe('F');
    expect(moved.ledgers[0].columns.sportsArea).toBeUndefined();
  });

  it('ignores unknown fields, bad letters and other sheets', () => {
    const base = readLedgers([sheet()], STD);
    const same = readLedgers([sheet()], STD, { 学校台账: { nonsense: 'E', floorArea: '??' }, 别的表: { floorArea: 'E' } });
    expect(same.ledgers).toEqual(base.ledgers);
  });
});
