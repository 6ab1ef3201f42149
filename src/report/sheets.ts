import type { CheckResult, IndicatorResult, SchoolStageResult } from '../checks/types';
import type { Finding } from '../ledger/finding';
import { cellAddress, quoteSheetName } from '../ledger/grid';
import type { LedgerSet } from '../ledger/types';
import { RESOURCE_IDS, STAGES, type Standard, type Stage } from '../standard/schema';
import { formatNumber as trimNumber } from '../checks/format';
import { fitColumns, indicatorNumFmt, indicatorOf, isoDate, subtitle } from './format';
import type { ResolvedFinding } from './history';
import type { ModelCell, SheetModel } from './model';
import type { Plans } from './plans';

/** The summary sheets' names, exactly as hosts write them (in this order). */
export const RESOURCE_SHEET = '资源配置达标情况';
export const CV_SHEET = '校际差异系数';
export const FINDINGS_SHEET = '问题清单';
export const PLAN_SHEET = '补短板清单';
export const PROGRESS_SHEET = '整改进度';
/**
 * Every sheet the engine writes, in order. The last, 核查清单, is write-once (the user's answers live in it;
 * see SheetModel.writeOnce).
 */
export const SUMMARY_SHEETS = [
  RESOURCE_SHEET, CV_SHEET, FINDINGS_SHEET, PLAN_SHEET, PROGRESS_SHEET, '政府保障程度', '教育质量', '社会认可度', '自查自评总表', '核查清单',
] as const;

export const PASS_MARK = '✓';
export const FAIL_MARK = '✗';
export const MISSING_MARK = '—';

export interface ReportContext {
  std: Standard;
  /** Shown in each subtitle. */
  workbook: string;
  date: Date;
}

const text = (value: string | null, style: ModelCell['style'] = 'text'): ModelCell => ({ value: value ?? '', style });
const num = (value: number | null, numFmt?: string): ModelCell =>
  value === null || !Number.isFinite(value) ? { value: MISSING_MARK, style: 'warn' } : numFmt ? { value, style: 'number', numFmt } : { value, style: 'number' };

function passCell(pass: boolean | null): ModelCell {
  if (pass === null) return { value: MISSING_MARK, style: 'warn' };
  return pass ? { value: PASS_MARK, style: 'pass' } : { value: FAIL_MARK, style: 'fail' };
}

/** Schools in ledger order (sheet, row), 小学部 before 初中部. */
export function orderSchools(schools: readonly SchoolStageResult[]): SchoolStageResult[] {
  return schools
    .map((s, i) => ({ s, i }))
    .sort(
      (a, b) =>
        (a.s.sheet === b.s.sheet ? 0 : a.s.sheet < b.s.sheet ? -1 : 1) ||
        a.s.row - b.s.row ||
        STAGES.indexOf(a.s.stage) - STAGES.indexOf(b.s.stage) ||
        a.i - b.i,
    )
    .map((x) => x.s);
}

/** Link to the school's name cell in its ledger (the row's first column when the name cell is unknown). */
function schoolLink(s: { sheet: string; row: number; name: string }, ledgers: LedgerSet | null): { sheet: string; cell: string } {
  const rec = ledgers?.schools.find((r) => r.sheet === s.sheet && r.row === s.row);
  if (rec) return { sheet: rec.nameRef.sheet, cell: cellAddress(rec.nameRef.row, rec.nameRef.col) };
  return { sheet: s.sheet, cell: cellAddress(s.row, 1) };
}

function verdictCell(s: SchoolStageResult): ModelCell {
  if (s.excluded) return { value: '不参评', style: 'note' };
  switch (s.verdict) {
    case '达标':
      return { value: '达标', style: 'pass' };
    case '未达标':
      return { value: '未达标', style: 'fail' };
    default:
      return { value: s.verdict, style: 'warn' };
  }
}

interface NotAssessed {
  name: string;
  stage: Stage | null;
  students: number | null;
  reason: string;
  link: { sheet: string; cell: string };
  sheet: string;
  row: number;
}

/**
 * Every school left out of 资源配置 and the CV, so nothing disappears silently: the parts the checks
 * excluded (small 教学点), and the ledger's schools the checks did not assess at all (特殊教育学校 …).
 */
