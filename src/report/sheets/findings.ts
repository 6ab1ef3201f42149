/** 问题清单: every finding, with its 整改 status, and the previous run's findings now gone. */
import type { TransitionUse } from '../../checks/types';
import type { Amount, FigureUnit, Finding } from '../../ledger/finding';
import { quoteSheetName } from '../../ledger/grid';
import { RESOURCE_IDS } from '../../standard/schema';
import { findingUnit, fitColumns, indicatorOf, isoDate, subtitle, unitNumFmt } from '../format';
import type { ResolvedFinding } from '../history';
import type { ModelCell, SheetModel } from '../model';
import { num, text, type ReportContext } from './cells';
import { FINDINGS_SHEET } from '../../ledger/tool-sheets';

export { FINDINGS_SHEET };

function statusCell(status: '新发现' | '仍未整改' | '已整改'): ModelCell {
  return { value: status, style: status === '已整改' ? 'pass' : status === '新发现' ? 'warn' : 'fail' };
}

/** A figure in its unit's format; a number without a known unit as a bare number (never another unit's format). */
function findingValue(v: number | string | null, unit: FigureUnit | null): ModelCell {
  if (v === null) return text('');
  if (typeof v === 'string') return text(v);
  return num(v, unit ? unitNumFmt(unit) : undefined);
}

/** 需补足: the quantity to add, in its own unit. */
function needCell(need: Amount | undefined): ModelCell {
  return need ? num(need.value, unitNumFmt(need)) : text('');
}

/** The column headers of 问题清单: 差距 in the unit of 实际值 / 标准值, 需补足 the absolute quantity in its own. */
export const FINDINGS_HEADERS = ['序号', '类别', '工作表', '单元格', '学校', '学段', '指标', '实际值', '标准值', '差距', '需补足', '说明', '责任单位', '状态', '首次发现日期'] as const;

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
export function buildFindingsSheet(
  findings: readonly Finding[],
  ctx: ReportContext,
  tracking?: FindingsTracking,
  transitions: readonly TransitionUse[] = [],
): SheetModel {
  const { std } = ctx;
  const headers = [...FINDINGS_HEADERS];
  const today = isoDate(ctx.date);
  const indicatorLabel = (id: string | null, measure?: 'cv'): string => {
    const ind = indicatorOf(std, id);
    return id === null ? '' : ind ? `${id} ${ind.short ?? ind.name}${measure === 'cv' ? '（差异系数）' : ''}` : id;
  };
  const rows: ModelCell[][] = findings.map((f, i) => {
    const track = tracking?.tracks[i];
    const status = track?.status ?? '新发现';
    const unit = findingUnit(std, f);
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
      findingValue(f.actual, unit),
      findingValue(f.required, unit),
      f.gap === null ? text('') : findingValue(f.gap, unit),
      needCell(f.need),
      text(f.message),
      text(f.departments.join('、')),
      statusCell(status),
      text(track?.firstSeen ?? today),
    ];
  });
  // Verdicts only a 《规程》 relaxed limit made 达标: not failing today, but the full standard is still short.
  for (const t of transitions) {
    const ind = indicatorOf(std, t.indicator);
    const unit = t.unit ?? (ind ? { unit: ind.unit, decimals: ind.precision } : null);
    rows.push([
      { value: rows.length + 1, style: 'number', numFmt: '0' },
      text('过渡期达标', 'warn'),
      text(t.sheet ?? ''),
      t.sheet && t.cell ? { value: `${quoteSheetName(t.sheet)}!${t.cell}`, style: 'link', link: { sheet: t.sheet, cell: t.cell } } : text(''),
      text(t.school),
      text(t.stage ?? ''),
      text(indicatorLabel(t.indicator)),
      findingValue(t.actual, unit),
      findingValue(t.full, unit),
      // 差距 to the full standard in the unit of 实际值 (below a floor, or above a ceiling such as G4's size).
      findingValue(Math.abs(t.full - t.actual), unit),
      needCell(t.need),
      text(t.message),
      text(ind ? ind.departments.join('、') : ''),
      text('过渡期', 'note'),
      text(today),
    ]);
  }
  const since = tracking?.previousAt ? `上次检查（${tracking.previousAt}）发现，本次检查未再发现` : '上次检查发现，本次检查未再发现';
  for (const r of tracking?.resolved ?? []) {
    // A 差异系数 finding is the only resource finding without a school.
    const cv = r.school === null && (RESOURCE_IDS as readonly string[]).includes(r.indicator ?? '');
    rows.push([
      { value: rows.length + 1, style: 'number', numFmt: '0' },
      r.kind === 'data' ? text('数据问题', 'warn') : text('达标问题', 'fail'),
      text(r.sheet ?? ''),
      text(r.sheet !== null && r.cell !== null ? `${quoteSheetName(r.sheet)}!${r.cell}` : ''),
      text(r.school ?? ''),
      text(r.stage ?? ''),
      text(indicatorLabel(r.indicator, cv ? 'cv' : undefined)),
      // The unit the run that found it recorded; a record without one shows the bare number.
      findingValue(r.actual, r.unit ?? null),
      text(''),
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
