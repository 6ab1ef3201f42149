/**
 * 资源配置 (R1–R7), judged jointly: per school and 学段 values of the seven (what each reads is declared in
 * rules/R1–R7), the 6-of-7 / 85 % verdict (its rule: resource-indicators.ts), the findings, and the per-school
 * inputs of the 校际差异系数. Spec §1.
 */
import type { CellRef, Num, SchoolQuantity, SchoolRecord, StageKey, TextCell } from '../../ledger/types';
import { RESOURCE_IDS, type ResourceId, type Stage, type Standard } from '../../standard/schema';
import { threshold } from '../../standard';
import type { IndicatorResult, SchoolStageResult } from '../types';
import { atLeast, ceilTo, ceilTol } from '../compare';
import { amount, complianceFinding, dataFinding, noteMissing, type Ctx } from '../context';
import { formatThreshold, formatValue, gapPhrase, indicatorRef, quantityLabel, resourceMessage, roundTo, unitSuffix } from '../format';
import { R3 } from '../rules/R3-pe-art-teachers';
import { indoorMove, transitionExtra } from './resource-adjust';
import { TRANSITION_TAG, recordTransition } from './transition';
import { cellAddress } from '../../ledger/grid';
import { formatNumber } from '../format';
import { crossCheckCountyVerdict, naCell, notApplicableFinding, planSchool, typePlan } from './resource-inputs';
import { NUMERATOR, PER_100, RULE_OF, decideVerdict, indicatorState, type IndicatorState } from './resource-indicators';

const R3_PARTS: readonly SchoolQuantity[] = R3.parts ?? [];

/** Per-school inputs of the CV, per 学段 and indicator: students and the (apportioned) quantity. */
export interface CvAccumulator {
  students: Record<Stage, Record<ResourceId, number[]>>;
  quantities: Record<Stage, Record<ResourceId, number[]>>;
}

function perId(): Record<ResourceId, number[]> {
  return { R1: [], R2: [], R3: [], R4: [], R5: [], R6: [], R7: [] };
}

export function newCvAccumulator(): CvAccumulator {
  return { students: { 小学: perId(), 初中: perId() }, quantities: { 小学: perId(), 初中: perId() } };
}

export interface Resolved {
  value: number | null;
  ref: CellRef | null;
  apportioned: boolean;
  /** The cell read was “*” / “—” / 不适用 (value null), and its column's name. */
  na?: TextCell;
  naLabel?: string;
  /** `value` is the indicator's value as the county gave it, not a quantity. */
  given?: boolean;
}

const NONE: Resolved = { value: null, ref: null, apportioned: false };

/**
 * Evaluates R1–R7 for every 学段 of one school; pushes findings into ctx and CV inputs into acc.
 * Returns nothing for a school outside 资源配置.
 */