export function notAssessed(result: CheckResult, ledgers: LedgerSet | null): NotAssessed[] {
  const out: NotAssessed[] = result.schools
    .filter((s) => s.excluded)
    .map((s) => ({
      name: s.name,
      stage: s.stage,
      students: s.students,
      reason: s.excludedReason ?? '不参与资源配置评估',
      link: schoolLink(s, ledgers),
      sheet: s.sheet,
      row: s.row,
    }));
  const assessed = new Set(result.schools.map((s) => `${s.sheet}\u0000${s.row}`));
  for (const rec of ledgers?.schools ?? []) {
    if (assessed.has(`${rec.sheet}\u0000${rec.row}`)) continue;
    const st = rec.quantities.students;
    const parts = st ? [st.小学?.value, st.初中?.value].filter((v): v is number => typeof v === 'number') : [];
    const students = parts.length > 0 ? parts.reduce((a, b) => a + b, 0) : (st?.all?.value ?? null);
    out.push({
      name: rec.name,
      stage: null,
      students,
      reason: rec.type === '特殊教育学校' ? '特殊教育学校不参与资源配置评估和差异系数计算' : '未参与资源配置评估（学段或数据无法确定，见问题清单）',
      link: { sheet: rec.nameRef.sheet, cell: cellAddress(rec.nameRef.row, rec.nameRef.col) },
      sheet: rec.sheet,
      row: rec.row,
    });
  }
  return out
    .map((x, i) => ({ x, i }))
    .sort((a, b) => (a.x.sheet === b.x.sheet ? 0 : a.x.sheet < b.x.sheet ? -1 : 1) || a.x.row - b.x.row || STAGES.indexOf(a.x.stage ?? '小学') - STAGES.indexOf(b.x.stage ?? '小学') || a.i - b.i)
    .map(({ x }) => x);
}

/** 资源配置达标情况: one row per school and 学段. */
export function buildResourceSheet(result: CheckResult, ledgers: LedgerSet | null, ctx: ReportContext): SheetModel {
  const { std } = ctx;
  const headers = ['学校', '学校类型', '学段', '在校生数'];
  for (const id of RESOURCE_IDS) {
    const ind = std.indicators[id];
    headers.push(`${id} ${ind.name}${ind.unit ? `（${ind.unit}）` : ''}`, `${id}达标`);
  }
  headers.push('达标项数', '结论', '说明');

  const rows: ModelCell[][] = [];
  const counts = { 达标: 0, 未达标: 0, 数据不全: 0, 不参评: 0 };
  // Ledger schools the checks did not assess at all (特殊教育学校 …) get a 不参评 row at their ledger position.
  const unassessed = notAssessed(result, ledgers).filter((n) => n.stage === null);
  const typeOf = (n: NotAssessed) => ledgers?.schools.find((r) => r.sheet === n.sheet && r.row === n.row)?.type ?? null;
  const entries: ({ kind: 'result'; s: SchoolStageResult } | { kind: 'unassessed'; n: NotAssessed })[] = [
    ...orderSchools(result.schools).map((s) => ({ kind: 'result' as const, s })),
  ];
  for (const n of unassessed) {
    const at = entries.findIndex((e) => e.kind === 'result' && (e.s.sheet > n.sheet || (e.s.sheet === n.sheet && e.s.row > n.row)));
    entries.splice(at < 0 ? entries.length : at, 0, { kind: 'unassessed', n });
  }
  for (const e of entries) {
    if (e.kind === 'unassessed') {
      const row: ModelCell[] = [{ value: e.n.name, style: 'link', link: e.n.link }, text(typeOf(e.n) ?? MISSING_MARK), text(MISSING_MARK), num(e.n.students, '#,##0')];
      for (let i = 0; i < RESOURCE_IDS.length * 2 + 1; i++) row.push(text(''));
      row.push({ value: '不参评', style: 'note' }, text(e.n.reason, 'note'));
      counts.不参评 += 1;
      rows.push(row);
      continue;
    }
    const s = e.s;
    const row: ModelCell[] = [
      { value: s.name, style: 'link', link: schoolLink(s, ledgers) },
      text(s.type ?? MISSING_MARK),
      text(s.stage),
      num(s.students, '#,##0'),
    ];
    const apportioned: string[] = [];
    for (const id of RESOURCE_IDS) {
      const r: IndicatorResult | undefined = s.indicators[id];
      row.push(num(r ? r.value : null, indicatorNumFmt(std.indicators[id])), passCell(r ? r.pass : null));
      if (r?.apportioned) apportioned.push(id);
    }
    row.push({ value: s.reached, style: 'number', numFmt: `0"/${RESOURCE_IDS.length}"` }, verdictCell(s));
    const notes: string[] = [];
    if (s.excluded) notes.push(s.excludedReason ?? '不参加资源配置评估');
    if (apportioned.length > 0) notes.push(`${apportioned.join('、')} 由全校数按加权学生数分摊`);
    row.push(text(notes.join('；'), 'note'));
    counts[s.excluded ? '不参评' : s.verdict] += 1;
    rows.push(row);
  }
  const columns = fitColumns(headers, rows, { headerMax: 16 });
  if (rows.length > 0) {
    rows.push([
      text(
        `共 ${rows.length} 行：达标 ${counts.达标}，未达标 ${counts.未达标}，数据不全 ${counts.数据不全}，不参评 ${counts.不参评}`,
        'note',
      ),
    ]);
  }
  return {
    name: RESOURCE_SHEET,
    title: RESOURCE_SHEET,
    subtitle: subtitle(ctx.workbook, std, ctx.date),
    columns,
    rows,
    autoFilter: false,
  };
}

