/**
 * The item status of R1–R7 (资源配置) in the 总表: 未达标 when a school 学段 part that fails 资源配置 (6-of-7 /
 * 85 %) misses the indicator, or the 校际差异系数 of a 学段 is over its limit; 数据不全 when a part has no value
 * for it (and nothing failed); else 达标. A part that misses it but passes 资源配置 overall does not make the
 * item fail (the standard's 6-of-7 rule allows it); parts left out (small 教学点) do not count.
 * `failing` = failing parts + CVs over.
 */
import type { SchoolQuantity } from '../../ledger/types';
import { RESOURCE_IDS, STAGES, type ResourceId } from '../../standard/schema';
import { QUANTITY_LABELS, formatCv } from '../format';
import type { Reads, Rule, Run } from '../rules/types';
import type { ItemResult, ItemStatus } from '../types';

/** A rule of 资源配置: its numerator column and whether the value is per 100 students. */
export interface ResourceRule extends Rule {
  id: ResourceId;
  /** The school-ledger quantity that is the numerator. */
  numerator: SchoolQuantity;
  /** The school-ledger field of the indicator's value as the county computed it (表Ⅱ-2), used when the numerator is not kept. */
  given: SchoolQuantity;
  /** 100 when the value is per 100 students, 1 when per student. */
  per: 1 | 100;
  /** Columns summed when the numerator column is absent (R3: 体育 + 音乐 + 美术). */
  parts?: readonly SchoolQuantity[];
}

export function resourceItem(id: ResourceId, run: Pick<Run, 'resources' | 'cv' | 'ctx'>): ItemResult {
  let failing = 0;
  let missing = 0;
  let parts = 0;
  for (const s of run.resources) {
    if (s.excluded) continue;
    parts++;
    const r = s.indicators[id];
    if (!r || r.value === null) missing++;
    else if (r.pass === false && s.verdict !== '达标') failing++;
  }
  const cvs = run.cv.filter((c) => c.indicator === id);
  let cvOver = 0;
  const cvText: string[] = [];
  const limits: string[] = [];
  for (const stage of STAGES) {
    const c = cvs.find((x) => x.stage === stage);
    if (!c) continue;
    limits.push(`${stage} ≤ ${formatCv(c.limit)}`);
    if (c.value !== null) cvText.push(`${stage} ${formatCv(c.value)}`);
    if (c.pass === false) cvOver++;
  }
  const status: ItemStatus = failing + cvOver > 0 ? '未达标' : missing > 0 || parts === 0 ? '数据不全' : '达标';
  const notes: string[] = [];
  if (failing > 0) notes.push(`${failing} 个学校学段未达到且该校资源配置未达标`);
  if (cvOver > 0) notes.push(`${cvOver} 个学段差异系数超标`);
  if (missing > 0) notes.push(`${missing} 个学校学段缺少数据`);
  if (parts === 0) notes.push('没有参评学校');
  return {
    id,
    status,
    value: cvText.length > 0 ? `差异系数 ${cvText.join('；')}` : null,
    required: `各校达到标准（${RESOURCE_IDS.length} 项中 ≥ ${run.ctx.std.settings.minReached} 项）；差异系数 ${limits.join('，')}`,
    failing: failing + cvOver,
    method: '学校台账（资源配置、差异系数）',
    note: notes.length > 0 ? notes.join('；') : '所有参评学校达到，差异系数在标准内',
  };
}

/** The declaration every R rule shares: judged per school 学段 by the 资源配置 evaluation, item from its results. */
export function resourceRule(r: {
  id: ResourceId;
  numerator: SchoolQuantity;
  given: SchoolQuantity;
  per: 1 | 100;
  parts?: readonly SchoolQuantity[];
  fields: readonly string[];
  value: string;
}): ResourceRule {
  const reads: Reads[] = [
    { ledger: '学校台账', fields: ['学校类型', '在校生数（分学段或全校）', ...r.fields, `或「${QUANTITY_LABELS[r.given]}」（表Ⅱ-2：县已算出的指标值，按所在 小学/初中 部分）`] },
  ];
  return {
    id: r.id,
    numerator: r.numerator,
    given: r.given,
    per: r.per,
    ...(r.parts ? { parts: r.parts } : {}),
    reads,
    pass: 'school',
    checks: `per school 学段: ${r.value} against the 学段 threshold; a whole-school figure of a multi-学段 school is apportioned by weighted students. The 6-of-7 / 85 % verdict and the findings are made jointly for R1–R7 (common/resource-allocation.ts).`,
    raises: [
      { kind: 'compliance', when: 'on the numerator cell, when the value misses the threshold (the message says if the school still passes 6-of-7); not for excluded 教学点' },
      { kind: 'data', when: 'on a blank numerator cell' },
    ],
    start: (run) => ({ item: () => resourceItem(r.id, run) }),
  };
}
