/** 校际差异系数: the CVs per 学段 and indicator, the plans of the CVs over their limit, the schools left out. */
import type { CheckResult } from '../../checks/types';
import type { LedgerSet } from '../../ledger/types';
import { RESOURCE_IDS, STAGES, type Standard, type Stage } from '../../standard/schema';
import { formatNumber as trimNumber } from '../../checks/format';
import { fitColumns, indicatorNumFmt, subtitle } from '../format';
import type { ModelCell, SheetModel } from '../model';
import type { Plans } from '../plans';
import { MISSING_MARK, notAssessed, num, passCell, schoolLink, text, type ReportContext } from './cells';
import { CV_SHEET } from '../../ledger/tool-sheets';

export { CV_SHEET };

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
      { value: s.school, style: 'link', link: schoolLink(s, ledgers) },
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
      { value: a.school, style: 'link', link: schoolLink(a, ledgers) },
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