const POSITION: Record<'below' | 'above' | 'equal', string> = { below: '低于县域均值', above: '高于县域均值', equal: '等于县域均值' };

/**
 * The 测算 block of one CV over its limit: each school's share of the spread (largest first, below or above the
 * county value), then the least additions that bring the CV within the limit and the CV after them.
 */
function cvPlanRows(p: Plans['cv'][number], ledgers: LedgerSet | null, std: Standard): ModelCell[][] {
  const ind = std.indicators[p.cv.indicator];
  const fmt = indicatorNumFmt(ind);
  const unitFmt = (v: number) => `${Number.isInteger(v) ? '#,##0' : '#,##0.00'}${ind.unit && ind.unit !== '%' ? `" ${ind.unit}"` : ''}`;
  const rows: ModelCell[][] = [[]];
  const head = `${p.cv.stage} ${p.cv.indicator} ${ind.name}：差异系数 ${p.cv.value === null ? MISSING_MARK : p.cv.value.toFixed(3)}，超过标准 ${p.cv.limit}`;
  rows.push([text(`${head}。各校对差异的贡献（由大到小）`, 'warn')]);
  rows.push([text('学校', 'note'), text('在校生数', 'note'), text('指标值', 'note'), text('与县域均值相比', 'note'), text('占差异的比重', 'note')]);
  for (const s of p.shares) {
    rows.push([
      { value: s.school, style: 'link', link: schoolLink({ ...s, name: s.school }, ledgers) },
      num(s.students, '#,##0'),
      num(s.value, fmt),
      text(POSITION[s.position]),
      num(s.share, '0.0%'),
    ]);
  }
  const plan = p.plan;
  if (plan.additions.length === 0) {
    rows.push([text('测算：未能找到使差异系数达标的增加方案（请核对数据）', 'note')]);
    return rows;
  }
  const costs = plan.additions.some((a) => a.cost !== undefined);
  rows.push([
    text(`测算：以下学校按所列数量增加后，差异系数由 ${p.cv.value === null ? MISSING_MARK : p.cv.value.toFixed(3)} 降至 ${plan.cvAfter === null ? MISSING_MARK : plan.cvAfter.toFixed(3)}`, 'warn'),
  ]);
  rows.push([
    text('学校', 'note'),
    text('需增加', 'note'),
    text('指标值（现）', 'note'),
    text('指标值（增加后）', 'note'),
    text(costs ? '预计投入' : '', 'note'),
    text('说明', 'note'),
  ]);
  for (const a of plan.additions) {
    const note = a.apportioned
      ? a.wholeSchoolAdd !== undefined
        ? `全校增加，本学段分摊 ${trimNumber(a.add, 2)}${ind.unit ? ` ${ind.unit}` : ''}`
        : '本学段按分摊所需（全校需按学段比例折算）'
      : '';
    rows.push([
      { value: a.school, style: 'link', link: schoolLink({ ...a, name: a.school }, ledgers) },
      num(a.wholeSchoolAdd ?? a.add, unitFmt(a.wholeSchoolAdd ?? a.add)),
      num(a.valueBefore, fmt),
      num(a.valueAfter, fmt),
      a.cost !== undefined ? num(a.cost, '#,##0" 元"') : text(''),
      text(note, 'note'),
    ]);
  }
  rows.push([text('增加后差异系数', 'note'), text(''), text(''), num(plan.cvAfter, '0.000'), text(''), plan.reached ? passCell(true) : passCell(false)]);
  return rows;
}

