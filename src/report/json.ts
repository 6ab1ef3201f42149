import type { CheckResult } from '../checks/types';
import type { Finding } from '../ledger/finding';
import type { LedgerSet } from '../ledger/types';
import { RESOURCE_IDS, STAGES, type Standard } from '../standard/schema';
import type { JsonReport } from './model';
import { orderSchools } from './sheets';

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
): JsonReport {
  return {
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
          ? { value: finiteOrNull(r.value), threshold: r.threshold, pass: r.value === null ? null : r.pass, apportioned: r.apportioned }
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
    findings: findings.map((f) => ({
      kind: f.kind,
      indicator: f.indicator,
      sheet: f.sheet,
      cell: f.cell,
      school: f.school,
      stage: f.stage,
      actual: typeof f.actual === 'number' ? finiteOrNull(f.actual) : f.actual,
      required: typeof f.required === 'number' ? finiteOrNull(f.required) : f.required,
      gap: finiteOrNull(f.gap),
      message: f.message,
      departments: [...f.departments],
    })),
    sheets: [...sheets],
  };
}

/** NaN and ±Infinity do not survive JSON.stringify; they become null. */
function finiteOrNull(v: number | null): number | null {
  return v !== null && Number.isFinite(v) ? v : null;
}
