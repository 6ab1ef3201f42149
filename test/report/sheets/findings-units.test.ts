/**
 * Every figure on 问题清单 in its own unit. For every finding of every rule (the demo workbook, and targeted
 * ledgers for the rules the demo does not trip), the unit each numeric cell is formatted in is compared with the
 * unit the finding is about — decided here from what the finding measures, not read from the finding — and a
 * percent format must hold a share (never 学时, 元, ㎡). The JSON report must say the same units.
 */
import { runChecks } from '../../../src/checks';
import type { Finding } from '../../../src/ledger/finding';
import { checkWorkbook } from '../../../src/report/engine';
import type { ModelCell, SheetModel } from '../../../src/report/model';
import { buildFindingsSheet, FINDINGS_SHEET } from '../../../src/report/sheets';
import { buildJsonReport } from '../../../src/report/json';
import { trackFindings } from '../../../src/report/history';
import { nationalStandard } from '../../../src/standard';
import { demoWorkbookFacts as facts } from '../../fixtures/demo-facts';
import { demoGrids } from '../../fixtures/demo-grids';
import { ledgers as schoolLedgers, primary, school } from '../../checks/builder';
import { countySheet, financeRow, financeSchool, run, teacher, teacherSheet } from '../../checks/ledgers-grid';

const std = nationalStandard();
const ctx = { std, workbook: '台账.xlsx', date: new Date(2026, 10, 1) };
const HEAD = ['序号', '类别', '工作表', '单元格', '学校', '学段', '指标', '实际值', '标准值', '差距', '需补足'];
const col = (h: string) => HEAD.indexOf(h);

/** What a finding is about, by rule: the unit of 实际值 / 标准值 / 差距, and of 需补足 (null: nothing to add). */
function expected(f: Finding): { unit: string; need: string | null } {
  if (f.measure === 'cv') return { unit: '', need: null };
  const perRoomArea = /教室(每间|间均)面积/.test(f.message);
  switch (f.indicator) {
    case 'R1': case 'R2': case 'R3': return { unit: '人', need: '人' };
    case 'R4': case 'R5': return { unit: '㎡', need: '㎡' };
    case 'R6': return { unit: '元', need: '元' };
    case 'R7': return { unit: '间', need: '间' };
    case 'G3': return perRoomArea ? { unit: '㎡', need: /间均/.test(f.message) ? '㎡' : null } : { unit: '间', need: '间' };
    case 'G4': case 'G5': return { unit: '人', need: null }; // an upper limit: nothing to add
    case 'G6': return { unit: '元', need: '元' };
    case 'G7': return { unit: '元', need: /全校还差/.test(f.message) ? '元' : null };
    case 'G8': return { unit: '倍', need: '元' };
    // A teacher's row is about hours; the county line about the rate, short by whole teachers.
    case 'G9': return f.cell !== null ? { unit: '学时', need: '学时' } : { unit: '%', need: '人' };
    case 'G11': case 'G12': return { unit: '%', need: '人' };
    case 'G13': case 'G14': case 'G15': case 'Q1': case 'Q2': case 'S1': return { unit: '%', need: null };
    case 'Q4': return { unit: '%', need: '元' };
    case 'Q9': return { unit: '', need: null };
    default: throw new Error(`no expectation for ${f.indicator}: ${f.message}`);
  }
}