/**
 * 校际差异系数: per 学段 and indicator, the 综合差异系数 for reference; for each CV over its limit the schools'
 * shares of the spread and the least additions that bring it within the limit (`cvPlans`); then the schools
 * left out.
 */
export function buildCvSheet(result: CheckResult, ledgers: LedgerSet | null, ctx: ReportContext, cvPlans?: Plans['cv']): SheetModel {
  const { std } = ctx;
  const headers = ['指标', '学段', '县域均值', '差异系数', '标准 ≤', '结果', '参评学校数'];
  const rows: ModelCell[][] = [];
  const stageIdx = (s: Stage) => STAGES.indexOf(s);
  const cvs = result.cv
    .map((c, i) => ({ c, i }))
    .sort(
      (a, b) =>
        stageIdx(a.c.stage) - stageIdx(b.c.stage) ||
        RESOURCE_IDS.indexOf(a.c.indicator) - RESOURCE_IDS.indexOf(b.c.indicator) ||
        a.i - b.i,
    )
    .map((x) => x.c);
  for (const stage of STAGES) {
    const inStage = cvs.filter((c) => c.stage === stage);
    if (inStage.length === 0 && result.compositeCv[stage] === null) continue;
    for (const c of inStage) {
      const ind = std.indicators[c.indicator];
      rows.push([
        text(`${c.indicator} ${ind.name}`),
        text(c.stage),
        num(c.countyValue, indicatorNumFmt(ind)),
        num(c.value, '0.000'),
        num(c.limit, '0.00'),
        passCell(c.pass),
        { value: c.schools, style: 'number', numFmt: '0' },
      ]);
    }
    rows.push([
      text('综合差异系数（七项平均，仅供参考）', 'note'),
      text(stage),
      text(''),
      num(result.compositeCv[stage], '0.000'),
      text(''),
      text('仅供参考', 'note'),
      text(''),
    ]);
  }
  const columns = fitColumns(headers, rows, { headerMax: 16 });

  for (const p of cvPlans ?? []) rows.push(...cvPlanRows(p, ledgers, std));

  const excluded = notAssessed(result, ledgers);
  rows.push([]);
  if (excluded.length === 0) {
    rows.push([text('未参评学校：无', 'note')]);
  } else {
    rows.push([text(`未参评学校（${excluded.length}）`, 'note'), text('学段', 'note'), text('在校生数', 'note'), text('原因', 'note')]);
    for (const s of excluded) {
      rows.push([
        { value: s.name, style: 'link', link: s.link },
        text(s.stage ?? MISSING_MARK),
        num(s.students, '#,##0'),
        text(s.reason),
      ]);
    }
  }
  return {
    name: CV_SHEET,
    title: CV_SHEET,
    subtitle: subtitle(ctx.workbook, std, ctx.date),
    columns,
    rows,
    autoFilter: false,
  };
}

function statusCell(status: '新发现' | '仍未整改' | '已整改'): ModelCell {
  return { value: status, style: status === '已整改' ? 'pass' : status === '新发现' ? 'warn' : 'fail' };
}

function findingValue(v: number | string | null, fmt: string | undefined): ModelCell {
  if (v === null) return text('');
  if (typeof v === 'string') return text(v);
  return num(v, fmt);
}

