import type { CellValue, SheetGrid } from '../../src/ledger/grid';
import { readLedgers } from '../../src/ledger';
import { grid, STD } from './helpers';

/** A tiny deterministic PRNG so the fuzz cases are reproducible. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const POOL: CellValue[] = [
  null, '', ' ', '学校名称', '在校生数', '班级数', '小学', '初中', '合计', '备注：', '填表人', '年级', '班级', '人数', '一年级',
  '1班', 12, -1, 45.5, 0, 1e308, Number.NaN, true, new Date(0), { error: '#REF!' }, '暂无', '１２', '教学仪器设备值（万元）',
  '音乐教室', '间数', '面积', '城关小学', '某某中学', '体育艺术专任教师', '体育',
];

describe('robustness', () => {
  it('random grids, ragged rows and odd merges never throw and always finish', () => {
    const next = rng(42);
    for (let k = 0; k < 300; k++) {
      const rows = 1 + Math.floor(next() * 30);
      const values: CellValue[][] = [];
      for (let r = 0; r < rows; r++) {
        const w = Math.floor(next() * 12);
        const row: CellValue[] = [];
        for (let c = 0; c < w; c++) row.push(POOL[Math.floor(next() * POOL.length)]);
        values.push(row);
      }
      const merges = [];
      for (let m = 0; m < 4; m++) {
        const top = Math.floor(next() * 40) - 5;
        const left = Math.floor(next() * 15) - 2;
        merges.push({ top, left, bottom: top + Math.floor(next() * 50), right: left + Math.floor(next() * 5) });
      }
      const g: SheetGrid = { name: `S${k}`, top: 1 + Math.floor(next() * 3), left: 1, values, merges };
      expect(() => readLedgers([g], STD)).not.toThrow();
    }
  });

  it('a merge spanning the whole sheet and a very wide empty grid are harmless', () => {
    const wide: CellValue[] = new Array<CellValue>(5000).fill(null);
    wide[0] = '学校名称';
    wide[4000] = '在校生数';
    wide[4999] = '班级数';
    const row: CellValue[] = new Array<CellValue>(5000).fill(null);
    row[0] = '甲小学';
    row[4000] = 10;
    row[4999] = 1;
    const g = grid([wide, row], ['A1:GJK100000']);
    const set = readLedgers([g], STD);
    expect(set.schools.map((s) => s.quantities.students?.all?.value)).toEqual([10]);
  });

  it('rows shorter than the header and sparse arrays', () => {
    const values: CellValue[][] = [['学校名称', '在校生数', '班级数'], ['甲小学'], [], ['乙小学', 5]];
    const set = readLedgers([grid(values)], STD);
    expect(set.schools.map((s) => [s.name, s.quantities.students?.all?.value ?? null, s.quantities.classes?.all?.problem])).toEqual([
      ['甲小学', null, 'blank'],
      ['乙小学', 5, 'blank'],
    ]);
  });
});
