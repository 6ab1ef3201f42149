/** What the summary sheets share: the run's context, the marks, cell helpers and the school lists. */
import type { CheckResult, SchoolStageResult } from '../../checks/types';
import { cellAddress } from '../../ledger/grid';
import type { LedgerSet } from '../../ledger/types';
import { STAGES, type Stage, type Standard } from '../../standard/schema';
import type { ModelCell } from '../model';

export const PASS_MARK = '✓';
export const FAIL_MARK = '✗';
export const MISSING_MARK = '—';

export interface ReportContext {
  std: Standard;
  /** Shown in each subtitle. */
  workbook: string;
  date: Date;
}

export const text = (value: string | null, style: ModelCell['style'] = 'text'): ModelCell => ({ value: value ?? '', style });
export const num = (value: number | null, numFmt?: string): ModelCell =>
  value === null || !Number.isFinite(value) ? { value: MISSING_MARK, style: 'warn' } : numFmt ? { value, style: 'number', numFmt } : { value, style: 'number' };

export function passCell(pass: boolean | null): ModelCell {
  if (pass === null) return { value: MISSING_MARK, style: 'warn' };
  return pass ? { value: PASS_MARK, style: 'pass' } : { value: FAIL_MARK, style: 'fail' };
}

/** Schools in ledger order (sheet, row), 小学部 before 初中部. */
export function orderSchools(schools: readonly SchoolStageResult[]): SchoolStageResult[] {
  return schools
    .map((s, i) => ({ s, i }))
    .sort(
      (a, b) =>
        (a.s.sheet === b.s.sheet ? 0 : a.s.sheet < b.s.sheet ? -1 : 1) ||
        a.s.row - b.s.row ||
        STAGES.indexOf(a.s.stage) - STAGES.indexOf(b.s.stage) ||
        a.i - b.i,
    )
    .map((x) => x.s);
}

/** Link to the school's name cell in its ledger (the row's first column when the name cell is unknown). */
export function schoolLink(s: { sheet: string; row: number }, ledgers: LedgerSet | null): { sheet: string; cell: string } {
  const rec = ledgers?.schools.find((r) => r.sheet === s.sheet && r.row === s.row);
  if (rec) return { sheet: rec.nameRef.sheet, cell: cellAddress(rec.nameRef.row, rec.nameRef.col) };
  return { sheet: s.sheet, cell: cellAddress(s.row, 1) };
}

export interface NotAssessed {
  name: string;
  stage: Stage | null;
  students: number | null;
  reason: string;
  link: { sheet: string; cell: string };
  sheet: string;
  row: number;
}

/**
 * Every school left out of 资源配置 and the CV, so nothing disappears silently: the parts the checks
 * excluded (small 教学点), and the ledger's schools the checks did not assess at all (特殊教育学校 …).
 */
export function notAssessed(result: CheckResult, ledgers: LedgerSet | null): NotAssessed[] {
  const out: NotAssessed[] = result.schools
    .filter((s) => s.excluded)
    .map((s) => ({
      name: s.name,
      stage: s.stage,
      students: s.students,
      reason: s.excludedReason ?? '不参与资源配置评估',
      link: schoolLink(s, ledgers),
      sheet: s.sheet,
      row: s.row,
    }));
  const assessed = new Set(result.schools.map((s) => `${s.sheet}\u0000${s.row}`));
  for (const rec of ledgers?.schools ?? []) {
    if (assessed.has(`${rec.sheet}\u0000${rec.row}`)) continue;
    const st = rec.quantities.students;
    const parts = st ? [st.小学?.value, st.初中?.value].filter((v): v is number => typeof v === 'number') : [];
    const students = parts.length > 0 ? parts.reduce((a, b) => a + b, 0) : (st?.all?.value ?? null);
    out.push({
      name: rec.name,
      stage: null,
      students,
      reason: rec.type === '特殊教育学校' ? '特殊教育学校不参与资源配置评估和差异系数计算' : '未参与资源配置评估（学段或数据无法确定，见问题清单）',
      link: { sheet: rec.nameRef.sheet, cell: cellAddress(rec.nameRef.row, rec.nameRef.col) },
      sheet: rec.sheet,
      row: rec.row,
    });
  }
  return out
    .map((x, i) => ({ x, i }))
    .sort((a, b) => (a.x.sheet === b.x.sheet ? 0 : a.x.sheet < b.x.sheet ? -1 : 1) || a.x.row - b.x.row || STAGES.indexOf(a.x.stage ?? '小学') - STAGES.indexOf(b.x.stage ?? '小学') || a.i - b.i)
    .map(({ x }) => x);
}
