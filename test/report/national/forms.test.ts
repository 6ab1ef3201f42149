/**
 * The forms' shape (header blocks, merges, L-code rows, notes, signature line, print setup, sheet names), 表Ⅰ's and
 * 表Ⅵ's figures against counts made here from the raw ledgers, and the existing summary sheets left as they were.
 */
import { runChecks } from '../../../src/checks';
import { readLedgers } from '../../../src/ledger';
import type { CellValue } from '../../../src/ledger/grid';
import type { LedgerSet } from '../../../src/ledger/types';
import type { ModelMerge, SheetModel } from '../../../src/report/model';
import { buildNationalTables, buildTable1, buildTable6, NATIONAL_SHEETS, SIGNATURE } from '../../../src/report/national';
import { buildOutput } from '../../../src/report/output';
import { ledgers as builderLedgers, school } from '../../checks/builder';
import { sheet, teacher, teacherSheet } from '../../checks/ledgers-grid';
import { county, ctx, single, std } from './county';

function covers(m: ModelMerge, r: number, c: number): boolean {
  return r >= m.row && r < m.row + m.rows && c >= m.col && c < m.col + m.cols;
}

function checkMerges(merges: readonly ModelMerge[], rows: number, cols: number): void {
  for (const m of merges) {
    expect(m.rows).toBeGreaterThanOrEqual(1);
    expect(m.cols).toBeGreaterThanOrEqual(1);
    expect(m.rows * m.cols).toBeGreaterThan(1);
    expect(m.row + m.rows).toBeLessThanOrEqual(rows);
    expect(m.col + m.cols).toBeLessThanOrEqual(cols);
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) expect(merges.filter((m) => covers(m, r, c)).length).toBeLessThanOrEqual(1);
  }
}

