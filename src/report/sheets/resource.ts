/** 资源配置达标情况: one row per school and 学段 with R1–R7 against their thresholds and the verdict. */
import type { CheckResult, IndicatorResult, SchoolStageResult } from '../../checks/types';
import type { LedgerSet } from '../../ledger/types';
import { RESOURCE_IDS } from '../../standard/schema';
import { fitColumns, indicatorNumFmt, subtitle } from '../format';
import type { ModelCell, SheetModel } from '../model';
import { MISSING_MARK, notAssessed, num, orderSchools, passCell, schoolLink, text, type NotAssessed, type ReportContext } from './cells';
import { RESOURCE_SHEET } from '../../ledger/tool-sheets';

export { RESOURCE_SHEET };

/** What the sheet says when indicator values were taken from the ledger as the county computed them (表Ⅱ-2). */
export const GIVEN_NOTE = '指标值按台账中县（学校）已计算的数值采用，未由原始数量复算';

/** An indicator's value cell: the value, 不适用, or — when missing. */
function valueCell(r: IndicatorResult | undefined, numFmt: string): ModelCell {
  if (r?.notApplicable) return { value: '不适用', style: 'note' };
  return num(r ? r.value : null, numFmt);
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
    const given: string[] = [];
    for (const id of RESOURCE_IDS) {
      const r: IndicatorResult | undefined = s.indicators[id];
      row.push(valueCell(r, indicatorNumFmt(std.indicators[id])), r?.notApplicable ? text('不适用', 'note') : passCell(r ? r.pass : null));
      if (r?.apportioned) apportioned.push(id);
      if (r?.given) given.push(id);
    }
    row.push({ value: s.reached, style: 'number', numFmt: `0"/${RESOURCE_IDS.length}"` }, verdictCell(s));
    const notes: string[] = [];
    if (s.excluded) notes.push(s.excludedReason ?? '不参加资源配置评估');
    if (apportioned.length > 0) notes.push(`${apportioned.join('、')} 由全校数按加权学生数分摊`);
    const relaxed = RESOURCE_IDS.filter((id) => s.indicators[id]?.transition);
    if (relaxed.length > 0) {
      notes.push(
        `${relaxed.join('、')} 按《规程》过渡期标准计入走教/兼职教师或租赁、改造场地` +
          (s.fullVerdict !== undefined && s.fullVerdict !== s.verdict ? `；按完整标准为${s.fullVerdict}` : ''),
      );
    }
    if (given.length > 0) notes.push(`${given.length === RESOURCE_IDS.length ? 'R1–R7' : given.join('、')} 取自台账中已计算的指标值`);
    for (const remark of s.remarks ?? []) notes.push(remark);
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
  const anyGiven = result.schools.some((s) => RESOURCE_IDS.some((id) => s.indicators[id]?.given));
  return {
    name: RESOURCE_SHEET,
    title: RESOURCE_SHEET,
    subtitle: `${subtitle(ctx.workbook, std, ctx.date)}${anyGiven ? `　${GIVEN_NOTE}` : ''}`,
    columns,
    rows,
    autoFilter: false,
  };
}
