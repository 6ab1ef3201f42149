/**
 * The status of every indicator of the standard for the whole county (ItemResult), and the 核查清单.
 *
 * Rules (a missing value is never a pass):
 * - R1–R7: 未达标 when a school 学段 part that fails 资源配置 (6-of-7 / 85 %) misses the indicator, or the
 *   校际差异系数 of a 学段 is over its limit; 数据不全 when a part has no value for it (and nothing failed);
 *   else 达标. A part that misses it but passes 资源配置 overall does not make the item fail (the standard's
 *   6-of-7 rule allows it); parts left out (small 教学点) do not count. `failing` = failing parts + CVs over.
 * - Per-school / per-row items (G3–G7, G13, Q3, Q4): 未达标 with any compliance finding (`failing` =
 *   schools, or classes for G5); 数据不全 when the columns are missing or a data finding names the item.
 * - Teacher-ledger rates (G9, G11, G12) and county figures: see teachers.ts and county.ts.
 * - Checklist items: the user's answer in 核查清单 (待核实 until answered). G8 and G15 combine their figure
 *   with their checklist half: 未达标 if either fails, else 数据不全, else 待核实, else 达标.
 */
import type { Finding } from '../ledger/finding';
import type { ChecklistAnswer, LedgerSet, SchoolRecord } from '../ledger/types';
import { INDICATOR_IDS, RESOURCE_IDS, STAGES, type IndicatorId, type Standard } from '../standard/schema';
import type { Ctx } from './context';
import type { CountyParts, ItemPart } from './county';
import type { FinanceTally, SchoolTally } from './finance';
import { formatCv, formatThreshold } from './format';
import { textFinding } from './teachers';
import type { ChecklistLine, CheckResult, ItemResult, ItemStatus } from './types';

/** The 核查清单 lines: ids and what is to be verified (the indicator's name when no content is given). */
export const CHECKLIST_LINES: readonly { id: IndicatorId; content?: string }[] = [
  { id: 'G1', content: '县域义务教育学校布局规划及执行情况（规划文件、学校分布、新建改扩建项目）' },
  { id: 'G2', content: '县级人民政府制定的义务教育学校办学标准文件，及所有学校达到标准的情况' },
  { id: 'G8', content: '按规定足额核定教师绩效工资总量（县级数据表填写了「绩效工资足额核定」时以县级数据为准）' },
  { id: 'G10', content: '县级教育行政部门在核定的编制总额和岗位总量内统筹分配各校编制和岗位的文件' },
  { id: 'G15', content: '县域内留守儿童关爱体系健全，全面纳入政府保障（随迁子女就读比例见县级数据）' },
  { id: 'Q5' },
  { id: 'Q6' },
  { id: 'Q7' },
  { id: 'Q8' },
];

export const CHECKLIST_STATUSES = ['达标', '未达标', '待核实'] as const;

/** The checklist lines with the answers read back; a 未达标 answer is a compliance finding at its 状态 cell. */
export function buildChecklist(ctx: Ctx, answers: readonly ChecklistAnswer[]): ChecklistLine[] {
  const byId = new Map<string, ChecklistAnswer>();
  for (const a of answers) if (!byId.has(a.id)) byId.set(a.id, a);
  return CHECKLIST_LINES.map((l) => {
    const ind = ctx.std.indicators[l.id];
    const a = byId.get(l.id);
    if (a && a.status === '未达标') {
      textFinding(ctx, 'compliance', a.statusRef, l.id, null, null, '未达标', '达标',
        `核查清单：${l.id} ${ind.name}——自查结论为未达标${a.remark ? `（${a.remark}）` : ''}`);
    }
    return {
      id: l.id,
      item: ind.name,
      content: l.content ?? ind.name,
      status: a ? a.status : '待核实',
      evidence: a?.evidence ?? '',
      remark: a?.remark ?? '',
      answered: a !== undefined,
    };
  });
}

function combine(parts: ItemStatus[]): ItemStatus {
  if (parts.includes('未达标')) return '未达标';
  if (parts.includes('数据不全')) return '数据不全';
  if (parts.includes('待核实')) return '待核实';
  return '达标';
}

const METHOD: Partial<Record<IndicatorId, string>> = {
  G3: '学校台账', G4: '学校台账', G5: '班级台账', G6: '学校台账', G7: '学校台账', G13: '学校台账', Q3: '学校台账', Q4: '学校台账',
  G8: '县级数据 + 核查清单', G14: '县级数据', G15: '县级数据 + 核查清单', Q1: '县级数据', Q2: '县级数据', Q9: '县级数据', S1: '县级数据（满意度调查）',
};