/** The 整改 side of 问题清单: statuses aligned with the findings, and the previous run's findings now gone. */
export interface FindingsTracking {
  tracks: readonly { status: '新发现' | '仍未整改'; firstSeen: string }[];
  resolved: readonly ResolvedFinding[];
  previousAt: string | null;
}

/**
 * 问题清单: one row per finding, in the order given (the engine sorts them by location), with its 整改 status
 * (新发现 / 仍未整改) and the date it was first found; then one row per finding of the previous run that this run
 * did not find again (状态 已整改; the cell is shown as it was then, as text: the row may have moved). Without
 * `tracking` every finding is 新发现 as of the run's date.
 */
export function buildFindingsSheet(findings: readonly Finding[], ctx: ReportContext, tracking?: FindingsTracking): SheetModel {
  const { std } = ctx;
  const headers = ['序号', '类别', '工作表', '单元格', '学校', '学段', '指标', '实际值', '标准值', '差距', '说明', '责任单位', '状态', '首次发现日期'];
  const today = isoDate(ctx.date);
  const indicatorLabel = (id: string | null, measure?: 'cv'): string => {
    const ind = indicatorOf(std, id);
    return id === null ? '' : ind ? `${id} ${ind.short ?? ind.name}${measure === 'cv' ? '（差异系数）' : ''}` : id;
  };
  const rows: ModelCell[][] = findings.map((f, i) => {
    const track = tracking?.tracks[i];
    const status = track?.status ?? '新发现';
    const ind = indicatorOf(std, f.indicator);
    const fmt = f.measure === 'cv' ? '0.00' : ind ? indicatorNumFmt(ind) : undefined;
    const hasCell = f.sheet !== null && f.cell !== null && f.sheet !== '' && f.cell !== '';
    return [
      { value: i + 1, style: 'number', numFmt: '0' },
      f.kind === 'data' ? text('数据问题', 'warn') : text('达标问题', 'fail'),
      text(f.sheet ?? ''),
      hasCell
        ? { value: `${quoteSheetName(f.sheet as string)}!${f.cell}`, style: 'link', link: { sheet: f.sheet as string, cell: f.cell as string } }
        : text(''),
      text(f.school ?? ''),
      text(f.stage ?? ''),
      text(indicatorLabel(f.indicator, f.measure)),
      findingValue(f.actual, fmt),
      findingValue(f.required, fmt),
      f.gap === null ? text('') : num(f.gap, fmt),
      text(f.message),
      text(f.departments.join('、')),
      statusCell(status),
      text(track?.firstSeen ?? today),
    ];
  });
  const since = tracking?.previousAt ? `上次检查（${tracking.previousAt}）发现，本次检查未再发现` : '上次检查发现，本次检查未再发现';
  for (const r of tracking?.resolved ?? []) {
    // A 差异系数 finding is the only resource finding without a school.
    const cv = r.school === null && (RESOURCE_IDS as readonly string[]).includes(r.indicator ?? '');
    const ind = indicatorOf(std, r.indicator);
    const fmt = cv ? '0.00' : ind ? indicatorNumFmt(ind) : undefined;
    rows.push([
      { value: rows.length + 1, style: 'number', numFmt: '0' },
      r.kind === 'data' ? text('数据问题', 'warn') : text('达标问题', 'fail'),
      text(r.sheet ?? ''),
      text(r.sheet !== null && r.cell !== null ? `${quoteSheetName(r.sheet)}!${r.cell}` : ''),
      text(r.school ?? ''),
      text(r.stage ?? ''),
      text(indicatorLabel(r.indicator, cv ? 'cv' : undefined)),
      findingValue(r.actual, fmt),
      text(''),
      text(''),
      text(since, 'note'),
      text(r.departments.join('、')),
      statusCell('已整改'),
      text(r.firstSeen),
    ]);
  }
  return {
    name: FINDINGS_SHEET,
    title: FINDINGS_SHEET,
    subtitle: subtitle(ctx.workbook, std, ctx.date),
    columns: fitColumns(headers, rows, { headerMax: 16, max: 60 }),
    rows,
    autoFilter: true,
  };
}
