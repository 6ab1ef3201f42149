import type { CellValue } from '../../src/ledger/grid';
import { columnLetter } from '../../src/ledger/grid';
import { readLedgers, type LedgerSet, type SchoolRecord } from '../../src/ledger';
import { runChecks } from '../../src/checks';
import { grid, STD } from './helpers';

/** A header block: a parent header with optional children (merged parent), and one value per child per data row. */
interface Block {
  parent: string;
  children?: string[];
  /** rows[i][j] = value of child j in data row i (one child when `children` is absent). */
  rows: CellValue[][];
}

const SCHOOLS = ['城关第一小学', '礼义镇初级中学', '附城镇九年一贯制学校', '西河教学点'];

function blocks(): Block[] {
  return [
    { parent: '序号', rows: [[1], [2], [3], [4]] },
    { parent: '学校名称', rows: SCHOOLS.map((s) => [s]) },
    { parent: '学校类型', rows: [['小学'], ['初中'], ['九年制'], ['']] },
    { parent: '在校生数', children: ['小学', '初中'], rows: [[800, null], [null, 600], [166, 210], [30, null]] },
    { parent: '班级数', rows: [[18], [12], [8], [3]] },
    { parent: '高于规定学历教师数', rows: [[40], [35], [20], [2]] },
    { parent: '县级及以上骨干教师数', rows: [[9], [7], [4], [0]] },
    { parent: '体育艺术专任教师数', rows: [[8], [6], [4], [1]] },
    { parent: '教学及辅助用房面积（㎡）', rows: [[4000], ['3,600'], ['２０００'], [200]] },
    { parent: '体育运动场馆面积（平方米）', rows: [[7000], [6500.5], [4000], [300]] },
    { parent: '教学仪器设备值（万元）', rows: [[180], [160.5], ['80万元'], ['60000元']] },
    { parent: '网络多媒体教室数（间）', rows: [[20], [15], [10], [2]] },
    { parent: '音乐教室', children: ['间数', '面积'], rows: [[2, 192], [1, 96], [1, 100], [0, 0]] },
    { parent: '美术教室', children: ['间数', '面积'], rows: [[2, 180], [1, 90], [1, 95], [0, 0]] },
  ];
}

/** Builds a two-row-header sheet from blocks: title row, parent row, child row, data rows, a 合计 row and notes. */
function sheet(bs: Block[], opts: { blankRows?: number; blankCols?: number; name?: string; extraRows?: CellValue[][] } = {}) {
  const lead = opts.blankCols ?? 0;
  const width = lead + bs.reduce((n, b) => n + (b.children?.length ?? 1), 0);
  const blankRow = (): CellValue[] => new Array<CellValue>(width).fill(null);
  const values: CellValue[][] = [];
  const merges: string[] = [];
  values.push(blankRow());
  values[0][lead] = '陵川县义务教育学校办学条件统计表';
  merges.push(`${columnLetter(lead + 1)}1:${columnLetter(width)}1`);
  for (let i = 0; i < (opts.blankRows ?? 0); i++) values.push(blankRow());
  const pr = values.length; // parent row index (0-based)
  const parent = blankRow();
  const child = blankRow();
  values.push(parent, child);
  const n = bs[0].rows.length;
  const data: CellValue[][] = [];
  for (let i = 0; i < n; i++) data.push(blankRow());
  let c = lead;
  for (const b of bs) {
    const k = b.children?.length ?? 1;
    parent[c] = b.parent;
    if (b.children) {
      b.children.forEach((ch, j) => (child[c + j] = ch));
      if (k > 1) merges.push(`${columnLetter(c + 1)}${pr + 1}:${columnLetter(c + k)}${pr + 1}`);
    } else {
      merges.push(`${columnLetter(c + 1)}${pr + 1}:${columnLetter(c + 1)}${pr + 2}`);
    }
    for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) data[i][c + j] = b.rows[i][j];
    c += k;
  }
  for (let i = 0; i < n; i++) {
    values.push(data[i]);
    if (opts.blankRows) values.push(blankRow());
  }
  const total = blankRow();
  total[lead] = '合计';
  total[lead + 5] = 999;
  values.push(total);
  for (const r of opts.extraRows ?? []) values.push([...new Array<CellValue>(lead).fill(null), ...r]);
  values.push([...new Array<CellValue>(lead).fill(null), '填表说明：1. 在校生数按2022年秋季学期统计。']);
  values.push([...new Array<CellValue>(lead).fill(null), '2. 其他', null, null, null, 5]);
  values.push([...new Array<CellValue>(lead).fill(null), '填表人：张三', null, '审核人：李四']);
  return grid(values, merges, { name: opts.name ?? '学校台账' });
}

