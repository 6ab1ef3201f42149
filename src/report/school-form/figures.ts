/**
 * The figures of one school as its 学校自评表 writes them, read from the ledgers as the checks read them (the
 * school ledger's cells, the class and teacher ledgers' rows of the school) and from the checks' results. Pure.
 */
import { atLeast, certificateOf } from '../../checks';
import type { CheckResult, SchoolStageResult } from '../../checks/types';
import { normName } from '../../checks/derive/teacher-ledger';
import type { Finding } from '../../ledger/finding';
import { parseYesNo } from '../../ledger/coerce';
import type { ClassRecord, LedgerSet, SchoolQuantity, SchoolRecord, StageKey, TeacherRecord } from '../../ledger/types';
import type { IndicatorId, Stage, Standard } from '../../standard/schema';

/** What a school form is built from: the ledgers as read and the checks' result. */
export interface SchoolFormSource {
  ledgers: LedgerSet;
  result: CheckResult;
}

const SPLIT: readonly StageKey[] = ['小学', '初中', '高中'];

/**
 * The rows of each school, grouped once per source (a form per school must not scan every row for every school:
 * a city's 1 000 forms over 55 000 teachers). Kept while the source lives; the lists keep the rows' order.
 */
interface SourceIndex {
  results: Map<string, SchoolStageResult[]>;
  findings: Map<string, Finding[]>;
  classes: Map<string, ClassRecord[]>;
  teachers: Map<string, TeacherRecord[]>;
}
const INDEX = new WeakMap<SchoolFormSource, SourceIndex>();

const rowKey = (sheet: string, row: number) => `${sheet}\u0000${row}`;
const findingKey = (id: string | null, kind: Finding['kind'], school: string) => `${id ?? ''}\u0000${kind}\u0000${school}`;

function push<T>(m: Map<string, T[]>, key: string, v: T): void {
  const list = m.get(key);
  if (list) list.push(v);
  else m.set(key, [v]);
}

function indexOf(src: SchoolFormSource): SourceIndex {
  let ix = INDEX.get(src);
  if (ix) return ix;
  ix = { results: new Map(), findings: new Map(), classes: new Map(), teachers: new Map() };
  for (const r of src.result.schools) push(ix.results, rowKey(r.sheet, r.row), r);
  for (const f of [...src.ledgers.findings, ...src.result.findings]) push(ix.findings, findingKey(f.indicator, f.kind, (f.school ?? '').trim()), f);
  for (const c of src.ledgers.classes) if (c.school !== null) push(ix.classes, normName(c.school), c);
  for (const t of src.ledgers.teachers) if (t.school !== null) push(ix.teachers, normName(t.school), t);
  INDEX.set(src, ix);
  return ix;
}

/**
 * A quantity of the school ledger as the ledger keeps it: per 学段 when it has 学段 columns (only those that hold a
 * number), else the whole-school column; null when it has no such column or a needed cell is empty.
 */
export type Kept = { by: 'stage'; values: Partial<Record<StageKey, number>> } | { by: 'all'; value: number };

export function kept(s: SchoolRecord, q: SchoolQuantity): Kept | null {
  const split = s.quantities[q];
  if (!split) return null;
  if (split.all) return split.all.value === null ? null : { by: 'all', value: split.all.value };
  const values: Partial<Record<StageKey, number>> = {};
  let any = false;
  for (const k of SPLIT) {
    const n = split[k];
    if (!n || n.value === null) continue;
    values[k] = n.value;
    any = true;
  }
  return any ? { by: 'stage', values } : null;
}

/** The whole-school value of a quantity: the 全校 column, else the sum of its 学段 columns; null when unknown. */
export function whole(s: SchoolRecord, q: SchoolQuantity): number | null {
  const k = kept(s, q);
  if (!k) return null;
  return k.by === 'all' ? k.value : Object.values(k.values).reduce((a, v) => a + (v ?? 0), 0);
}

