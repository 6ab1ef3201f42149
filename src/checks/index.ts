/**
 * The rules engine entry point: typed ledgers + a standard → per-school results, 差异系数 and findings.
 * Pure and synchronous. The rules are in rules/ (one module per id, registry in rules/index.ts); this file
 * runs them pass by pass after the derivations (derive/).
 */
import type { LedgerSet, SchoolRecord } from '../ledger/types';
import type { Standard } from '../standard/schema';
import { newCtx } from './context';
import { deriveClassStages, schoolOfClass } from './derive/class-stages';
import { deriveTeachers } from './derive/teacher-ledger';
import { CHECKLIST_LINES, RULES, RUN_ORDER, type Pass, type RuleHooks, type Run } from './rules';
import { buildChecklist, buildVeto } from './common/checklist';
import { TRANSITION_TAG } from './common/transition';
import { checkStudentsAgainstClasses } from './common/cross-ledger';
import { tallyFindings } from './common/item-status';
import { evaluateSchool, newCvAccumulator } from './common/resource-allocation';
import type { CheckResult, ItemResult } from './types';

/** Options of runChecks. */
export interface CheckOptions {
  /** The year of the run: the assessment year of the 《规程》 rules when the standard sets no settings.assessmentYear. */
  runYear?: number;
}

export function runChecks(ledgers: LedgerSet, std: Standard, opts: CheckOptions = {}): CheckResult {
  const ctx = newCtx(std, opts.runYear ?? null);
  const teachers = ledgers.teachers ?? [];
  let tally: ReturnType<typeof tallyFindings> | null = null;
  const run: Run = {
    ctx,
    ledgers,
    schools: ledgers.schools,
    schoolsByName: new Map(),
    resources: [],
    cvInputs: newCvAccumulator(),
    cv: [],
    compositeCv: { 小学: null, 初中: null },
    checklist: [],
    hasTeacherLedger: ledgers.ledgers.some((l) => l.kind === 'teacher') || teachers.length > 0,
    // Called by item() only, once every finding is known.
    tally: (id, unit) => (tally ??= tallyFindings([...ledgers.findings, ...ctx.findings]))(id, unit),
  };
  const started = RUN_ORDER.map((rule) => ({ rule, hooks: rule.start(run) }));
  const of = (pass: Pass): RuleHooks[] => started.filter((s) => s.rule.pass === pass).map((s) => s.hooks);
  const end = (pass: Pass) => {
    for (const h of of(pass)) h.end?.();
  };

  // Teacher rows, read once: the derivation (school, 学段, degree, backbone, 专任; R1–R3 counts) then G9, G12, G11.
  const derivation = deriveTeachers(ctx, teachers, ledgers.schools, run.hasTeacherLedger);
  const teacherRules = of('teacher');
  for (const t of teachers) {
    const row = derivation.row(t);
    for (const h of teacherRules) h.teacherRow?.(row);
  }
  run.schools = derivation.end();
  end('teacher');

  const byName = new Map<string, SchoolRecord>();
  for (const s of run.schools) if (!byName.has(s.name.trim())) byName.set(s.name.trim(), s);
  run.schoolsByName = byName;
  deriveClassStages(ledgers.classes, byName);

  const schoolRules = of('school');
  for (const school of run.schools) {
    for (const r of evaluateSchool(ctx, school, run.cvInputs)) run.resources.push(r);
    for (const h of schoolRules) h.school?.(school);
  }
  end('school');

  const classRules = of('class');
  for (const cls of ledgers.classes) {
    const school = schoolOfClass(cls, byName);
    for (const h of classRules) h.classRow?.(cls, school);
  }
  end('class');
  checkStudentsAgainstClasses(ctx, ledgers.schools, ledgers.classes);

  for (const h of of('county')) h.county?.(ledgers.county ?? null);
  end('county');

  for (const line of buildChecklist(ctx, CHECKLIST_LINES, ledgers.checklist ?? [])) run.checklist.push(line);
  // A 核查清单 with an answer is the user's and is kept as it is (lines it lacks stay missing); one without any is
  // the tool's own unanswered sheet, which the host writes again with every line (src/host/run.ts settleWriteOnce).
  const sheetRead = (ledgers.checklist ?? []).some((a) => a.status !== '待核实' || a.evidence !== '' || a.remark !== '');
  const veto = buildVeto(ctx, std.veto, ledgers.checklist ?? [], sheetRead);
  end('checklist');
  end('cv');

  const hooksOf = new Map(started.map((s) => [s.rule.id, s.hooks]));
  const items: ItemResult[] = [];
  for (const rule of RULES) {
    const item = hooksOf.get(rule.id)?.item?.();
    if (!item) continue;
    // Schools that only a 《规程》 relaxed limit made 达标: said on the item, so the 总表 does not read as the full standard.
    const relaxed = new Set(ctx.transitions.filter((t) => t.indicator === item.id).map((t) => t.school));
    if (relaxed.size > 0) {
      item.note += `；其中 ${relaxed.size} 所学校${TRANSITION_TAG}达标，尚未达到完整标准（见补短板清单）`;
      if (item.status === '达标' && typeof item.value === 'string') item.value += `（其中 ${relaxed.size} 所${TRANSITION_TAG}）`;
    }
    items.push(item);
  }
  return {
    schools: run.resources,
    cv: run.cv,
    compositeCv: run.compositeCv,
    findings: ctx.findings,
    items,
    checklist: run.checklist,
    veto,
    transitions: ctx.transitions,
    assessmentYear: ctx.year,
  };
}

export { weightedCv } from './cv';
export type { CvValue } from './cv';
export { atLeast, atMost } from './compare';
export { decideVerdict, indicatorState, PER_100, NUMERATOR } from './common/resource-indicators';
export type { IndicatorState } from './common/resource-indicators';
export { planSchool, type SchoolPlan } from './common/resource-inputs';
export { stageOfGrade } from './derive/class-stages';
export { CHECKLIST_LINES, RULES, ruleOf } from './rules';
export { CHECKLIST_STATUSES } from './common/checklist';
export { localeOf, boardingOf } from './rules/G13-nearby-enrolment';
export { TeacherVocabulary, certificateOf, stageOfText } from './derive/teacher-vocabulary';
export * from './format';
