/** Deterministic county generator and "apply a plan to a copy" helpers for the planner tests. */
import type { LedgerSet, SchoolQuantity, SchoolRecord, SchoolType, StageKey, StageSplit } from '../../src/ledger/types';
import { RESOURCE_IDS, type ResourceId, type Stage, type Standard } from '../../src/standard/schema';
import { NUMERATOR, PER_100 } from '../../src/checks/common/resource-indicators';
import { mulberry32 } from '../../src/sample/random';
import { school, type SplitSpec } from './builder';

/** A seeded PRNG (the demo's). */
export const rng = mulberry32;

export function ledgerSet(schools: SchoolRecord[]): LedgerSet {
  return { ledgers: [], schools, classes: [], teachers: [], county: null, checklist: [], findings: [] };
}

const QTY: Record<ResourceId, SchoolQuantity> = { ...NUMERATOR };
const TEACHERS: ReadonlySet<ResourceId> = new Set<ResourceId>(['R1', 'R2', 'R3']);

/** Stages, parts (with 高中) and weights of a school type, as the test understands the spec. */
export function layoutOf(type: SchoolType, std: Standard): { stages: Stage[]; weights: Partial<Record<StageKey, number>> } {
  const a = std.settings.apportion;
  switch (type) {
    case '九年一贯制':
      return { stages: ['小学', '初中'], weights: { 小学: a.primaryJunior[0], 初中: a.primaryJunior[1] } };
    case '十二年一贯制':
      return { stages: ['小学', '初中'], weights: { 小学: a.twelveYear[0], 初中: a.twelveYear[1], 高中: a.twelveYear[2] } };
    case '完全中学':
      return { stages: ['初中'], weights: { 初中: a.juniorSenior[0], 高中: a.juniorSenior[1] } };
    case '初中':
      return { stages: ['初中'], weights: { 初中: 1 } };
    default:
      return { stages: ['小学'], weights: { 小学: 1 } };
  }
}

/** The test's own apportion share of `stage` (independent of plan.ts' stageShare). */
export function testShare(students: Partial<Record<StageKey, number>>, weights: Partial<Record<StageKey, number>>, stage: Stage): number {
  let W = 0;
  for (const [k, w] of Object.entries(weights) as [StageKey, number][]) W += w * (students[k] ?? 0);
  return ((weights[stage] ?? 0) * (students[stage] ?? 0)) / W;
}

export interface Generated {
  record: SchoolRecord;
  students: Partial<Record<StageKey, number>>;
  weights: Partial<Record<StageKey, number>>;
}

/**
 * One school whose indicators sit around the thresholds: below, exactly at 85 %, just under 85 %, exactly at the
 * threshold, or above. Multi-学段 schools keep area, equipment and rooms (and sometimes teachers) as whole-school
 * columns, which the checks apportion.
 */
export function genSchool(r: () => number, std: Standard, name: string): Generated {
  const types: SchoolType[] = ['小学', '初中', '九年一贯制', '九年一贯制', '十二年一贯制', '完全中学', '教学点'];
  const type = types[Math.floor(r() * types.length)];
  const { stages, weights } = layoutOf(type, std);
  const students: Partial<Record<StageKey, number>> = {};
  for (const s of stages) students[s] = 50 + Math.floor(r() * 1400);
  if (weights['高中'] !== undefined) students['高中'] = 100 + Math.floor(r() * 1500);
  const multi = Object.keys(weights).length > 1;
  const q: Partial<Record<SchoolQuantity, SplitSpec>> = {};
  // Students: per 学段; a 十二年一贯制 school sometimes keeps only 全校 + 小学 + 初中 (高中 derived).
  if (multi) {
    const spec: Partial<Record<'all' | StageKey, number>> = { ...students };
    if (type === '十二年一贯制' && r() < 0.5) {
      spec.all = (students['小学'] ?? 0) + (students['初中'] ?? 0) + (students['高中'] ?? 0);
      delete spec['高中'];
    }
    q.students = spec;
  } else q.students = students[stages[0]] ?? 0;

  const factor = (): number => {
    const x = r();
    if (x < 0.3) return 0.55 + r() * 0.45;
    if (x < 0.42) return 0.85;
    if (x < 0.5) return 0.8499;
    if (x < 0.58) return 1;
    return 1 + r() * 0.4;
  };
  const splitParts = !multi && r() < 0.3; // R3 as 体育 + 音乐 + 美术 columns
  for (const id of RESOURCE_IDS) {
    const stageQty = (s: Stage, f: number): number => {
      const exact = (f * std.indicators[id].thresholds[s] * (students[s] ?? 0)) / PER_100[id];
      const roundIt = (TEACHERS.has(id) || id === 'R7') && f !== 0.85 && f !== 1 && r() < 0.6;
      return roundIt ? Math.round(exact) : exact;
    };
    const wholeColumn = multi && (TEACHERS.has(id) ? r() < 0.2 : r() < 0.8);
    let spec: SplitSpec;
    if (!multi) spec = stageQty(stages[0], factor());
    else if (wholeColumn) {
      const s0 = stages[0];
      const f0 = testShare(students, weights, s0);
      spec = { all: stageQty(s0, factor()) / f0 };
    } else {
      const o: Partial<Record<'all' | StageKey, number>> = {};
      for (const s of stages) o[s] = stageQty(s, factor());
      spec = o;
    }
    if (id === 'R3' && splitParts && typeof spec === 'number') {
      const pe = Math.floor(spec / 2);
      q.peTeachers = pe;
      q.musicTeachers = spec - pe - Math.min(1, spec - pe);
      q.artTeachers = Math.min(1, spec - pe);
    } else q[QTY[id]] = spec;
  }
  return { record: school(name, type, q), students, weights };
}

/** Adds `amount` to the school 学段's quantity of an indicator in a copy; `stageLevel`: amount is at the 学段's share. */
export function addTo(
  g: Generated,
  rec: SchoolRecord,
  stage: Stage,
  id: ResourceId,
  amount: number,
  stageLevel: boolean,
): void {
  let qty: SchoolQuantity = QTY[id];
  if (id === 'R3' && !rec.quantities.peArtTeachers) qty = 'peTeachers';
  const split: StageSplit | undefined = rec.quantities[qty];
  if (!split) throw new Error(`no ${qty}`);
  const own = split[stage];
  if (own && own.value !== null) {
    own.value += amount;
    return;
  }
  const all = split.all;
  if (!all || all.value === null) throw new Error(`no whole-school ${qty}`);
  const single = Object.keys(g.weights).length === 1;
  all.value += single || !stageLevel ? amount : amount / testShare(g.students, g.weights, stage);
}

export function copyRecord(rec: SchoolRecord): SchoolRecord {
  return structuredClone(rec);
}