/** A comparable summary of the school records, independent of columns. */
function summary(set: LedgerSet): unknown {
  return set.schools.map((s: SchoolRecord) => ({
    name: s.name,
    type: s.type,
    inferred: s.typeInferred,
    q: Object.fromEntries(
      Object.entries(s.quantities)
        .map(([k, split]) => [k, Object.fromEntries(Object.entries(split ?? {}).map(([st, num]) => [st, [num?.value ?? null, num?.problem ?? null]]))])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    ),
  }));
}

describe('school ledger: two-row merged header', () => {
  const set = readLedgers([sheet(blocks())], STD);

  it('is recognised with both header rows', () => {
    expect(set.ledgers).toHaveLength(1);
    const l = set.ledgers[0];
    expect(l.kind).toBe('school');
    expect(l.headerRows).toEqual([2, 3]);
    expect(l.rows).toBe(4);
    expect(l.columns).toMatchObject({
      name: 'B', type: 'C', 'students.小学': 'D', 'students.初中': 'E', classes: 'F', degreeTeachers: 'G',
      backboneTeachers: 'H', peArtTeachers: 'I', floorArea: 'J', sportsArea: 'K', equipmentValue: 'L',
      multimediaRooms: 'M', musicRooms: 'N', musicRoomArea: 'O', artRooms: 'P', artRoomArea: 'Q',
    });
    expect(l.units.equipmentValue).toEqual({ unit: '万元', factor: 10000 });
    expect(l.units.floorArea).toEqual({ unit: '㎡', factor: 1 });
    expect(l.units.sportsArea).toEqual({ unit: '㎡', factor: 1 });
    expect(l.missing).toEqual([]);
  });

  it('reads every school, skipping title, 合计 and note rows', () => {
    expect(set.schools.map((s) => s.name)).toEqual(SCHOOLS);
    expect(set.findings).toEqual([]);
  });

  it('splits students by stage and converts units', () => {
    const [a, b, c, d] = set.schools;
    expect(a.quantities.students).toEqual({
      小学: { value: 800, ref: { sheet: '学校台账', row: 4, col: 4 } },
      初中: { value: null, ref: { sheet: '学校台账', row: 4, col: 5 }, problem: 'blank' },
    });
    expect(c.quantities.students?.小学?.value).toBe(166);
    expect(c.quantities.students?.初中?.value).toBe(210);
    expect(a.quantities.equipmentValue?.all?.value).toBe(1800000);
    expect(b.quantities.equipmentValue?.all?.value).toBe(1605000);
    expect(c.quantities.equipmentValue?.all?.value).toBe(800000); // "80万元" in a 万元 column: ×10000 once
    expect(d.quantities.equipmentValue?.all?.value).toBe(60000); // "60000元" says 元
    expect(b.quantities.floorArea?.all?.value).toBe(3600);
    expect(c.quantities.floorArea?.all?.value).toBe(2000);
    expect(b.quantities.sportsArea?.all?.value).toBe(6500.5);
    expect(a.quantities.musicRooms?.all?.value).toBe(2);
    expect(a.quantities.musicRoomArea?.all?.value).toBe(192);
    expect(c.quantities.artRoomArea?.all?.value).toBe(95);
  });

  it('types: from the column (with synonyms), else inferred from the name', () => {
    expect(set.schools.map((s) => [s.type, s.typeInferred])).toEqual([
      ['小学', false], ['初中', false], ['九年一贯制', false], ['教学点', true],
    ]);
    expect(set.schools[0].typeRef).toEqual({ sheet: '学校台账', row: 4, col: 3 });
    expect(set.schools[0].nameRef).toEqual({ sheet: '学校台账', row: 4, col: 2 });
    expect(set.schools[0].row).toBe(4);
  });

  it('column order shuffled gives the same records', () => {
    const bs = blocks();
    const shuffled = [bs[5], bs[12], bs[1], bs[9], bs[3], bs[0], bs[13], bs[2], bs[11], bs[4], bs[10], bs[6], bs[8], bs[7]];
    const other = readLedgers([sheet(shuffled)], STD);
    expect(summary(other)).toEqual(summary(set));
    expect(other.findings).toEqual([]);
    expect(other.ledgers[0].columns.name).toBe('D');
  });

  it('extra blank rows and columns give the same records', () => {
    const other = readLedgers([sheet(blocks(), { blankRows: 2, blankCols: 3 })], STD);
    expect(summary(other)).toEqual(summary(set));
    expect(other.findings).toEqual([]);
    expect(other.ledgers[0].columns.name).toBe('E');
    expect(other.ledgers[0].headerRows).toEqual([4, 5]);
  });

  it('a grid that does not start at A1 keeps absolute addresses', () => {
    const g = sheet(blocks());
    const moved = { ...g, top: 3, left: 2, merges: g.merges.map((m) => ({ top: m.top + 2, bottom: m.bottom + 2, left: m.left + 1, right: m.right + 1 })) };
    const other = readLedgers([moved], STD);
    expect(summary(other)).toEqual(summary(set));
    expect(other.ledgers[0].columns.name).toBe('C');
    expect(other.schools[0].nameRef).toEqual({ sheet: '学校台账', row: 6, col: 3 });
  });
});