describe('the national tables as forms', () => {
  const c = county([single('城关小学', '小学', '小学', 600, 1.2), single('西关小学', '小学', '小学', 300, 1.1), single('城关中学', '初中', '初中', 800, 1.1), single('第二中学', '初中', '初中', 500, 1.3)]);
  const tables = buildNationalTables({ ledgers: c.ledgers, result: c.result }, ctx);

  it('come in the form order with valid sheet names', () => {
    expect(tables.map((t) => t.name)).toEqual([...NATIONAL_SHEETS]);
    for (const t of tables) {
      expect(t.name.length).toBeLessThanOrEqual(31);
      expect(t.name).not.toMatch(/[[\]:*?/\\]/);
      expect(t.title.startsWith(t.name.split(' ')[0])).toBe(true);
    }
    expect(tables.map((t) => t.title)).toEqual([
      '表Ⅰ 义务教育优质均衡发展县(市、区)基本情况',
      '表Ⅱ-1 小学、初中资源配置基本情况',
      '表Ⅱ-2 小学、初中资源配置基本情况（分学校）',
      '表Ⅲ 县域义务教育校际均衡情况',
      '表Ⅳ 政府保障程度',
      '表Ⅴ 教育质量',
      '表Ⅵ 社会认可度调查情况',
    ]);
  });

  it('each has a header block as wide as its columns, merges inside it, covered cells empty', () => {
    for (const t of tables) {
      const n = t.columns.length;
      const head = t.headerRows ?? [];
      expect(head.length).toBeGreaterThan(0);
      for (const row of head) expect(row).toHaveLength(n);
      checkMerges(t.headerMerges ?? [], head.length, n);
      for (const m of t.headerMerges ?? []) {
        for (let r = m.row; r < m.row + m.rows; r++) {
          for (let k = m.col; k < m.col + m.cols; k++) if (r !== m.row || k !== m.col) expect(head[r][k]).toBe('');
        }
        expect(head[m.row][m.col]).not.toBe('');
      }
      // Every header cell not covered by a merge has text, except below a column's own header.
      for (let k = 0; k < n; k++) expect(head.some((row) => row[k] !== '')).toBe(true);
      for (const row of t.rows) expect(row.length).toBeLessThanOrEqual(n);
      checkMerges(t.merges ?? [], t.rows.length, n);
    }
  });

  it('each has an L-code row numbering its figure columns, notes, the signature line and an A4 print setup', () => {
    for (const t of tables) {
      const code = t.codeRow ?? [];
      expect(code).toHaveLength(t.columns.length);
      const used = code.filter((x) => x !== '');
      expect(used).toEqual(used.map((_, i) => `L${i + 1}`));
      expect(t.notes?.length).toBeGreaterThan(0);
      expect(t.notes?.[0]).toMatch(/^注：/);
      expect(t.signature).toEqual(SIGNATURE);
      expect(t.print?.fitToWidth).toBe(true);
      expect(t.print?.titleRows).toBe(2 + (t.headerRows?.length ?? 0) + 1);
      expect(t.print?.orientation).toBe(t.columns.length > 3 ? 'landscape' : 'portrait');
      expect(t.autoFilter).toBe(false);
    }
    expect(SIGNATURE.join('')).toMatch(/填报单位（盖章）：.*填表人：.*审核人：.*填报日期：/);
    expect(tables[0].codeRow).toEqual(Array.from({ length: 24 }, (_, i) => `L${i + 1}`));
    expect(tables[2].codeRow?.slice(1)).toEqual(Array.from({ length: 14 }, (_, i) => `L${i + 1}`));
    expect(tables[1].codeRow?.slice(2)).toEqual(Array.from({ length: 8 }, (_, i) => `L${i + 1}`));
    expect(tables[3].codeRow?.slice(2)).toEqual(Array.from({ length: 8 }, (_, i) => `L${i + 1}`));
  });

  it('leave the existing summary sheets without any of the form fields (every sheet has a page setup: test/report/print.test.ts)', () => {
    const out = buildOutput([], c.ledgers, c.result, std, { workbook: ctx.workbook, date: ctx.date });
    const own = out.sheets.filter((s) => !(NATIONAL_SHEETS as readonly string[]).includes(s.name));
    expect(own.length).toBe(out.sheets.length - NATIONAL_SHEETS.length);
    for (const s of own) {
      for (const k of ['headerRows', 'headerMerges', 'codeRow', 'notes', 'signature'] as const) expect(s[k]).toBeUndefined();
      // Their only merges: a lone text row across all columns (src/report/layout.ts spanLoneRows).
      for (const m of s.merges ?? []) {
        expect(m).toEqual({ row: m.row, col: 0, rows: 1, cols: s.columns.length });
        expect(s.rows[m.row]).toHaveLength(1);
      }
    }
  });
});

