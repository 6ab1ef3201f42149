/** The 《规程》 through the whole engine: the assessment year defaults to the year of the run. */
import type { SheetGrid } from '../../src/ledger/grid';
import { checkWorkbook } from '../../src/report/engine';
import { FINDINGS_SHEET } from '../../src/report/sheets';
import { standardWithOverride } from '../../src/standard';
import { std } from './fixtures';

const ledger: SheetGrid = {
  name: '学校台账', top: 1, left: 1, merges: [],
  values: [
    ['学校名称', '学校类型', '在校生数', '班级数', '音乐专用教室间数', '音乐教室每间面积', '美术专用教室间数', '美术教室每间面积', '建校时间'],
    ['城关小学', '小学', 2300, 40, 4, 80, 4, 90, '2008'],
  ],
};
const at = (iso: string) => ({ workbook: '台账.xlsx', date: new Date(iso) });

describe('the assessment year of a run', () => {
  it('a run in 2022 applies the 规程; the report says so', () => {
    const out = checkWorkbook([ledger], std, at('2022-10-01T08:00:00'));
    expect(out.report.assessmentYear).toBe(2022);
    expect(out.report.transitions?.map((t) => t.indicator)).toEqual(['G3', 'G4']);
    expect(out.report.findings.filter((f) => f.indicator === 'G3' || f.indicator === 'G4')).toEqual([]);
    const issues = out.sheets.find((s) => s.name === FINDINGS_SHEET)!;
    expect(issues.rows.filter((r) => r[1].value === '过渡期达标')).toHaveLength(2);
  });

  it('a run in 2026 does not, unless the standard sets settings.assessmentYear', () => {
    const later = checkWorkbook([ledger], std, at('2026-10-01T08:00:00'));
    expect(later.report.assessmentYear).toBe(2026);
    expect(later.report.transitions).toEqual([]);
    expect(later.report.findings.filter((f) => f.indicator === 'G3' || f.indicator === 'G4').map((f) => f.required)).toEqual([2000, 96]);
    const fixed = checkWorkbook([ledger], standardWithOverride('{"settings":{"assessmentYear":2021}}'), at('2026-10-01T08:00:00'));
    expect(fixed.report.assessmentYear).toBe(2021);
    expect(fixed.report.transitions).toHaveLength(2);
  });
});