function oneRow(header: CellValue[], rows: CellValue[][], name = '学校'): LedgerSet {
  return readLedgers([grid([header, ...rows], [], { name })], STD);
}

const FULL_HEADER: CellValue[] = [
  '学校名称', '学校类型', '在校生数', '班级数', '高于规定学历教师数', '县级及以上骨干教师数', '体育艺术专任教师数',
  '教学及辅助用房面积', '体育运动场馆面积', '教学仪器设备值', '网络多媒体教室数', '音乐教室间数', '音乐教室面积', '美术教室间数', '美术教室面积',
];

describe('school ledger: one-row header and cells', () => {
  it('a single header row without a title', () => {
    const set = oneRow(FULL_HEADER, [['城关小学', '小学', 500, 12, 30, 6, 5, 3000, 5000, 1200000, 12, 1, 96, 1, 90]]);
    expect(set.ledgers[0].headerRows).toEqual([1]);
    expect(set.ledgers[0].units).toEqual({});
    expect(set.schools[0].quantities.equipmentValue?.all?.value).toBe(1200000);
    expect(set.findings).toEqual([]);
  });

  it('stage split by one-row prefixes', () => {
    const set = oneRow(['学校名称', '小学在校生数', '初中在校生数', '教学及辅助用房面积'], [['某九年一贯制学校', 100, 200, 3000]]);
    expect(set.ledgers[0].columns).toEqual({ name: 'A', 'students.小学': 'B', 'students.初中': 'C', floorArea: 'D' });
    expect(set.schools[0].quantities.students?.小学?.value).toBe(100);
  });

  it('separate 体育/音乐/美术 teacher columns under a merged parent', () => {
    const g = grid(
      [
        ['学校名称', '在校生数', '体育艺术专任教师', null, null],
        [null, null, '体育', '音乐', '美术'],
        ['城关小学', 500, 2, 1, 1],
      ],
      ['A1:A2', 'B1:B2', 'C1:E1'],
    );
    const set = readLedgers([g], STD);
    expect(set.ledgers[0].columns).toEqual({ name: 'A', students: 'B', peTeachers: 'C', musicTeachers: 'D', artTeachers: 'E' });
    expect(set.ledgers[0].missing).not.toContain('体育艺术专任教师数');
  });

  it('unreadable cells become data findings at the cell, never zeros', () => {
    const set = oneRow(FULL_HEADER, [
      ['甲小学', '小学', '暂无', 12, '—', 6, 5, 3000, { error: '#DIV/0!' }, '1,200,000', 12, 1, 96, 1, 90],
      ['乙小学', '小学', 45.5, new Date(2022, 8, 1), -3, '１２', ' 5人 ', '3.5㎡', true, '/', '12间', 1, 96, 1, 90],
    ]);
    const a = set.schools[0];
    expect(a.quantities.students?.all).toEqual({ value: null, ref: { sheet: '学校', row: 2, col: 3 }, problem: 'unreadable' });
    // "—" is 不适用 (issue 15): kept aside for the checks, which raise the finding where the school needs it (below).
    expect(a.quantities.degreeTeachers).toBeUndefined();
    expect(a.notApplicable?.degreeTeachers?.all).toEqual({ text: '—', ref: { sheet: '学校', row: 2, col: 5 } });
    expect(a.quantities.sportsArea?.all?.problem).toBe('unreadable');
    expect(a.quantities.equipmentValue?.all?.value).toBe(1200000);
    const b = set.schools[1];
    expect(b.quantities.students?.all?.problem).toBe('unreadable');
    expect(b.quantities.classes?.all?.problem).toBe('unreadable');
    expect(b.quantities.degreeTeachers?.all?.problem).toBe('unreadable');
    expect(b.quantities.backboneTeachers?.all?.value).toBe(12);
    expect(b.quantities.peArtTeachers?.all?.value).toBe(5);
    expect(b.quantities.floorArea?.all?.value).toBe(3.5);
    expect(b.quantities.multimediaRooms?.all?.value).toBe(12);
    const byCell = Object.fromEntries(set.findings.map((f) => [f.cell, f]));
    expect(Object.keys(byCell).sort()).toEqual(['C2', 'C3', 'D3', 'E3', 'I2', 'I3', 'J3'].sort());
    const checked = runChecks(set, STD).findings.filter((f) => f.cell === 'E2');
    expect(checked).toHaveLength(1);
    byCell.E2 = checked[0];
    expect(byCell.C2).toMatchObject({
      kind: 'data', sheet: '学校', school: '甲小学', indicator: null, actual: '暂无', departments: ['县教育局'],
      message: '「在校生数」单元格内容“暂无”无法识别为数字',
    });
    expect(byCell.E2.message).toBe('学校“甲小学”的「高于规定学历教师数」填写为“—”（不适用），但该校小学需要此项计算 每百名学生拥有高于规定学历教师数（R1），该项不作判定；请填写数值');
    expect(byCell.E2.indicator).toBe('R1');
    expect(byCell.E2.departments).toEqual(STD.indicators.R1.departments);
    expect(byCell.I2.message).toBe('「体育运动场馆面积」单元格是错误值“#DIV/0!”，无法读取');
    expect(byCell.I2.actual).toBe('#DIV/0!');
    expect(byCell.C3.message).toContain('45.5');
    expect(byCell.C3.message).toContain('不是整数');
    expect(byCell.D3.message).toBe('「班级数」单元格内容是日期（2022-09-01），不是数字');
    expect(byCell.E3.message).toContain('负数');
    expect(byCell.E3.actual).toBe(-3);
    expect(byCell.I3.message).toContain('逻辑值');
    expect(byCell.J3.message).toBe('「教学仪器设备值」单元格内容“/”无法识别为数字');
    expect(byCell.J3.indicator).toBe('R6');
  });

  it('a number with a date format in a count column is a finding', () => {
    const g = grid([['学校名称', '在校生数', '班级数'], ['甲小学', 44805, 12]], [], {
      formats: [[null, null, null], ['@', 'yyyy/m/d', 'General']],
    });
    const set = readLedgers([g], STD);
    expect(set.schools[0].quantities.students?.all?.problem).toBe('unreadable');
    expect(set.findings.filter((f) => f.cell === 'B2')).toHaveLength(1);
    expect(set.schools[0].quantities.classes?.all?.value).toBe(12);
  });

  it('a blank cell is null with problem blank and no finding', () => {
    const set = oneRow(['学校名称', '在校生数', '班级数'], [['甲小学', null, '  ']]);
    expect(set.schools[0].quantities.students?.all).toMatchObject({ value: null, problem: 'blank' });
    expect(set.schools[0].quantities.classes?.all).toMatchObject({ value: null, problem: 'blank' });
    expect(set.findings.filter((f) => f.cell !== 'A1')).toEqual([]);
  });

  it('"45.6万" in an 元 column means ×10000', () => {
    const set = oneRow(['学校名称', '在校生数', '教学仪器设备值（元）'], [['甲小学', 100, '45.6万'], ['乙小学', 100, 456000]]);
    expect(set.schools.map((s) => s.quantities.equipmentValue?.all?.value)).toEqual([456000, 456000]);
    expect(set.ledgers[0].units.equipmentValue).toEqual({ unit: '元', factor: 1 });
  });

  it('合计/小计/总计/全县/平均 rows and notes are skipped; data after notes is not read', () => {
    const set = oneRow(['学校名称', '在校生数', '班级数'], [
      ['甲小学', 100, 3],
      ['小计', 100, 3],
      [null, null, null],
      ['乙小学', 200, 6],
      ['合 计', 300, 9],
      ['全县总计', 300, 9],
      ['平均', 150, 4.5],
      ['备注：本表由学校填报', null, null],
      ['1. 学生数以学籍系统为准', null, null],
      ['填表人：王五', '联系电话', 13800000000],
      ['审核人：赵六', null, null],
    ]);
    expect(set.schools.map((s) => s.name)).toEqual(['甲小学', '乙小学']);
    expect(set.ledgers[0].rows).toBe(2);
    expect(set.findings.filter((f) => f.cell !== 'A1')).toEqual([]);
  });

  it('a header repeated inside the data (printed page header) is skipped', () => {
    const set = oneRow(['学校名称', '在校生数', '班级数'], [['甲小学', 100, 3], ['学校名称', '在校生数', '班级数'], ['乙小学', 50, 2]]);
    expect(set.schools.map((s) => s.name)).toEqual(['甲小学', '乙小学']);
    expect(set.findings.filter((f) => f.cell !== 'A1')).toEqual([]);
  });

  it('a total label in a 序号 column left of the name is skipped', () => {
    const set = oneRow(['序号', '学校名称', '在校生数', '班级数'], [[1, '甲小学', 100, 3], ['合计', null, 100, 3]]);
    expect(set.schools).toHaveLength(1);
  });

  it('duplicate school: a finding at the second name cell, the row not counted twice', () => {
    const set = oneRow(['学校名称', '在校生数', '班级数'], [['甲小学', 100, 3], ['乙小学', 50, 2], [' 甲小学 ', 120, 4]]);
    expect(set.schools.map((s) => s.name)).toEqual(['甲小学', '乙小学']);
    const dup = set.findings.find((f) => f.cell === 'A4');
    expect(dup).toMatchObject({ kind: 'data', sheet: '学校', school: '甲小学' });
    expect(dup?.message).toContain('重复');
    expect(dup?.message).toContain('A2');
  });

  it('a row with numbers but no school name is a finding', () => {
    const set = oneRow(['学校名称', '在校生数', '班级数'], [['甲小学', 100, 3], [null, 50, 2]]);
    expect(set.schools).toHaveLength(1);
    expect(set.findings.find((f) => f.cell === 'A3')?.message).toContain('学校名称');
  });

  it('missing columns: listed and one finding per missing field', () => {
    const set = oneRow(['学校名称', '学校类型', '在校生数', '班级数'], [['甲小学', '小学', 100, 3]]);
    const l = set.ledgers[0];
    expect(l.missing).toEqual([
      '高于规定学历教师数', '县级及以上骨干教师数', '体育艺术专任教师数', '教学及辅助用房面积', '体育运动场馆面积',
      '教学仪器设备值', '网络多媒体教室数', '音乐专用教室间数', '音乐教室面积', '美术专用教室间数', '美术教室面积',
    ]);
    expect(set.findings).toHaveLength(11);
    const r4 = set.findings.find((f) => f.indicator === 'R4');
    expect(r4).toMatchObject({
      kind: 'data', sheet: '学校', cell: 'A1', school: null, stage: null,
      message: '学校台账缺少「教学及辅助用房面积」列，无法计算 生均教学及辅助用房面积（R4）',
      departments: STD.indicators.R4.departments,
    });
    expect(set.findings.filter((f) => f.indicator === 'G3')).toHaveLength(4);
  });

  it('missing only part of the separate teacher columns names the missing one', () => {
    const set = oneRow(['学校名称', '在校生数', '体育教师数', '音乐教师数'], [['甲小学', 100, 3, 2]]);
    expect(set.ledgers[0].missing).toContain('美术专任教师数');
    expect(set.findings.find((f) => f.indicator === 'R3')?.message).toBe('学校台账缺少「美术专任教师数」列，无法计算 每百名学生拥有体育、艺术（音乐、美术）专任教师数（R3）');
  });

  it('a column present on another school sheet is not reported missing', () => {
    const a = grid([['学校名称', '在校生数', '班级数', '高于规定学历教师数', '县级及以上骨干教师数', '体育艺术专任教师数'], ['甲小学', 100, 3, 5, 1, 1]], [], { name: '师资' });
    const b = grid([['学校名称', '在校生数', '教学及辅助用房面积', '体育运动场馆面积', '教学仪器设备值', '网络多媒体教室数', '音乐教室间数', '音乐教室面积', '美术教室间数', '美术教室面积'], ['甲小学', 100, 500, 800, 300000, 3, 1, 96, 1, 90]], [], { name: '办学条件' });
    const set = readLedgers([a, b], STD);
    expect(set.ledgers.map((l) => l.sheet)).toEqual(['师资', '办学条件']);
    expect(set.ledgers[0].missing.length).toBeGreaterThan(0);
    expect(set.findings).toEqual([]);
    expect(set.schools).toHaveLength(2);
  });

  it('type inference and an unknown type', () => {
    const set = oneRow(['学校名称', '学校类型', '在校生数', '班级数'], [
      ['城关第一小学', '', 100, 3], ['西河教学点', null, 10, 1], ['礼义镇初级中学', null, 300, 6], ['崇文初中', null, 300, 6],
      ['附城镇九年一贯制学校', null, 300, 9], ['陵川县完全中学', null, 900, 18], ['陵川县特殊教育学校', null, 60, 6],
      ['陵川县第二中学', null, 800, 16], ['杨村镇中心校', null, 200, 6], ['潞城镇学校', '职业高中', 200, 6],
      ['平城镇中学', '完中', 500, 10], ['古郊学校', '一贯制学校', 300, 9], ['附城特教', '特教学校', 30, 3],
    ]);
    expect(set.schools.map((s) => [s.type, s.typeInferred])).toEqual([
      ['小学', true], ['教学点', true], ['初中', true], ['初中', true], ['九年一贯制', true], ['完全中学', true],
      ['特殊教育学校', true], ['初中', true], [null, false], [null, false], ['完全中学', false], ['九年一贯制', false],
      ['特殊教育学校', false],
    ]);
    const typeFindings = set.findings.filter((f) => f.message.includes('学校类型'));
    expect(typeFindings.map((f) => f.cell)).toEqual(['B10', 'B11']);
    expect(typeFindings[1].message).toContain('职业高中');
  });

  it('without a type column the name decides, and an unknown name is a finding at the name cell', () => {
    const set = oneRow(['学校名称', '在校生数', '班级数'], [['城关小学', 100, 3], ['杨村镇中心校', 100, 3]]);
    expect(set.schools.map((s) => [s.type, s.typeInferred, s.typeRef])).toEqual([['小学', true, null], [null, false, null]]);
    expect(set.findings.find((f) => f.cell === 'A3')?.message).toContain('没有「学校类型」列');
  });

  it('a sheet with nothing recognisable gives no ledger', () => {
    const set = readLedgers([grid([['说明'], ['本工作簿为台账汇总']]), grid([]), grid([['学校名称', '地址'], ['甲小学', '城关']])], STD);
    expect(set.ledgers).toEqual([]);
    expect(set.findings).toEqual([]);
  });
});

describe('performance', () => {
  it('reads 1 000 schools × 17 columns (speed is measured by npm run bench)', () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 1000; i++) rows.push([`学校${i}小学`, '小学', 500 + i, 12, 30, 6, 5, 3000.5, 5000, 120, 12, 1, 96, 1, 90]);
    const header = [...FULL_HEADER];
    header[9] = '教学仪器设备值（万元）';
    const set = readLedgers([grid([['某县学校台账'], header, ...rows], ['A1:O1'])], STD);
    expect(set.schools).toHaveLength(1000);
    expect(set.findings).toEqual([]);
  });
});
