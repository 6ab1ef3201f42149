/** 自查自评总表: one page for the county leadership. */
import type { CheckResult, ItemResult } from '../../checks/types';
import { GUARANTEE_IDS, QUALITY_IDS, RESOURCE_IDS, SATISFACTION_IDS, STAGES } from '../../standard/schema';
import { fitColumns, subtitle } from '../format';
import type { ModelCell, SheetModel } from '../model';
import { text, type ReportContext } from './cells';
import { itemsOf, statusCell, valueCell } from './item-sheet';
import { countyVerdict } from '../verdict';
import { OVERVIEW_SHEET } from '../../ledger/tool-sheets';

export { OVERVIEW_SHEET };

/**
 * The county would pass today only when every item of the standard is 达标 and no 一票否决 item is present or
 * unanswered (see report/verdict.ts).
 */
export function passToday(result: CheckResult): { pass: boolean; blocking: ItemResult[] } {
  const v = countyVerdict(result);
  return { pass: v.pass, blocking: v.blocking };
}

/**
 * 自查自评总表: one page for the county leadership — the verdict first (would the county pass today, and
 * which items block it), then the four parts with each item's status, the schools 达标 per 学段, every
 * 差异系数 against its limit, and the checklist items still open.
 */
export function buildOverviewSheet(result: CheckResult, ctx: ReportContext): SheetModel {
  const { std } = ctx;
  const headers = ['项目', '状态', '实际值 / 情况', '标准 / 说明'];
  const rows: ModelCell[][] = [];
  const verdict = countyVerdict(result);
  const { pass, blocking, vetoed, vetoOpen } = verdict;
  const section = (t: string) => rows.push([text(t, 'note'), text(''), text(''), text('')]);

  const open = blocking.length + vetoOpen.length;
  rows.push([
    text('按目前数据，全县能否通过优质均衡督导评估'),
    pass ? { value: '能', style: 'pass' } : { value: '否', style: 'fail' },
    text(
      pass
        ? '各项均已达标，一票否决项均不存在'
        : vetoed.length > 0
          ? `一票否决：${vetoed.length} 项填报为存在，全县不能通过认定`
          : `有 ${open} 项尚未达标或未确认`,
    ),
    text(pass ? '' : `阻碍项 —— ${verdict.reason}`, pass ? 'note' : 'fail'),
  ]);
  if (result.assessmentYear !== undefined) {
    const tr = std.transition;
    const inForce = (['roomsBuiltEarly', 'roomsSmallRural', 'sizeBuiltEarlyOrMigrant', 'peArtSmallRural', 'sportsCityCentre'] as const).some((k) => {
      const y = result.assessmentYear;
      return y !== null && y !== undefined && y >= tr[k].years[0] && y <= tr[k].years[1];
    });
    const used = (result.transitions ?? []).length;
    rows.push([
      text('评估年度与《规程》过渡期标准'),
      text(result.assessmentYear === null ? '—' : String(result.assessmentYear)),
      text(inForce ? `评估年度在${tr.name}过渡期内：符合条件的学校按过渡期标准判定${used > 0 ? `，${used} 处仅按过渡期标准达标` : ''}` : '评估年度不在《规程》过渡期内：全部按完整标准判定'),
      text('过渡期标准只用于判定；补短板清单仍按完整标准列出所需', 'note'),
    ]);
  }

  section('一、资源配置');
  for (const stage of STAGES) {
    const parts = result.schools.filter((s) => s.stage === stage);
    if (parts.length === 0) continue;
    const included = parts.filter((s) => !s.excluded);
    const n = (v: string) => included.filter((s) => s.verdict === v).length;
    const all = included.length > 0 && n('达标') === included.length;
    rows.push([
      text(`${stage}：学校达标情况`),
      included.length === 0 ? statusCell('数据不全') : all ? statusCell('达标') : n('未达标') > 0 ? statusCell('未达标') : statusCell('数据不全'),
      text(`参评 ${included.length} 所，达标 ${n('达标')}，未达标 ${n('未达标')}，数据不全 ${n('数据不全')}`),
      text(`不参评 ${parts.length - included.length} 所；7 项中 ≥ ${std.settings.minReached} 项达标且其余 ≥ 标准的 ${Math.round(std.settings.minShare * 100)}%`),
    ]);
  }
  for (const stage of STAGES) {
    for (const id of RESOURCE_IDS) {
      const c = result.cv.find((x) => x.stage === stage && x.indicator === id);
      if (!c) continue;
      rows.push([
        text(`${stage} ${id} ${std.indicators[id].name} 差异系数`),
        c.pass === null ? statusCell('数据不全') : statusCell(c.pass ? '达标' : '未达标'),
        c.value === null ? { value: '—', style: 'warn' } : { value: c.value, style: 'number', numFmt: '0.000' },
        text(`≤ ${c.limit.toFixed(2)}`),
      ]);
    }
  }
  const itemLine = (it: ItemResult) =>
    rows.push([
      // The leadership page uses the short names; the part sheets carry the standard's full wording.
      text(`${it.id} ${std.indicators[it.id].short ?? std.indicators[it.id].name}`),
      statusCell(it.status),
      it.value === null ? text(it.note, 'note') : valueCell(std, it.id, it.value),
      typeof it.required === 'number' ? valueCell(std, it.id, it.required) : text(it.required ?? ''),
    ]);
  for (const it of itemsOf(result, RESOURCE_IDS)) itemLine(it);
  section('二、政府保障程度');
  for (const it of itemsOf(result, GUARANTEE_IDS)) itemLine(it);
  section('三、教育质量');
  for (const it of itemsOf(result, QUALITY_IDS)) itemLine(it);
  section('四、社会认可度');
  for (const it of itemsOf(result, SATISFACTION_IDS)) itemLine(it);

  const veto = result.veto ?? [];
  if (veto.length > 0) {
    section('五、一票否决（任一项存在，全县不予认定）');
    for (const v of veto) {
      const cell: ModelCell =
        v.status === '达标' ? { value: '不存在', style: 'pass' } : v.status === '未达标' ? { value: '存在', style: 'fail' } : { value: v.onSheet ? '待核实' : '未填写', style: 'warn' };
      rows.push([
        text(`${v.id} ${v.item}`),
        cell,
        text(v.evidence || v.remark),
        text(
          v.status === '未达标'
            ? '全县不能通过认定'
            : v.onSheet
              ? v.status === '达标' ? '' : '请在「核查清单」中填写状态（达标 = 不存在，未达标 = 存在）'
              : '现有「核查清单」中没有这一行：请在表末添加编号为此项的一行并填写状态',
          v.status === '未达标' ? 'fail' : 'note',
        ),
      ]);
    }
  }

  const openLines = result.checklist.filter((l) => l.status === '待核实');
  section(`待核实的核查清单项（${openLines.length}）`);
  if (openLines.length === 0) rows.push([text('无', 'note'), text(''), text(''), text('')]);
  for (const l of openLines) rows.push([text(`${l.id} ${l.item}`), statusCell('待核实'), text(l.content), text('请在「核查清单」中填写状态和佐证材料', 'note')]);

  return {
    name: OVERVIEW_SHEET,
    title: OVERVIEW_SHEET,
    subtitle: subtitle(ctx.workbook, std, ctx.date),
    columns: fitColumns(headers, rows, { headerMax: 16, max: 70 }),
    rows,
    autoFilter: false,
  };
}