const REQUIRED_TEXT: Partial<Record<IndicatorId, (std: Standard) => string>> = {
  G3: (s) => `每 ${formatThreshold(s.indicators.G3.thresholds.classesPerRoom)} 个班音乐、美术教室各 1 间；每间 ≥ ${formatThreshold(s.indicators.G3.thresholds.musicRoomArea)}/${formatThreshold(s.indicators.G3.thresholds.artRoomArea)} ㎡`,
  G4: (s) => `小学、初中 ≤ ${formatThreshold(s.indicators.G4.thresholds.小学)} 人；一贯制 ≤ ${formatThreshold(s.indicators.G4.thresholds.九年一贯制)} 人`,
  G5: (s) => `小学 ≤ ${formatThreshold(s.indicators.G5.thresholds.小学)} 人/班，初中 ≤ ${formatThreshold(s.indicators.G5.thresholds.初中)} 人/班`,
  G6: (s) => `不足 ${formatThreshold(s.indicators.G6.thresholds.minStudents)} 人按 ${formatThreshold(s.indicators.G6.thresholds.minStudents)} 人核定公用经费`,
  G7: (s) => `生均公用经费 ≥ ${formatThreshold(s.indicators.G7.thresholds['特殊教育学校'])} 元`,
  G13: (s) => `小学 ${formatThreshold(s.indicators.G13.thresholds.小学 * 100)}%，初中 ≥ ${formatThreshold(s.indicators.G13.thresholds.初中 * 100)}%`,
  Q3: () => '所有学校制定章程',
  Q4: (s) => `≥ 公用经费的 ${formatThreshold(s.indicators.Q4.thresholds.share * 100)}%`,
};

function unitWord(id: IndicatorId): string {
  return id === 'G5' ? '个班级' : '所学校';
}