describe('表Ⅰ 基本情况', () => {
  const schools = [
    school('城关小学', '小学', { students: 600, classes: 14 }),
    school('西关小学', '小学', { students: 300, classes: 7 }),
    school('红旗学校', '九年一贯制', { students: { 小学: 300, 初中: 200 }, classes: { 小学: 6, 初中: 4 } }),
    school('城关中学', '初中', { students: 800, classes: 16 }),
    school('第一中学', '完全中学', { students: { 初中: 900, 高中: 1200 }, classes: { 初中: 18, 高中: 24 } }),
    school('北山教学点', '教学点', { students: 30, classes: 2 }),
    school('南沟教学点', '教学点', { students: std.settings.teachingPointCut, classes: 3 }),
    school('县特殊教育学校', '特殊教育学校', { students: { 小学: 40, 初中: 18 } }),
  ];
  const teachers: CellValue[][] = [
    teacher('城关小学', {}, 1),
    teacher('城关小学', { fullTime: '否' }, 2),
    teacher('红旗学校', { stage: '小学' }, 3),
    teacher('红旗学校', { stage: '初中' }, 4),
    teacher('城关中学', {}, 5),
    teacher('县特殊教育学校', { stage: '小学' }, 6),
  ];
  const read = readLedgers([teacherSheet(teachers)], std);
  const l: LedgerSet = { ...builderLedgers(schools), ledgers: read.ledgers, teachers: read.teachers };
  const result = runChecks(l, std);
  const m = buildTable1({ ledgers: l, result }, ctx);
  const row = m.rows[0].map((x) => x.value);

  it('counts schools by type, 教学点 and those at or above the cut, classes, students and 专任教师 per 学段', () => {
    const ofType = (t: string) => schools.filter((s) => s.type === t).length;
    const points = schools.filter((s) => s.type === '教学点');
    const big = points.filter((s) => (s.quantities.students?.all?.value ?? 0) >= std.settings.teachingPointCut).length;
    const sum = (stage: '小学' | '初中', q: 'students' | 'classes') =>
      schools
        .filter((s) => s.type !== '特殊教育学校')
        .reduce((a, s) => {
          const split = s.quantities[q];
          const single = (stage === '小学' && (s.type === '小学' || s.type === '教学点')) || (stage === '初中' && s.type === '初中');
          return a + (split?.[stage]?.value ?? (single ? (split?.all?.value ?? 0) : 0));
        }, 0);
    const ft = (stage: string) =>
      teachers.filter((t) => t[6] !== '否' && t[1] !== '县特殊教育学校' && (t[2] === stage || (t[2] === '' && schools.find((s) => s.name === t[1])?.type === stage))).length;
    expect(row).toEqual([
      null, null, null, null, null, null, null, null,
      ofType('小学'), ofType('九年一贯制'), ofType('初中'), ofType('完全中学'), ofType('十二年一贯制'),
      ofType('特殊教育学校'),
      points.length, big,
      sum('小学', 'classes'), sum('初中', 'classes'),
      sum('小学', 'students'), sum('初中', 'students'),
      null, ft('小学'), null, ft('初中'),
    ]);
  });

  it('has the published three-row header, 人口 cells to two decimals and L5–L8 as integers', () => {
    expect(m.headerRows?.[0][0]).toBe('自然情况');
    expect(m.headerRows?.[1][15]).toBe(`其中：${std.settings.teachingPointCut}人及以上`);
    expect(m.headerRows?.[2].slice(20)).toEqual(['合计', '其中专任教师', '合计', '其中专任教师']);
    expect(m.rows[0].slice(0, 2).map((x) => x.numFmt)).toEqual(['0.00', '0.00']);
    expect(m.rows[0].slice(4, 8).map((x) => x.numFmt)).toEqual(['0', '0', '0', '0']);
  });

  it('leaves the school counts blank when a school type is unknown', () => {
    const unknown = { ...builderLedgers([...schools, school('无名学校', null, { students: 100 })]) };
    const t = buildTable1({ ledgers: unknown, result: runChecks(unknown, std) }, ctx);
    expect(t.rows[0].slice(8, 16).map((x) => x.value)).toEqual(Array.from({ length: 8 }, () => null));
    expect(t.notes?.join('')).toContain('1 所学校的类型无法确定');
  });
});

describe('表Ⅵ 社会认可度', () => {
  it('fills the 计 row from the county tally and leaves groups and 实地走访 blank', () => {
    const grids = [sheet('县级数据', [['示例县县级数据'], ['指标', '数值', '说明'], ['调查人数', 2000, null], ['满意人数', 1320, null], ['基本满意人数', 380, null], ['不满意人数', 300, null]])];
    const read = readLedgers(grids, std);
    const result = runChecks(read, std);
    const m: SheetModel = buildTable6({ ledgers: read, result }, ctx);
    const rows = m.rows.map((r) => r.map((x) => x.value));
    const share = (1320 + 380) / 2000;
    expect(rows[0]).toEqual(['计', null, 2000, 1320 + 380, Math.round(share * 1000) / 10, null, null, null]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['其中：家长', '学生', '教师', '校长', '人大代表', '政协委员', '其他群众']);
    for (const r of rows.slice(1)) expect(r.slice(1)).toEqual(Array.from({ length: 7 }, () => null));
    expect(m.rows[0][4].numFmt).toBe('0.0');
  });
});

