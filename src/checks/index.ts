/**
 * The rules engine entry point: typed ledgers + a standard → per-school results, 差异系数 and findings.
 * Pure and synchronous.
 */
import type { LedgerSet, SchoolRecord } from '../ledger/types';
import { RESOURCE_IDS, STAGES, type Stage, type Standard } from '../standard/schema';
import type { CheckResult, CvResult } from './types';
import { atMost } from './compare';
import { complianceFinding, newCtx } from './context';
import { weightedCv } from './cv';
import { cvMessage, roundTo } from './format';
import { checkCounty } from './county';
import {
  checkCharter, checkNearbyEnrolment, checkSmallSchoolFunding, checkSpecialSchoolFunding, checkStudentsAgainstClasses,
  checkTrainingFunds, newFinanceTally,
} from './finance';
import { checkClass, checkSchoolSize, checkSpecialRooms } from './guarantee';
import { buildChecklist, buildItems } from './items';
import { PER_100, evaluateSchool, newCvAccumulator } from './resources';
import { checkTeachers } from './teachers';

export function runChecks(ledgers: LedgerSet, std: Standard): CheckResult {
  const ctx = newCtx(std);
  const acc = newCvAccumulator();
  const schools: CheckResult['schools'] = [];
  const byName = new Map<string, SchoolRecord>();
  const teachers = ledgers.teachers ?? [];
  const hasTeacherLedger = ledgers.ledgers.some((l) => l.kind === 'teacher') || teachers.length > 0;
  // The teacher ledger first: it cross-checks R1–R3 counts and fills them in where the school ledger lacks them.
  const teacherOutcome = checkTeachers(ctx, teachers, ledgers.schools, hasTeacherLedger);
  const finance = newFinanceTally();

  for (const school of teacherOutcome.schools) {
    const key = school.name.trim();
    if (!byName.has(key)) byName.set(key, school);
    for (const r of evaluateSchool(ctx, school, acc)) schools.push(r);
    checkSpecialRooms(ctx, school);
    checkSchoolSize(ctx, school);
    checkSmallSchoolFunding(ctx, school, finance);
    checkSpecialSchoolFunding(ctx, school, finance);
    checkTrainingFunds(ctx, school, finance);
    checkNearbyEnrolment(ctx, school, finance);
    checkCharter(ctx, school, finance);
  }
  for (const cls of ledgers.classes) checkClass(ctx, cls, byName);
  checkStudentsAgainstClasses(ctx, ledgers.schools, ledgers.classes);
  const countyParts = checkCounty(ctx, ledgers.county ?? null);
  const checklist = buildChecklist(ctx, ledgers.checklist ?? []);

  const cv: CvResult[] = [];
  const compositeCv = { 小学: null, 初中: null } as Record<Stage, number | null>;
  for (const stage of STAGES) {
    const limit = std.settings.cvLimits[stage];
    let sum = 0;
    let all = true;
    for (const id of RESOURCE_IDS) {
      const P = acc.students[stage][id];
      const Q = acc.quantities[stage][id];
      const r = weightedCv(P, Q);
      const value = r ? r.cv : null;
      const pass = value === null ? null : atMost(value, limit, std.settings.epsilon);
      cv.push({ indicator: id, stage, countyValue: r ? r.mean * PER_100[id] : null, value, limit, pass, schools: P.length });
      if (value === null) all = false;
      else sum += value;
      if (pass === false && value !== null) {
        complianceFinding(ctx, null, id, null, stage, roundTo(value, 2), limit, roundTo(value - limit, 4), cvMessage(std, id, stage, value, limit), 'cv');
      }
    }
    compositeCv[stage] = all ? sum / RESOURCE_IDS.length : null;
  }

  const items = buildItems(ctx, ledgers, teacherOutcome.schools, { schools, cv }, teacherOutcome.items, countyParts, finance, checklist);
  return { schools, cv, compositeCv, findings: ctx.findings, items, checklist };
}

export { weightedCv } from './cv';
export type { CvValue } from './cv';
export { atLeast, atMost } from './compare';
export { decideVerdict, indicatorState, planSchool, PER_100, NUMERATOR } from './resources';
export type { IndicatorState, SchoolPlan } from './resources';
export { stageOfGrade } from './guarantee';
export { CHECKLIST_LINES, CHECKLIST_STATUSES } from './items';
export { localeOf, boardingOf } from './finance';
export { TeacherVocabulary, certificateOf, stageOfText } from './teachers';
export * from './format';
