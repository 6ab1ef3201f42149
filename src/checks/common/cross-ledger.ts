/** A check that belongs to no indicator: the school ledger's 在校生数 against the class ledger's rows. */
import { cellAddress } from '../../ledger/grid';
import type { CellRef, ClassRecord, SchoolRecord, StageKey } from '../../ledger/types';
import type { Stage } from '../../standard/schema';
import { dataFinding, type Ctx } from '../context';
import { formatNumber, quantityLabel } from '../format';
import { normName } from '../derive/teacher-ledger';

/**
 * Cross-ledger: each school's 在校生数 in the school ledger against the sum of its classes in the class
 * ledger (per 学段 where the school ledger splits it), and classes of schools the school ledger does not
 * list. Reads the 学段 derived by derive/class-stages.ts.
 */
export function checkStudentsAgainstClasses(ctx: Ctx, schools: readonly SchoolRecord[], classes: readonly ClassRecord[]): void {
  if (schools.length === 0 || classes.length === 0) return;
  const known = new Map<string, SchoolRecord>();
  for (const s of schools) if (!known.has(normName(s.name))) known.set(normName(s.name), s);
  interface Sum {
    total: number;
    byStage: Partial<Record<StageKey, number>>;
    firstOf: Partial<Record<StageKey | 'all', CellRef>>;
    unsure: boolean;
  }
  const sums = new Map<string, Sum>();
  const unknown = new Map<string, { name: string; ref: CellRef; count: number }>();
  for (const c of classes) {
    if (c.school === null) continue;
    const key = normName(c.school);
    const ref = c.schoolRef ?? c.students.ref;
    if (!known.has(key)) {
      const u = unknown.get(key);
      if (u) u.count++;
      else unknown.set(key, { name: c.school, ref, count: 1 });
      continue;
    }
    let sum = sums.get(key);
    if (!sum) {
      sum = { total: 0, byStage: {}, firstOf: { all: c.students.ref }, unsure: false };
      sums.set(key, sum);
    }
    if (c.students.value === null || c.stage === null) {
      sum.unsure = true;
      continue;
    }
    sum.total += c.students.value;
    sum.byStage[c.stage] = (sum.byStage[c.stage] ?? 0) + c.students.value;
    sum.firstOf[c.stage] ??= c.students.ref;
  }
  for (const u of unknown.values()) {
    dataFinding(ctx, u.ref, null, u.name, null, `班级台账中的学校“${u.name}”在学校台账中找不到（共 ${u.count} 个班级），请核对校名`);
  }
  for (const s of schools) {
    const sum = sums.get(normName(s.name));
    const split = s.quantities.students;
    if (!sum || sum.unsure || !split) continue;
    const keys: ('all' | StageKey)[] = split.小学 || split.初中 || split.高中 ? ['小学', '初中', '高中'] : ['all'];
    for (const key of keys) {
      const n = split[key];
      if (!n || n.value === null) continue;
      // A row of one 学段 (表Ⅱ-2 section): its 在校生数 is that 学段's classes.
      const rowStage = key === 'all' ? (s.stage ?? null) : null;
      const classSum = key === 'all' ? (rowStage ? (sum.byStage[rowStage] ?? 0) : sum.total) : (sum.byStage[key] ?? 0);
      if (classSum === n.value) continue;
      if (key !== 'all' && classSum === 0 && n.value === 0) continue;
      const where = key === 'all' ? (rowStage ?? '') : key;
      const stage: Stage | null = key === '小学' || key === '初中' ? key : rowStage;
      const label = quantityLabel('students', key);
      dataFinding(ctx, n.ref, null, s.name, stage,
        `学校台账「${label}」填 ${formatNumber(n.value)} 人，班级台账中该校${where}各班人数合计 ${formatNumber(classSum)} 人，两者不一致，请核实`);
      const first = (key === 'all' ? (rowStage ? sum.firstOf[rowStage] : sum.firstOf.all) : sum.firstOf[key]) ?? sum.firstOf.all;
      if (first) {
        dataFinding(ctx, first, null, s.name, stage,
          `班级台账中「${s.name}」${where}各班人数合计 ${formatNumber(classSum)} 人，与学校台账（${n.ref.sheet}!${cellAddress(n.ref.row, n.ref.col)}）填写的 ${formatNumber(n.value)} 人不一致，请核实`);
      }
    }
  }
}