/** R3's numerator as kept: the combined column, else 体育 + 音乐 + 美术 added up the same way. */
export function keptR3(s: SchoolRecord): Kept | null {
  const combined = kept(s, 'peArtTeachers');
  if (combined) return combined;
  const parts = (['peTeachers', 'musicTeachers', 'artTeachers'] as const).map((q) => kept(s, q));
  if (parts.some((p) => p === null)) return null;
  const ps = parts as Kept[];
  if (ps.every((p) => p.by === 'all')) return { by: 'all', value: ps.reduce((a, p) => a + (p.by === 'all' ? p.value : 0), 0) };
  if (ps.every((p) => p.by === 'stage')) {
    const values: Partial<Record<StageKey, number>> = {};
    for (const p of ps) if (p.by === 'stage') for (const k of SPLIT) if (p.values[k] !== undefined) values[k] = (values[k] ?? 0) + (p.values[k] ?? 0);
    return { by: 'stage', values };
  }
  // Mixed (one part per 学段, one for the whole school): the whole-school sum.
  const sum = ps.map((p) => (p.by === 'all' ? p.value : Object.values(p.values).reduce((a, v) => a + (v ?? 0), 0)));
  return { by: 'all', value: sum.reduce((a, v) => a + v, 0) };
}

/** The school's 学段 results of 资源配置 (none for a 特殊教育学校), 小学 first. */
export function stageResults(src: SchoolFormSource, s: SchoolRecord): SchoolStageResult[] {
  return [...(indexOf(src).results.get(rowKey(s.sheet, s.row)) ?? [])].sort((a, b) => (a.stage === b.stage ? 0 : a.stage === '小学' ? -1 : 1));
}

/** The findings of an item that name this school, each once. */
export function schoolFindings(src: SchoolFormSource, s: SchoolRecord, id: IndicatorId, kind: Finding['kind']): Finding[] {
  const seen = new Set<string>();
  return (indexOf(src).findings.get(findingKey(id, kind, s.name.trim())) ?? []).filter((f) => {
    const key = JSON.stringify([f.sheet, f.cell, f.stage, f.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The class-ledger rows of the school (matched by name, as the checks match them). */
export function classesOf(src: SchoolFormSource, s: SchoolRecord): ClassRecord[] {
  return indexOf(src).classes.get(normName(s.name)) ?? [];
}

/** The teacher-ledger rows of the school (matched by name, as the checks match them). */
export function teachersOf(src: SchoolFormSource, s: SchoolRecord): TeacherRecord[] {
  return indexOf(src).teachers.get(normName(s.name)) ?? [];
}

/** G5 per 学段: classes with a number of students, those over the limit, and the largest. */
export function classCounts(classes: readonly ClassRecord[], std: Standard): { stage: Stage; classes: number; over: number; max: number; limit: number; unknown: number }[] {
  const out = [];
  for (const stage of ['小学', '初中'] as const) {
    const rows = classes.filter((c) => c.stage === stage);
    if (rows.length === 0) continue;
    const limit = std.indicators.G5.thresholds[stage];
    const known = rows.filter((c) => c.students.value !== null).map((c) => c.students.value as number);
    out.push({
      stage,
      classes: rows.length,
      over: known.filter((v) => v > limit + std.settings.epsilon).length,
      max: known.length > 0 ? Math.max(...known) : 0,
      limit,
      unknown: rows.length - known.length,
    });
  }
  return out;
}

/** G9 of the school's teachers: rows with a 五年培训学时 cell, those at or above the hours, those blank. */
export function trainingOf(teachers: readonly TeacherRecord[], std: Standard): { total: number; reached: number; unknown: number } | null {
  const rows = teachers.filter((t) => t.hours !== null);
  if (rows.length === 0) return null;
  const hours = std.indicators.G9.thresholds.hours;
  const reached = rows.filter((t) => t.hours?.value != null && atLeast(t.hours.value, hours, std.settings.epsilon)).length;
  const unknown = rows.filter((t) => t.hours?.value == null).length;
  return { total: rows.length, reached, unknown };
}

/** G12 of the school's teachers: 专任 teachers (an unknown 专任 counts as 专任, as the checks do), those certified. */
export function certificatesOf(teachers: readonly TeacherRecord[]): { fullTime: number; certified: number; unknown: number } | null {
  const rows = teachers.filter((t) => t.certificate !== null);
  if (rows.length === 0) return null;
  let fullTime = 0;
  let certified = 0;
  let unknown = 0;
  for (const t of rows) {
    const ft = t.fullTime === null ? true : t.fullTime.text === '' ? null : parseYesNo(t.fullTime.text);
    if (ft === false) continue;
    fullTime++;
    const c = t.certificate ? certificateOf(t.certificate.text) : null;
    if (c === true) certified++;
    else if (c !== false) unknown++;
  }
  return fullTime > 0 ? { fullTime, certified, unknown } : null;
}
