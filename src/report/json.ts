import type { CheckResult } from '../checks/types';
import type { Finding } from '../ledger/finding';
import type { LedgerSet } from '../ledger/types';
import { RESOURCE_IDS, STAGES, type Standard } from '../standard/schema';
import type { Tracking } from './history';
import type { JsonReport } from './model';
import { findingUnit } from './format';
import { ledgerAdd, type Plans } from './plans';
import { orderSchools } from './sheets';
import { countyVerdict } from './verdict';
import { GIVEN_NOTE } from './sheets/resource';

/**
 * The JSON report (model.ts JsonReport). Field names are a fixed contract. Schools appear once per 学段 part,
 * in ledger order; `findings` in the order given (the engine passes them sorted by location).
 */
export function buildJsonReport(
  std: Standard,
  ledgers: LedgerSet,
  result: CheckResult,
  findings: readonly Finding[],
  sheets: readonly string[],
  extra: { tracking?: Tracking; plans?: Plans } = {},
): JsonReport {
  const { tracking, plans } = extra;
  const report: JsonReport = {
    standard: { id: std.id, version: std.version },
    ledgers: ledgers.ledgers.map((l) => ({
      sheet: l.sheet,
      kind: l.kind,
      headerRows: [...l.headerRows],
      columns: { ...l.columns },
      rows: l.rows,
    })),
    schools: orderSchools(result.schools).map((s) => {
      const indicators: JsonReport['schools'][number]['indicators'] = {};
      for (const id of RESOURCE_IDS) {
        const r = s.indicators[id];
        indicators[id] = r
          ? {
            value: finiteOrNull(r.value), threshold: r.threshold, pass: r.value === null ? null : r.pass, apportioned: r.apportioned,
            ...(r.notApplicable ? { notApplicable: true } : {}), ...(r.given ? { given: true } : {}),
          }
          : { value: null, threshold: std.indicators[id].thresholds[s.stage] ?? 0, pass: null, apportioned: false };
      }
      return {
        name: s.name,
        type: s.type,
        stage: s.stage,
        students: finiteOrNull(s.students),
        excluded: s.excluded,
        indicators,
        verdict: s.verdict,
      };
    }),
    cv: result.cv
      .map((c, i) => ({ c, i }))
      .sort(
        (a, b) =>
          STAGES.indexOf(a.c.stage) - STAGES.indexOf(b.c.stage) ||
          RESOURCE_IDS.indexOf(a.c.indicator) - RESOURCE_IDS.indexOf(b.c.indicator) ||
          a.i - b.i,
      )
      .map(({ c }) => ({
        indicator: c.indicator,
        stage: c.stage,
        value: finiteOrNull(c.value),
        limit: c.limit,
        pass: c.value === null ? null : c.pass,
        schools: c.schools,
      })),
    items: (result.items ?? []).map((i) => ({
      id: i.id,
      status: i.status,
      value: typeof i.value === 'number' ? finiteOrNull(i.value) : i.value,
      required: typeof i.required === 'number' ? finiteOrNull(i.required) : i.required,
      failing: i.failing,
    })),
    findings: findings.map((f, i) => ({
      kind: f.kind,
      indicator: f.indicator,
      sheet: f.sheet,
      cell: f.cell,
      school: f.school,
      stage: f.stage,
      actual: typeof f.actual === 'number' ? finiteOrNull(f.actual) : f.actual,
      required: typeof f.required === 'number' ? finiteOrNull(f.required) : f.required,
      gap: finiteOrNull(f.gap),
      unit: numeric(f) ? (findingUnit(std, f)?.unit ?? null) : null,
      need: f.need ? finiteOrNull(f.need.value) : null,
      needUnit: f.need ? f.need.unit : null,
      message: f.message,
      departments: [...f.departments],
      status: tracking?.tracks[i]?.status ?? '新发现',
      firstSeen: tracking?.tracks[i]?.firstSeen ?? '',
    })),
    sheets: [...sheets],
  };
  if (result.schools.some((s) => RESOURCE_IDS.some((id) => s.indicators[id]?.given))) report.notes = [GIVEN_NOTE];
  if (tracking) {
    report.resolved = tracking.resolved.map((r) => ({
      kind: r.kind,
      indicator: r.indicator,
      sheet: r.sheet,
      cell: r.cell,
      school: r.school,
      stage: r.stage,
      actual: typeof r.actual === 'number' ? finiteOrNull(r.actual) : r.actual,
      unit: typeof r.actual === 'number' && r.unit ? r.unit.unit : null,
      departments: [...r.departments],
      status: '已整改',
      firstSeen: r.firstSeen,
    }));
  }
  if (plans) {
    report.plans = plans.schools.map((e) => ({
      school: e.result.name,
      stage: e.result.stage,
      options: (e.plan?.options ?? []).map((o) => o.map((s) => ({ indicator: s.indicator, ...addition(s) }))),
    }));
    report.cvPlans = plans.cv.map((p) => ({
      indicator: p.cv.indicator,
      stage: p.cv.stage,
      additions: p.plan.additions.map((a) => ({ school: a.school, ...addition(a) })),
      cvAfter: finiteOrNull(p.plan.cvAfter),
    }));
  }
  // Keys of the 规程 and 一票否决 contract, after every earlier key (add, never reorder).
  const v = countyVerdict(result);
  report.verdict = { pass: v.pass, vetoed: v.vetoed.map((x) => x.id), vetoOpen: v.vetoOpen.map((x) => x.id), blocking: v.blocking.map((x) => x.id), reason: v.reason };
  report.veto = (result.veto ?? []).map((x) => ({ id: x.id, item: x.item, status: x.status, answered: x.answered, onSheet: x.onSheet }));
  if (result.assessmentYear !== undefined) report.assessmentYear = result.assessmentYear;
  report.transitions = (result.transitions ?? []).map((t) => ({ ...t }));
  return report;
}

/** One addition as the JSON report gives it: the amount for the ledger cell (whole-school when counted so). */
function addition(s: { add: number; unit: string; wholeSchoolAdd?: number; cost?: number }): { add: number; unit: string; wholeSchool: boolean; cost?: number } {
  const out: { add: number; unit: string; wholeSchool: boolean; cost?: number } = {
    add: ledgerAdd(s),
    unit: s.unit,
    wholeSchool: s.wholeSchoolAdd !== undefined,
  };
  if (s.cost !== undefined) out.cost = s.cost;
  return out;
}

/** Whether a finding has a number among actual / required / gap. */
function numeric(f: Finding): boolean {
  return typeof f.actual === 'number' || typeof f.required === 'number' || f.gap !== null;
}

/** NaN and ±Infinity do not survive JSON.stringify; they become null. */
function finiteOrNull(v: number | null): number | null {
  return v !== null && Number.isFinite(v) ? v : null;
}