/** The unit an Excel number format shows: '%' for a percent, the quoted suffix, or '' for a bare number. */
function formatUnit(numFmt: string | undefined): string {
  if (numFmt === undefined) return '';
  if (numFmt.endsWith('%')) return '%';
  const m = /^(?:#,##0|0(?:\.0+)?)(?:" (.+)")?$/.exec(numFmt);
  if (!m) throw new Error(`unexpected number format ${numFmt}`);
  return m[1] ?? '';
}

/** The cell as Excel shows it (enough of the format language for the formats the model uses). */
function shown(c: ModelCell): string {
  if (typeof c.value !== 'number') return String(c.value ?? '');
  const f = c.numFmt ?? '0';
  const pct = /^0(?:\.(0+))?%$/.exec(f);
  if (pct) return `${(c.value * 100).toFixed(pct[1]?.length ?? 0)}%`;
  const m = /^(#,##0|0(?:\.(0+))?)(?:" (.+)")?$/.exec(f);
  if (!m) return String(c.value);
  const n = m[1] === '#,##0' ? Math.round(c.value).toLocaleString('en-US') : c.value.toFixed(m[2]?.length ?? 0);
  return m[3] ? `${n} ${m[3]}` : n;
}

/** Checks every numeric cell of every finding row; returns the rule ids seen. */
function checkSheet(sheet: SheetModel, findings: readonly Finding[]): Set<string> {
  expect(sheet.columns.map((c) => c.header).slice(0, HEAD.length)).toEqual(HEAD);
  const seen = new Set<string>();
  findings.forEach((f, i) => {
    const row = sheet.rows[i];
    const where = `${f.indicator} ${f.school ?? ''} ${f.message}`;
    const figures = ['实际值', '标准值', '差距'].map((h) => row[col(h)]);
    const numeric = figures.filter((c) => typeof c.value === 'number');
    if (f.kind === 'data') {
      // A data finding shows what the cell holds, as it is (a bare 1 that could be 1 % or 100 %), in no unit.
      for (const c of numeric) expect([where, c.numFmt]).toEqual([where, undefined]);
      expect([where, row[col('需补足')].value]).toEqual([where, '']);
      return;
    }
    if (numeric.length === 0 && row[col('需补足')].value === '') return; // a text finding (章程 无, 教师资格证 无 …)
    seen.add(f.measure === 'cv' ? `${f.indicator}:cv` : (f.indicator ?? ''));
    const want = expected(f);
    for (const c of numeric) {
      expect([where, formatUnit(c.numFmt)]).toEqual([where, want.unit]);
      // A percent holds a share, never hours, 元 or ㎡.
      if (formatUnit(c.numFmt) === '%') expect([where, Math.abs(c.value as number) <= 1.5]).toEqual([where, true]);
    }
    const need = row[col('需补足')];
    if (want.need === null) expect([where, need.value]).toEqual([where, '']);
    else {
      expect([where, typeof need.value]).toEqual([where, 'number']);
      expect([where, formatUnit(need.numFmt)]).toEqual([where, want.need]);
    }
  });
  return seen;
}

describe('问题清单: every figure in its own unit', () => {
  const covered = new Set<string>();

  describe('the demo workbook', () => {
    let sheet: SheetModel;
    let findings: readonly Finding[];
    let out: ReturnType<typeof checkWorkbook>;
    beforeAll(async () => {
      out = checkWorkbook(await demoGrids(), std, { workbook: '示例县台账.xlsx', date: new Date(2026, 10, 1) });
      sheet = out.sheets.find((s) => s.name === FINDINGS_SHEET)!;
      // The sheet's rows follow the report's findings (both sorted by location by the engine).
      findings = out.report.findings.map((j) => {
        const f = [...out.ledgers.findings, ...out.result.findings].find(
          (x) => x.message === j.message && x.cell === j.cell && x.sheet === j.sheet && x.school === j.school && x.stage === j.stage,
        );
        if (!f) throw new Error(j.message);
        return f;
      });
    });

    it('formats each figure in the unit of what it measures', () => {
      for (const id of checkSheet(sheet, findings)) covered.add(id);
    });

    it('shows the figures the issue found wrong in their own units', () => {
      const rowOf = (pred: (f: Finding) => boolean) => sheet.rows[findings.findIndex(pred)];
      const cells = (r: ModelCell[]) => ['实际值', '标准值', '差距', '需补足'].map((h) => shown(r[col(h)]));
      // G9: a teacher's 300 hours, not 30000.0 %.
      for (const h of facts.shortHours) {
        const r = rowOf((f) => f.indicator === 'G9' && f.cell === h.cell);
        expect(cells(r)).toEqual([`${h.hours} 学时`, '360 学时', `${360 - h.hours} 学时`, `${360 - h.hours} 学时`]);
      }
      // Q4: shares of 公用经费, and the 750 元 to add in its own column.
      expect(cells(rowOf((f) => f.indicator === 'Q4'))).toEqual(['4.9%', '5.0%', '0.1%', '750 元']);
      // G8: a ratio beside the 1 500 元 of pay.
      expect(cells(rowOf((f) => f.indicator === 'G8' && typeof f.actual === 'number'))).toEqual(['0.985 倍', '1.000 倍', '0.015 倍', '1,500 元']);
      // R4: per student 3.24 ㎡ against 4.50 ㎡, 1.26 ㎡ short each; the school needs 499.50 ㎡ more (an independent sum).
      const shimen = facts.schools.find((s) => s.name === '石门乡中心小学')!;
      const P = shimen.students.小学 ?? 0;
      const perStudent = shimen.floorArea / P;
      const r4 = rowOf((f) => f.indicator === 'R4' && f.school === shimen.name);
      expect(cells(r4)).toEqual([
        `${perStudent.toFixed(2)} ㎡`,
        '4.50 ㎡',
        `${(Math.ceil((4.5 - perStudent) * 100 - 1e-6) / 100).toFixed(2)} ㎡`,
        `${(Math.ceil((4.5 * P - shimen.floorArea) * 100 - 1e-6) / 100).toFixed(2)} ㎡`,
      ]);
      expect(shown(r4[col('需补足')])).toBe('499.50 ㎡');
    });

    it('the JSON report gives the same units', () => {
      out.report.findings.forEach((j, i) => {
        const f = findings[i];
        if (f.kind === 'data') {
          expect([j.message, j.unit, j.need, j.needUnit]).toEqual([j.message, null, null, null]);
          return;
        }
        const numeric = typeof j.actual === 'number' || typeof j.required === 'number' || j.gap !== null;
        if (!numeric) return;
        const want = expected(f);
        expect([j.message, j.unit, j.needUnit]).toEqual([j.message, want.unit, want.need]);
      });
      // R4: gap per student, need the school's total.
      const r4 = out.report.findings.find((j) => j.indicator === 'R4' && j.school === '石门乡中心小学')!;
      expect([r4.gap, r4.need, r4.needUnit]).toEqual([1.26, 499.5, '㎡']);
    });
  });

  describe('targeted ledgers (the rules the demo does not trip)', () => {
    const sheetOf = (findings: Finding[]) => buildFindingsSheet(findings, ctx);
    const check = (findings: Finding[]) => {
      for (const id of checkSheet(sheetOf(findings), findings)) covered.add(id);
    };

    it('school-ledger rules: R1–R7, G3 (rooms, per-room area, average area), G4, G7, G13, Q4', () => {
      const r = runChecks(
        schoolLedgers([
          primary('甲', 1000, { degreeTeachers: 30, backboneTeachers: 8, peArtTeachers: 6, floorArea: 3000, sportsArea: 5000, equipmentValue: 1500000, multimediaRooms: 15 }),
          school('乙', '小学', { students: 500, classes: 13, musicRooms: 1, musicRoomArea: 80, artRooms: 2, artRoomAreaEach: 85 }),
          school('丙', '小学', { students: 2100 }),
        ]),
        std,
      );
      check(r.findings);
      const g7 = run([financeSchool(financeRow('县特殊教育学校', '特殊教育学校', 100, { budget: 59.99 }), financeRow('丁小学', '小学', 300, { budget: 100, training: 49000, locale: '城区', nearby: '99%' }))]);
      check(g7.findings);
      expect(g7.of('G7')[0].need).toEqual({ value: 100, unit: '元', decimals: 0 });
    });

    it('teacher-ledger rules: G9 (rows and the county rate), G11 (both shares), G12 (the county rate)', () => {
      const rows = [
        ...Array.from({ length: 90 }, (_, i) => teacher('甲', { eligible: '是' }, i)),
        ...Array.from({ length: 5 }, (_, i) => teacher('甲', { eligible: '是', rotated: '是' }, 100 + i)),
        teacher('甲', { hours: 200, cert: '无' }, 200),
      ];
      const r = run([teacherSheet(rows)]);
      expect(r.of('G11')).toHaveLength(2);
      check(r.findings);
    });

    it('county figures: G6, G8, G14, G15, Q1, Q2, Q9, S1, and a 差异系数', () => {
      const r = run([
        countySheet([
          ['教师平均工资收入（元）', 96500], ['公务员平均工资收入（元）', 98000], ['优质高中招生名额分配比例', '49.9%'],
          ['随迁子女就读比例', '84.9%'], ['初中三年巩固率', '94.9%'], ['残疾儿童少年入学率', '94%'], ['学业水平', 'Ⅲ级'], ['校际差异率', 0.15],
          ['社会认可度', '84.9%'],
        ]),
        financeSchool(financeRow('东掌村教学点', '教学点', 99, { budget: 6.2 })),
      ]);
      check(r.findings);
      const cv = runChecks(schoolLedgers([primary('大', 1000, { equipmentValue: 9000000 }), primary('小', 1000, { equipmentValue: 2000000 })]), std);
      expect(cv.findings.some((f) => f.measure === 'cv')).toBe(true);
      check(cv.findings);
    });

    it('a resolved finding shows its recorded unit; a record without one, the bare number', () => {
      const f: Finding = {
        kind: 'compliance', indicator: 'G9', sheet: '教师台账', cell: 'I3', school: '甲', stage: '小学', actual: 300, required: 360, gap: 60,
        unit: { unit: '学时', decimals: 0 }, need: { value: 60, unit: '学时', decimals: 0 }, message: '教师“张琳”五年培训学时 300', departments: [],
      };
      const empty = { schools: [], classes: [], teachers: [], ledgers: [], findings: [], county: null } as unknown as Parameters<typeof trackFindings>[1];
      const t1 = trackFindings([f], empty, [], new Date(2026, 10, 1), std);
      const t2 = trackFindings([], empty, t1.history, new Date(2026, 10, 2), std);
      const resolved = buildFindingsSheet([], ctx, { tracks: [], resolved: t2.resolved, previousAt: '2026-11-01' }).rows[0];
      expect(shown(resolved[col('实际值')])).toBe('300 学时');
      const legacy = t1.history.map((h) => ({ ...h, findings: h.findings.map((x) => x.slice(0, 9) as typeof x) }));
      const t3 = trackFindings([], empty, legacy, new Date(2026, 10, 2), std);
      const old = buildFindingsSheet([], ctx, { tracks: [], resolved: t3.resolved, previousAt: '2026-11-01' }).rows[0];
      expect(old[col('实际值')]).toEqual({ value: 300, style: 'number' });
      const json = buildJsonReport(std, empty, { schools: [], cv: [], compositeCv: { 小学: null, 初中: null }, findings: [], items: [], checklist: [] }, [], [], {
        tracking: { ...t2, tracks: [] },
      });
      expect(json.resolved?.[0].unit).toBe('学时');
    });

  });

  it('looked at every rule that raises a numeric finding', () => {
    {
      const all = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R6:cv', 'G3', 'G4', 'G5', 'G6', 'G7', 'G8', 'G9', 'G11', 'G12', 'G13', 'G14', 'G15', 'Q1', 'Q2', 'Q4', 'Q9', 'S1'];
      expect(all.filter((id) => !covered.has(id))).toEqual([]);
    }
  });
});
