import type { CheckResult } from '../checks/types';
import type { Finding } from '../ledger/finding';
import type { SheetGrid } from '../ledger/grid';
import type { LedgerSet } from '../ledger/types';
import type { Standard } from '../standard/schema';
import type { EngineOutput, RunMeta } from './engine-types';
import { sheetOrderOf, sortFindings } from './format';
import { buildJsonReport } from './json';
import { buildMarks } from './marks';
import { trackFindings, type HistoryRun } from './history';
import { computePlans } from './plans';
import { buildSheets } from './sheets';
import { buildSchoolForms, type SchoolFormChoice } from './school-form';

/** The report half of checkWorkbook, for callers (and tests) that already hold ledgers and results. */
export function buildOutput(
  grids: readonly SheetGrid[],
  ledgers: LedgerSet,
  result: CheckResult,
  std: Standard,
  meta: RunMeta,
  opts: { history?: readonly HistoryRun[]; schoolForms?: SchoolFormChoice } = {},
): EngineOutput {
  const order = sheetOrderOf([
    ...grids.map((g) => g.name),
    ...ledgers.ledgers.map((l) => l.sheet),
    ...ledgers.findings.map((f) => f.sheet),
    ...result.findings.map((f) => f.sheet),
  ]);
  const findings = sortFindings(allFindings(ledgers, result), order);
  const ctx = { std, workbook: meta.workbook, date: meta.date };
  const tracking = trackFindings(findings, ledgers, opts.history ?? [], meta.date, std);
  const plans = computePlans(result, ledgers, std);
  const sheets = buildSheets({ result, ledgers, ctx, findings, tracking, plans });
  const forms = opts.schoolForms ? buildSchoolForms({ ledgers, result }, ctx, opts.schoolForms, [...grids.map((g) => g.name), ...sheets.map((s) => s.name)]) : null;
  if (forms) sheets.push(...forms.forms);
  return {
    ...(forms ? { unknownSchools: forms.unknown } : {}),
    ledgers,
    result,
    marks: buildMarks(findings, order),
    sheets,
    report: buildJsonReport(std, ledgers, result, findings, sheets.map((s) => s.name), { tracking, plans }),
    plans,
    tracking,
    history: tracking.history,
  };
}

/**
 * The reader's findings and the checks' findings, each once: the checks may or may not pass the reader's
 * findings through, so an identical finding is kept once.
 */
export function allFindings(ledgers: LedgerSet, result: CheckResult): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of [...ledgers.findings, ...result.findings]) {
    const key = JSON.stringify([f.kind, f.indicator, f.sheet, f.cell, f.school, f.stage, f.actual, f.required, f.gap, f.message, f.departments]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
