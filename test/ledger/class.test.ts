import type { CellValue } from '../../src/ledger/grid';
import { readLedgers, type ClassRecord } from '../../src/ledger';
import { grid, STD } from './helpers';

const brief = (c: ClassRecord) => [c.school, c.grade, c.stage, c.className, c.students.value];

describe('class ledger', () => {
  it('reads grades in every spelling and inherits a merged school cell', () => {
    const g = grid(
      [
        ['陵川县2022年秋季班额统计表', null, null, null, null],
        ['序号', '学校', '年级', '班级', '班级人数'],
        [1, '城关第一小学', '一年级', '1班', 45],
        [2, null, '一年级', '（2）班', 46],
        [3, null, '6', '1班', 40],
        [4, '礼义镇初级中学', '初一', '1班', 50],
        [5, null, '七年级', '2班', 51],
        [6, null, 7, '3班', '４８'],
        [7, null, '9年级', '1班', ' 49人 '],
        [null, null, '小计', null, 248],
        [8, '陵川一中', '高一', '1班', 55],
        [null, '合计', null, null, 429],
        ['填表人：张三', null, null, null, null],
      ],
      ['A1:E1', 'B3:B5', 'B6:B9'],
      { name: '班额' },
    );
    const set = readLedgers([g], STD);
    expect(set.ledgers).toHaveLength(1);
    expect(set.ledgers[0]).toMatchObject({
      sheet: '班额', kind: 'class', headerRows: [2], rows: 8,
      columns: { school: 'B', grade: 'C', className: 'D', students: 'E' }, missing: [],
    });
    expect(set.classes.map(brief)).toEqual([
      ['城关第一小学', 1, '小学', '1班', 45],
      ['城关第一小学', 1, '小学', '（2）班', 46],
      ['城关第一小学', 6, '小学', '1班', 40],
      ['礼义镇初级中学', 7, '初中', '1班', 50],
      ['礼义镇初级中学', 7, '初中', '2班', 51],
      ['礼义镇初级中学', 7, '初中', '3班', 48],
      ['礼义镇初级中学', 9, '初中', '1班', 49],
      ['陵川一中', 10, '高中', '1班', 55],
    ]);
    expect(set.classes[1].schoolRef).toEqual({ sheet: '班额', row: 3, col: 2 });
    expect(set.classes[1].gradeRef).toEqual({ sheet: '班额', row: 4, col: 3 });
    expect(set.classes[1].students.ref).toEqual({ sheet: '班额', row: 4, col: 5 });
    expect(set.classes[1].row).toBe(4);
    expect(set.findings).toEqual([]);
    expect(set.schools).toEqual([]);
  });

  it('a repeated header row inside a class ledger is skipped', () => {
    const set = readLedgers([grid([['学校', '年级', '班级', '人数'], ['甲校', '一年级', '1班', 40], ['学校', '年级', '班级', '人数'], ['甲校', '二年级', '1班', 41]])], STD);
    expect(set.classes.map((c) => c.grade)).toEqual([1, 2]);
    expect(set.findings).toEqual([]);
  });

  it('a merged grade cell and a school filled down from a blank cell', () => {
    const g = grid(
      [
        ['学校名称', '年级', '班别', '学生数'],
        ['甲小学', '二年级', '1班', 40],
        [null, null, '2班', 41],
        [null, '三年级', '1班', 42],
      ],
      ['B2:B3'],
    );
    const set = readLedgers([g], STD);
    expect(set.classes.map(brief)).toEqual([
      ['甲小学', 2, '小学', '1班', 40],
      ['甲小学', 2, '小学', '2班', 41],
      ['甲小学', 3, '小学', '1班', 42],
    ]);
  });

  it('grade from the class name when there is no grade column', () => {
    const set = readLedgers([grid([['学校', '班级名称', '班额'], ['甲中学', '初二（3）班', 52], ['甲中学', '一年级1班', 40], ['甲中学', '火箭班', 40]])], STD);
    expect(set.classes.map((c) => [c.grade, c.stage])).toEqual([[8, '初中'], [1, '小学'], [null, null]]);
    expect(set.findings).toEqual([]);
  });

  it('an unreadable grade leaves stage null with a finding; unreadable students are findings', () => {
    const set = readLedgers(
      [grid([['学校', '年级', '班级', '人数'], ['甲校', '2022级', '1班', 45], ['甲校', null, '2班', '暂无'], ['甲校', '一年级', '3班', 45.5], ['甲校', '二年级', '1班', -1]])],
      STD,
    );
    expect(set.classes.map((c) => [c.grade, c.stage, c.students.value, c.students.problem ?? null])).toEqual([
      [null, null, 45, null],
      [null, null, null, 'unreadable'],
      [1, '小学', null, 'unreadable'],
      [2, '小学', null, 'unreadable'],
    ]);
    const cells = set.findings.map((f) => f.cell);
    expect(cells).toEqual(['B2', 'D3', 'D4', 'D5']);
    expect(set.findings[0].message).toContain('2022级');
    expect(set.findings[1]).toMatchObject({ indicator: 'G5', school: '甲校', message: '「班级人数」单元格内容“暂无”无法识别为数字' });
    expect(set.findings[2].stage).toBe('小学');
    expect(set.findings[1].departments).toEqual(STD.indicators.G5.departments);
  });

  it('plain numeric grades 1-9 and two-row header with title', () => {
    const rows: CellValue[][] = [
      ['某县班额统计', null, null, null],
      ['（截至2022年9月）', null, null, null],
      ['学校名称', '年级', '班级', '学生人数'],
      ['', '', '', '（人）'],
      ['乙小学', 1, 1, 30],
      ['乙小学', 9, 2, 30],
    ];
    const set = readLedgers([grid(rows, ['A1:D1', 'A3:A4', 'B3:B4', 'C3:C4'])], STD);
    expect(set.ledgers[0].headerRows).toEqual([3, 4]);
    expect(set.classes.map(brief)).toEqual([
      ['乙小学', 1, '小学', '1', 30],
      ['乙小学', 9, '初中', '2', 30],
    ]);
  });

  it('a class ledger without students is missing 班级人数', () => {
    const set = readLedgers([grid([['学校', '年级', '班级', '班主任'], ['甲校', '一年级', '1班', '张三']])], STD);
    expect(set.ledgers).toEqual([]);
  });

  it('school and class ledgers side by side are told apart', () => {
    const school = grid([['学校名称', '学校类型', '在校生数', '班级数'], ['甲小学', '小学', 100, 3]], [], { name: 'S' });
    const cls = grid([['学校名称', '年级', '班级', '学生数'], ['甲小学', '一年级', '1班', 33]], [], { name: 'C' });
    const set = readLedgers([cls, school], STD);
    expect(set.ledgers.map((l) => [l.sheet, l.kind])).toEqual([['C', 'class'], ['S', 'school']]);
    expect(set.schools).toHaveLength(1);
    expect(set.classes).toHaveLength(1);
  });

  it('reads 20 000 class rows under merged school cells (speed is measured by npm run bench)', () => {
    const rows: CellValue[][] = [['学校', '年级', '班级', '班级人数']];
    const merges: string[] = [];
    for (let s = 0; s < 1000; s++) {
      const top = rows.length + 1;
      for (let k = 0; k < 20; k++) rows.push([k === 0 ? `第${s}小学` : null, `${(k % 6) + 1}年级`, `${k}班`, 40 + (k % 8)]);
      merges.push(`A${top}:A${top + 19}`);
    }
    const set = readLedgers([grid(rows, merges)], STD);
    expect(set.classes).toHaveLength(20000);
    expect(set.classes[19999].school).toBe('第999小学');
    expect(set.findings).toEqual([]);
  });
});

describe('total rows are labels, not names', () => {
  it('recognises 合计/小计 labels at the start or the end, never inside a name', () => {
    const { isTotalText } = jest.requireActual('../../src/ledger/rows') as typeof import('../../src/ledger/rows');
    for (const t of ['合计', '合 计', '合计：', '小计（初中）', '平均值', '全县合计', '城关镇小计', '城关镇小计（小学）', '总计(人)', '全县'])
      expect([t, isTotalText(t)]).toEqual([t, true]);
    for (const t of ['李平均', '王合计员', '平城镇中心小学', '示例县第一中学', '张三'])
      expect([t, isTotalText(t)]).toEqual([t, false]);
  });
});