/** Assembles every item of the standard, in its order. */
export function buildItems(
  ctx: Ctx,
  ledgers: LedgerSet,
  schools: readonly SchoolRecord[],
  result: Pick<CheckResult, 'schools' | 'cv'>,
  teacherItems: Partial<Record<IndicatorId, ItemResult>>,
  county: CountyParts,
  finance: FinanceTally,
  checklist: readonly ChecklistLine[],
): ItemResult[] {
  const std = ctx.std;
  const all: Finding[] = [...ledgers.findings, ...ctx.findings];
  const failingOf = new Map<string, Set<string>>();
  const dataOf = new Map<string, number>();
  for (const f of all) {
    if (f.indicator === null) continue;
    if (f.kind === 'compliance') {
      const set = failingOf.get(f.indicator) ?? new Set<string>();
      set.add(f.indicator === 'G5' ? `${f.sheet}!${f.cell}` : (f.school ?? `${f.sheet}!${f.cell}`));
      failingOf.set(f.indicator, set);
    } else dataOf.set(f.indicator, (dataOf.get(f.indicator) ?? 0) + 1);
  }
  const has = (q: keyof SchoolRecord['quantities']) => schools.some((s) => s.quantities[q] !== undefined);
  const hasAttr = (a: 'locale' | 'boarding' | 'charter') => schools.some((s) => s.attributes?.[a] !== undefined);
  const present: Partial<Record<IndicatorId, boolean>> = {
    G3: has('classes') && (has('musicRooms') || has('artRooms')),
    G4: has('students'),
    G5: ledgers.classes.length > 0,
    G6: has('budget') && has('baseQuota'),
    G7: has('perStudentFunding') || has('budget'),
    G13: has('nearbyShare') && hasAttr('locale') && hasAttr('boarding'),
    Q3: hasAttr('charter'),
    Q4: has('trainingFunds') && has('budget'),
  };
  const checklistOf = new Map(checklist.map((l) => [l.id, l]));
  const tallyOf: Partial<Record<IndicatorId, SchoolTally>> = { G6: finance.G6, G7: finance.G7, G13: finance.G13, Q3: finance.Q3, Q4: finance.Q4 };

  const out: ItemResult[] = [];
  for (const id of INDICATOR_IDS) {
    if ((RESOURCE_IDS as readonly string[]).includes(id)) {
      out.push(resourceItem(id as (typeof RESOURCE_IDS)[number], result));
      continue;
    }
    const t = teacherItems[id];
    if (t) {
      out.push(t);
      continue;
    }
    const method = METHOD[id] ?? '核查清单';
    const part = (p: ItemPart): ItemResult => ({ id, status: p.status, value: p.value, required: p.required, failing: p.failing, method, note: p.note });
    switch (id) {
      case 'G8': {
        const perf = county.G8performance;
        const line = checklistOf.get('G8');
        const second: ItemStatus = perf ? perf.status : (line?.status ?? '待核实');
        const status = combine([county.G8.status, second]);
        const notes = [county.G8.note, perf ? perf.note : `绩效工资足额核定：核查清单${line?.status ?? '待核实'}`];
        out.push({ ...part(county.G8), status, failing: county.G8.failing + (second === '未达标' ? 1 : 0), note: notes.join('；') });
        continue;
      }
      case 'G15': {
        const line = checklistOf.get('G15');
        const second: ItemStatus = line?.status ?? '待核实';
        const status = combine([county.G15.status, second]);
        out.push({
          ...part(county.G15),
          status,
          failing: county.G15.failing + (second === '未达标' ? 1 : 0),
          note: `${county.G15.note}；留守儿童关爱体系：核查清单${second}`,
        });
        continue;
      }
      case 'G14':
      case 'Q1':
      case 'Q2':
      case 'Q9':
      case 'S1':
        out.push(part(county[id]));
        continue;
    }
    const line = checklistOf.get(id);
    if (line) {
      out.push({
        id,
        status: line.status,
        // 待核实 is the same whether the sheet is new or read back unanswered: open, with no value.
        value: line.answered && line.status !== '待核实' ? line.status : null,
        required: '达标',
        failing: line.status === '未达标' ? 1 : 0,
        method: '核查清单',
        note: line.status === '待核实' ? '待核实：请在「核查清单」中填写状态和佐证材料' : [line.evidence && `佐证：${line.evidence}`, line.remark].filter(Boolean).join('；'),
      });
      continue;
    }
    // Per-school / per-row items.
    const failing = failingOf.get(id)?.size ?? 0;
    const data = dataOf.get(id) ?? 0;
    const required = REQUIRED_TEXT[id]?.(std) ?? null;
    const tally = tallyOf[id];
    let status: ItemStatus;
    let value: string | null;
    let note: string;
    if (failing > 0) {
      status = '未达标';
      value = `${failing} ${unitWord(id)}未达标`;
      note = `${failing} ${unitWord(id)}未达标（见问题清单）${data > 0 ? `；另有 ${data} 处数据问题` : ''}`;
    } else if (!present[id]) {
      status = '数据不全';
      value = null;
      note = missingNote(id);
    } else if (data > 0) {
      status = '数据不全';
      value = null;
      note = `${data} 处数据问题（见问题清单），尚不能判定`;
    } else if (id === 'G7' && finance.specialSchools === 0) {
      status = '达标';
      value = '不适用';
      note = '县域内没有特殊教育学校';
    } else {
      status = '达标';
      value = tally ? `${tally.checked} ${unitWord(id)}均达标` : '均达标';
      note = id === 'G6' && tally && tally.checked === 0 ? `没有不足 ${formatThreshold(std.indicators.G6.thresholds.minStudents)} 名学生的学校` : '未发现问题';
    }
    out.push({ id, status, value, required, failing, method, note });
  }
  return out;
}

function missingNote(id: IndicatorId): string {
  switch (id) {
    case 'G3':
      return '学校台账缺少班级数或音乐、美术专用教室列';
    case 'G4':
      return '学校台账缺少在校生数';
    case 'G5':
      return '未找到班级台账';
    case 'G6':
      return '学校台账缺少「公用经费」或「生均基准定额」列';
    case 'G7':
      return '学校台账缺少「公用经费」或「生均公用经费」列';
    case 'G13':
      return '学校台账缺少「就近划片入学比例」「城乡类型」或「是否寄宿制」列';
    case 'Q3':
      return '学校台账缺少「章程」列';
    case 'Q4':
      return '学校台账缺少「教师培训经费」或「公用经费」列';
    default:
      return '缺少数据';
  }
}

function resourceItem(id: (typeof RESOURCE_IDS)[number], result: Pick<CheckResult, 'schools' | 'cv'>): ItemResult {
  let failing = 0;
  let missing = 0;
  let parts = 0;
  for (const s of result.schools) {
    if (s.excluded) continue;
    parts++;
    const r = s.indicators[id];
    if (!r || r.value === null) missing++;
    else if (r.pass === false && s.verdict !== '达标') failing++;
  }
  const cvs = result.cv.filter((c) => c.indicator === id);
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
    required: `各校达到标准（7 项中 ≥ 6 项）；差异系数 ${limits.join('，')}`,
    failing: failing + cvOver,
    method: '学校台账（资源配置、差异系数）',
    note: notes.length > 0 ? notes.join('；') : '所有参评学校达到，差异系数在标准内',
  };
}
