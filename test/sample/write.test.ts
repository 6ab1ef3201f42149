import { FIRST_ROWS, SAMPLE_SHEETS, SCHOOL_COLUMNS as C } from '../../src/sample/layout';
import { writeSampleWorkbook, type SampleCounty } from '../../src/sample/write';

function tiny(over: Partial<SampleCounty> = {}): SampleCounty {
  const row = (name: string, students: number | string) => {
    const r = new Array<string | number | null>(C.remark).fill(null);
    r[C.seq - 1] = 1;
    r[C.name - 1] = name;
    r[C.type - 1] = '小学';
    r[C.stuP - 1] = students;
    r[C.floor - 1] = 1234.5;
    return r;
  };
  return {
    county: '测试县',
    lastSchoolColumn: C.remark,
    schools: [
      { name: '甲小学', row: row('甲小学', 300), classes: [{ grade: '一年级', name: '(1)班', students: 40 }, { grade: '一年级', name: '(2)班', students: 41 }] },
      { name: '乙小学', row: row('乙小学', '暂无'), classes: [{ grade: '一年级', name: '(1)班', students: 30 }] },
    ],
    teachers: {
      columns: [
        { header: '姓名', width: 8 },
        { header: '学校', width: 20, align: 'left' },
        { header: '出生年月', width: 10, numFmt: 'yyyy-mm' },
      ],
      rows: [['王伟', '甲小学', new Date(Date.UTC(1980, 0, 1))]],
      note: '填表说明：测试',
    },
    notes: ['测试县台账', '', '说明'],
    ...over,
  };
}

describe('writeSampleWorkbook', () => {
  test('writes the school, class, teacher and notes sheets; 县级数据 only when the plan has county rows', () => {
    const wb = writeSampleWorkbook(tiny());
    expect(wb.worksheets.map((w) => w.name)).toEqual([SAMPLE_SHEETS.school, SAMPLE_SHEETS.class, SAMPLE_SHEETS.teacher, SAMPLE_SHEETS.notes]);
    const withCounty = writeSampleWorkbook(tiny({ countyRows: [['初中三年巩固率', 96.2, '']] }));
    expect(withCounty.worksheets.map((w) => w.name)).toContain(SAMPLE_SHEETS.county);
    expect(withCounty.getWorksheet(SAMPLE_SHEETS.county)?.getCell(FIRST_ROWS.county, 2).value).toBe(96.2);
    expect(wb.creator).toBe('测试县教育局');
  });

  test('the school ledger stops at its last column and sums numbers only in its 合计 row', () => {
    const ws = writeSampleWorkbook(tiny()).getWorksheet(SAMPLE_SHEETS.school)!;
    expect(ws.getCell('A1').value).toBe('测试县义务教育学校办学条件统计表（2022年）');
    expect(ws.getCell(3, C.remark).value).toBe('备注');
    expect(ws.getCell(3, C.budget).value).toBeNull();
    const total = ws.getCell(FIRST_ROWS.school + 2, C.stuP).value as { formula: string; result: number };
    expect(total.formula).toBe('SUM(D5:D6)');
    expect(total.result).toBe(300);
    expect(ws.getCell(FIRST_ROWS.school, C.floor).numFmt).toBe('#,##0.0');
    expect(ws.getCell(FIRST_ROWS.school + 1, C.stuP).value).toBe('暂无');
  });

  test('the class ledger merges every third school name down its classes; the roster keeps its formats and note', () => {
    const wb = writeSampleWorkbook(tiny());
    const cls = wb.getWorksheet(SAMPLE_SHEETS.class)!;
    expect(cls.getCell(FIRST_ROWS.class, 2).value).toBe('甲小学');
    expect(cls.getCell(FIRST_ROWS.class + 1, 2).isMerged).toBe(true);
    expect(cls.getCell(FIRST_ROWS.class + 2, 2).value).toBe('乙小学');
    const t = wb.getWorksheet(SAMPLE_SHEETS.teacher)!;
    expect(t.getCell(FIRST_ROWS.teacher, 3).numFmt).toBe('yyyy-mm');
    expect(t.getCell(FIRST_ROWS.teacher, 2).alignment?.horizontal).toBe('left');
    expect(t.getCell(FIRST_ROWS.teacher + 2, 1).value).toBe('填表说明：测试');
    expect(t.getColumn(2).width).toBe(20);
  });
});
