/**
 * A test county for the national tables: schools described by their raw ledger quantities (so tests can compute
 * every figure themselves), turned into builder records and run through the checks.
 */
import { runChecks } from '../../../src/checks';
import type { ClassRecord, LedgerSet, SchoolQuantity, SchoolRecord, SchoolType } from '../../../src/ledger/types';
import { nationalStandard, RESOURCE_IDS, type ResourceId, type Stage } from '../../../src/standard';
import { cls, ledgers, school, type SplitSpec } from '../../checks/builder';

export const std = nationalStandard();
export const ctx = { std, workbook: '示例县台账.xlsx', date: new Date(2022, 8, 1) };

/** Numerator of each indicator and whether it is per 100 students. */
export const NUMERATOR: Record<ResourceId, { q: SchoolQuantity; per100: boolean }> = {
  R1: { q: 'degreeTeachers', per100: true },
  R2: { q: 'backboneTeachers', per100: true },
  R3: { q: 'peArtTeachers', per100: true },
  R4: { q: 'floorArea', per100: false },
  R5: { q: 'sportsArea', per100: false },
  R6: { q: 'equipmentValue', per100: false },
  R7: { q: 'multimediaRooms', per100: true },
};

export interface RawSchool {
  name: string;
  type: SchoolType;
  /** Students per 学段 this school has. */
  students: Partial<Record<Stage, number>>;
  /** Per 学段 numerators (teachers), or one whole-school number (shared quantities, apportioned). */
  q: Partial<Record<SchoolQuantity, number | null | Partial<Record<Stage, number | null>>>>;
}

/** A single-学段 school whose quantities are `factor[id]` (default `base`) × the threshold for its students. */
export function single(name: string, type: SchoolType, stage: Stage, students: number, base: number, factor: Partial<Record<ResourceId, number | null>> = {}, extra: RawSchool['q'] = {}): RawSchool {
  const q: RawSchool['q'] = { ...extra };
  for (const id of RESOURCE_IDS) {
    const f = id in factor ? factor[id] : base;
    const t = std.indicators[id].thresholds[stage];
    q[NUMERATOR[id].q] = f === null || f === undefined ? null : (f * t * students) / (NUMERATOR[id].per100 ? 100 : 1);
  }
  return { name, type, students: { [stage]: students }, q };
}

export function toRecord(r: RawSchool): SchoolRecord {
  const spec: Partial<Record<SchoolQuantity, SplitSpec>> = {};
  const stages = Object.keys(r.students) as Stage[];
  spec.students = stages.length === 1 ? (r.students[stages[0]] ?? null) : { ...r.students };
  for (const [k, v] of Object.entries(r.q) as [SchoolQuantity, RawSchool['q'][SchoolQuantity]][]) {
    if (v === undefined) continue;
    spec[k] = v !== null && typeof v === 'object' ? { ...v } : v;
  }
  return school(r.name, r.type, spec);
}

export function county(raw: RawSchool[], classes: ClassRecord[] = []): { raw: RawSchool[]; ledgers: LedgerSet; result: ReturnType<typeof runChecks> } {
  const l = ledgers(raw.map(toRecord), classes);
  return { raw, ledgers: l, result: runChecks(l, std) };
}

export { cls };