export function evaluateSchool(ctx: Ctx, school: SchoolRecord, acc: CvAccumulator): SchoolStageResult[] {
  const std = ctx.std;
  const eps = ctx.eps;
  if (school.type === '特殊教育学校') return [];
  const plan = planSchool(school, std);
  if (!plan) {
    dataFinding(
      ctx,
      school.typeRef ?? school.nameRef,
      null,
      school.name,
      null,
      `无法确定「${school.name}」的学段：学校类型未填写或无法识别，在校生数也没有分学段，未参与资源配置评估`,
    );
    return [];
  }
  const name = school.name;
  const single = plan.parts.length === 1;
  const studentsSplit = school.quantities.students ?? {};
  const typeText = school.type ?? '多学段学校';

  // Students of each part (for apportioning), derived 高中 = all − the others when only 高中 is not kept.
  const partValue: Partial<Record<StageKey, number | null>> = {};
  const lacking: StageKey[] = [];
  for (const k of plan.parts) {
    const n = studentsSplit[k] ?? (single ? studentsSplit.all : undefined);
    if (n) partValue[k] = n.value;
    // A single-学段 school without a students column, or a school without one at all: the ledger reports the column.
    else if (k !== '高中' && !single && school.quantities.students) lacking.push(k);
  }
  if (!single && plan.parts.includes('高中') && studentsSplit['高中'] === undefined) {
    const all = studentsSplit.all?.value;
    let others = 0;
    let known = all !== undefined && all !== null;
    for (const k of plan.parts) {
      if (k === '高中') continue;
      const v = partValue[k];
      if (v === undefined || v === null) known = false;
      else others += v;
    }
    if (known && all !== undefined && all !== null && all - others >= 0) partValue['高中'] = all - others;
  }
  const splitRef = studentsSplit.all?.ref ?? school.nameRef;
  if (lacking.length > 0) {
    dataFinding(
      ctx,
      splitRef,
      null,
      name,
      null,
      `「${name}」是${typeText}，缺少分学段在校生数（${lacking.join('、')}），无法分学段计算资源配置指标`,
    );
  }
  let apportionReported = false;
  let weightedTotal: number | null | undefined; // undefined: not computed yet
  const weighted = (): number | null => {
    if (weightedTotal !== undefined) return weightedTotal;
    let w = 0;
    for (const k of plan.parts) {
      const v = partValue[k];
      if (v === undefined || v === null || v < 0) {
        const n = studentsSplit[k];
        if (v === null && n) noteMissing(ctx, n, quantityLabel('students', k), '全校数值的分学段分摊', null, name, null);
        if (v === undefined && k === '高中' && !apportionReported) {
          apportionReported = true;
          dataFinding(ctx, splitRef, null, name, null, `「${name}」是${typeText}，缺少高中在校生数，无法把全校数值按学段分摊`);
        }
        weightedTotal = null;
        return null;
      }
      w += (plan.weights[k] ?? 0) * v;
    }
    weightedTotal = w > 0 ? w : null;
    return weightedTotal;
  };

  const out: SchoolStageResult[] = [];
  let wholeRowReported = false;
  const cut = std.settings.teachingPointCut;
  const states: IndicatorState[] = new Array<IndicatorState>(RESOURCE_IDS.length);
  const quantities: (number | null)[] = new Array<number | null>(RESOURCE_IDS.length);

  for (const s of plan.stages) {
    const studentsNum: Num | undefined = studentsSplit[s] ?? (single ? studentsSplit.all : undefined);
    let P: number | null = studentsNum ? studentsNum.value : null;
    const studentsNa = studentsNum ? undefined : (naCell(school, 'students', s) ?? (single ? naCell(school, 'students', 'all') : undefined));
    if (studentsNa) notApplicableFinding(ctx, studentsNa, quantityLabel('students', naCell(school, 'students', s) ? s : 'all'), null, name, s);
    if (studentsNum && P === null) {
      noteMissing(ctx, studentsNum, quantityLabel('students', studentsSplit[s] ? s : 'all'), `${s} 资源配置指标（R1–R7）`, null, name, s);
    }
    const studentsRead = P;
    const excluded = school.type === '教学点' && P !== null && P < cut;
    if (P !== null && P <= 0) {
      if (!excluded && studentsNum) {
        dataFinding(ctx, studentsNum.ref, null, name, s, `${s}在校生数为 ${P}，无法计算生均和每百名学生指标`);
      }
      P = null;
    }

    /** `quiet`: a blank cell is no finding (a 《规程》 fact: without it the rule simply does not apply). */
    const resolve = (q: SchoolQuantity, id: ResourceId, quiet = false): Resolved => {
      const split = school.quantities[q];
      const own = split?.[s];
      const all = split?.all;
      if (!own && !all) {
        // Nothing to read but a “*”: the 学段's own cell, else the whole-school cell.
        const key = naCell(school, q, s) ? s : 'all';
        const na = naCell(school, q, key);
        return na ? { value: null, ref: na.ref, apportioned: false, na, naLabel: quantityLabel(q, key) } : NONE;
      }
      if (!split) return NONE;
      if (own) {
        if (!quiet) noteMissing(ctx, own, quantityLabel(q, s), indicatorRef(std, id), id, name, s);
        return { value: own.value, ref: own.ref, apportioned: false };
      }
      if (!all) return NONE;
      if (!quiet) noteMissing(ctx, all, quantityLabel(q, 'all'), indicatorRef(std, id), id, name, s);
      if (single) return { value: all.value, ref: all.ref, apportioned: false };
      if (all.value === null) return { value: null, ref: all.ref, apportioned: true };
      const W = weighted();
      const Ps = partValue[s];
      if (W === null || Ps === undefined || Ps === null) return { value: null, ref: all.ref, apportioned: true };
      return { value: (all.value * (plan.weights[s] ?? 0) * Ps) / W, ref: all.ref, apportioned: true };
    };
    const resolveR3 = (): Resolved => {
      if (school.quantities.peArtTeachers) return resolve('peArtTeachers', 'R3');
      const parts = R3_PARTS.some((q) => school.quantities[q] || school.notApplicable?.[q]);
      if (!parts && school.notApplicable?.peArtTeachers) return resolve('peArtTeachers', 'R3');
      let sum = 0;
      let ref: CellRef | null = null;
      let apportioned = false;
      let ok = true;
      let anyColumn = false;
      let na: TextCell | undefined;
      let naLabel: string | undefined;
      for (const q of R3_PARTS) {
        if (!school.quantities[q] && !school.notApplicable?.[q]) {
          ok = false;
          continue;
        }
        anyColumn = true;
        const r = resolve(q, 'R3');
        if (ref === null) ref = r.ref;
        apportioned ||= r.apportioned;
        if (r.na && !na) {
          na = r.na;
          naLabel = r.naLabel;
        }
        if (r.value === null) ok = false;
        else sum += r.value;
      }
      if (!anyColumn) return NONE;
      return { value: ok ? sum : null, ref, apportioned, ...(na && !ok ? { na, naLabel } : {}) };
    };
    /** The indicator's value as the county gave it (表Ⅱ-2), read like a quantity but never apportioned. */
    const resolveGiven = (id: ResourceId): Resolved => {
      const q = RULE_OF[id].given;
      const split = school.quantities[q];
      const own = split?.[s] ?? (single ? split?.all : undefined);
      if (own) {
        noteMissing(ctx, own, quantityLabel(q, split?.[s] ? s : 'all'), indicatorRef(std, id), id, name, s);
        return { value: own.value, ref: own.ref, apportioned: false, given: true };
      }
      if (split?.all) {
        // One value for a school of two 学段, in no 学段 section: it cannot be told which 学段 it is.
        if (!wholeRowReported) {
          wholeRowReported = true;
          dataFinding(ctx, split.all.ref, null, name, null, `「${name}」是${typeText}，本行的指标值未分学段（不在“小学”或“初中”部分之下），无法判断属于哪个学段，未作判定`);
        }
        return { value: null, ref: split.all.ref, apportioned: false, given: true };
      }
      const key = naCell(school, q, s) ? s : 'all';
      const na = key === s || single ? naCell(school, q, key) : undefined;
      return na ? { value: null, ref: na.ref, apportioned: false, na, naLabel: quantityLabel(q, key), given: true } : NONE;
    };
    /** The quantity when the ledger keeps it (or only a “*” stands for both), else the county's value. */
    const resolveAny = (id: ResourceId): Resolved => {
      const r = id === 'R3' ? resolveR3() : resolve(NUMERATOR[id], id);
      if (r !== NONE && !r.na) return r;
      const g = resolveGiven(id);
      if (g === NONE) return r;
      return g.na && r.na ? r : g;
    };

    const indicators = {} as Record<ResourceId, IndicatorResult>;
    const fullStates: IndicatorState[] = new Array<IndicatorState>(RESOURCE_IDS.length);
    const notes: Partial<Record<ResourceId, string>> = {};
    const added: Partial<Record<ResourceId, string>> = {};
    const moved = indoorMove(ctx, school, (q, id) => resolve(q, id));
    let reached = 0;
    let changed = false;
    for (let i = 0; i < RESOURCE_IDS.length; i++) {
      const id = RESOURCE_IDS[i];
      const t = threshold(std, id, s);
      const r = resolveAny(id);
      let value: number | null;
      let transition: IndicatorResult['transition'];
      if (r.given) {
        // The value as the county computed it (表Ⅱ-2): taken as it is; the quantity it stands for is value × P / per-100.
        value = r.value !== null && P !== null ? r.value : null;
        quantities[i] = value === null || P === null ? null : (value * P) / PER_100[id];
      } else {
        let q = r.value;
        // settings.indoorSportsToR5: the indoor sports rooms leave R4's floor area for R5's grounds.
        if (moved && (id === 'R4' || id === 'R5') && q !== null) {
          if (moved.area !== null && id === 'R4' && q - moved.area < -eps * Math.max(1, q)) {
            dataFinding(ctx, moved.ref, 'R4', name, s, `「室内体育用房面积」${formatNumber(moved.area)} ㎡ 大于「教学及辅助用房面积」${formatNumber(q)} ㎡，无法从教学及辅助用房中扣除，请核实`);
            moved.area = null;
          }
          if (moved.area === null) q = null;
          else {
            q = id === 'R4' ? q - moved.area : q + moved.area;
            notes[id] = id === 'R4' ? `（已扣除室内体育用房面积 ${formatNumber(moved.area)} ㎡，计入体育运动场馆面积）` : `（已计入室内体育用房面积 ${formatNumber(moved.area)} ㎡）`;
          }
        }
        const fullValue = q !== null && P !== null ? (q / P) * PER_100[id] : null;
        // The 《规程》: 走教/兼职 teachers (R3) and leased or converted grounds (R5) count for the schools it names.
        const extra = q !== null ? transitionExtra(ctx, school, id, (eq) => resolve(eq, id, true)) : null;
        if (extra && q !== null) {
          transition = { rule: extra.rule, extra: extra.value, fullValue };
          q += extra.value;
          changed = true;
          added[id] = `${extra.label} ${formatNumber(extra.value)}${id === 'R3' ? ' 人' : ' ㎡'}`;
          notes[id] = `${notes[id] ?? ''}（${TRANSITION_TAG}，已计入${added[id]}）`;
        }
        value = q !== null && P !== null ? (q / P) * PER_100[id] : null;
        quantities[i] = value === null ? null : q;
      }
      const state = indicatorState(value, t, std);
      states[i] = state;
      fullStates[i] = transition ? indicatorState(transition.fullValue, t, std) : state;
      if (state === 'reached') reached++;
      indicators[id] = { value, threshold: t, pass: value === null ? null : state === 'reached', apportioned: r.apportioned, ref: r.ref };
      if (transition) indicators[id].transition = transition;
      if (r.given) indicators[id].given = true;
      if (r.na) {
        if (excluded) indicators[id].notApplicable = true;
        else notApplicableFinding(ctx, r.na, r.naLabel ?? '', id, name, s);
      }
    }
    const verdict = decideVerdict(states, std);
    const fullVerdict = changed ? decideVerdict(fullStates, std) : verdict;

    for (let i = 0; i < RESOURCE_IDS.length; i++) {
      const id = RESOURCE_IDS[i];
      const ind = indicators[id];
      const q = quantities[i];
      if (ind.value === null || q === null || P === null) continue;
      if (!excluded) {
        acc.students[s][id].push(P);
        acc.quantities[s][id].push(q);
      }
      if (excluded) continue;
      const precision = std.indicators[id].precision;
      const whole = PER_100[id] === 100 || id === 'R7';
      // 需补足: whole teachers or rooms, else ㎡ / 元 to the indicator's precision; 差距: per student (per 100).
      const gapTo = (quantity: number): number => {
        const shortfall = (ind.threshold * P) / PER_100[id] - quantity;
        return whole ? Math.max(1, ceilTol(shortfall, eps)) : ceilTo(shortfall, precision, eps);
      };
      const tr = ind.transition;
      if (ind.pass) {
        // 达标 only because the 《规程》 counted more: no finding, but the full standard is still short.
        if (tr && tr.fullValue !== null && !atLeast(tr.fullValue, ind.threshold, eps)) {
          const fullGap = gapTo(q - tr.extra);
          recordTransition(ctx, {
            indicator: id, rule: tr.rule, school: name, stage: s, sheet: ind.ref?.sheet ?? null, cell: ind.ref ? cellAddress(ind.ref.row, ind.ref.col) : null,
            actual: roundTo(tr.fullValue, precision), relaxed: ind.threshold, full: ind.threshold, gapToFull: fullGap,
            need: amount(fullGap, std.indicators[id].unit, whole ? 0 : precision),
            message: transitionPassMessage(std, id, s, plan.stages.length > 1, added[id] ?? '', ind.value, tr.fullValue, ind.threshold, fullGap),
          });
        }
        continue;
      }
      const add = gapTo(q);
      const perUnit = Math.max(ceilTo(ind.threshold - ind.value, precision, eps), 10 ** -precision);
      complianceFinding(
        ctx,
        ind.ref,
        id,
        name,
        s,
        roundTo(ind.value, precision),
        ind.threshold,
        perUnit,
        resourceMessage(std, id, s, ind.value, ind.threshold, add, {
          stagePrefix: plan.stages.length > 1,
          apportioned: ind.apportioned,
          stillPasses: verdict === '达标' ? { reached } : undefined,
        }) + (notes[id] ?? ''),
        { need: amount(add, std.indicators[id].unit, whole ? 0 : precision) },
      );
    }

    const remarks: string[] = [];
    for (const k of school.stage ? [] : (typePlan(school, std.settings.apportion)?.stages ?? [])) {
      if (k === s || plan.stages.includes(k) || school.quantities.students?.[k] || !naCell(school, 'students', k)) continue;
      remarks.push(`${k}在校生数填写为“${naCell(school, 'students', k)?.text ?? '*'}”，按该校无${k}学生处理，${k}不作评估`);
    }
    out.push({
      ...(remarks.length > 0 ? { remarks } : {}),
      name,
      type: school.type,
      stage: s,
      students: studentsRead,
      sheet: school.sheet,
      row: school.row,
      excluded,
      excludedReason: excluded ? `教学点在校生 ${studentsRead} 人，少于 ${cut} 人，不参与资源配置评估和差异系数计算` : null,
      indicators,
      reached,
      verdict,
      ...(changed ? { fullVerdict } : {}),
    });
  }
  crossCheckCountyVerdict(ctx, school, out);
  return out;
}


/** "按《规程》过渡期标准达标：计入… 1 人后，每百名… 1.25 人，标准 ≥ 0.9 人；按完整标准（不计入）为 0.00 人，还需 1 名教师". */
function transitionPassMessage(
  std: Standard, id: ResourceId, stage: Stage, prefix: boolean, added: string, value: number, full: number, threshold: number, gap: number,
): string {
  const ind = std.indicators[id];
  const u = unitSuffix(ind.unit);
  return (
    `${TRANSITION_TAG}达标：${prefix ? `${stage}部：` : ''}计入${added}后，${ind.name} ${formatValue(std, id, value)}${u}，标准 ≥ ${formatThreshold(threshold)}${u}；` +
    `按完整标准（不计入）为 ${formatValue(std, id, full)}${u}，${gapPhrase(std, id, gap)}`
  );
}
