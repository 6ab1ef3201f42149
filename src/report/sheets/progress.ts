/**
 * 整改进度: open problems at each run, per 责任单位 and per indicator, with a line chart where the host can
 * draw one.
 */
import { INDICATOR_IDS } from '../../standard/schema';
import { fitColumns, subtitle } from '../format';
import { HISTORY_LIMIT, departmentsOf, type HistoryRun } from '../history';
import type { ModelCell, SheetModel } from '../model';
import { text, type ReportContext } from './cells';
import { departmentOrder } from './plan';
import { PROGRESS_SHEET } from '../../ledger/tool-sheets';

export { PROGRESS_SHEET };

/**
 * 整改进度: the open 达标问题 at each run kept in the history (columns = run dates, the current run last): per
 * 责任单位 (a problem counts once for each unit the standard assigns to its indicator), then per indicator, then
 * the totals (数据问题 too). The 责任单位 rows start right under the header, so they carry the line chart.
 */
export function buildProgressSheet(history: readonly HistoryRun[], ctx: ReportContext): SheetModel {
  const { std } = ctx;
  const runs = history.length > 0 ? history : [];
  const dates = runs.map((r) => r.at);
  const withChange = runs.length >= 2;
  const headers = ['责任单位', ...dates, ...(withChange ? ['较上次'] : [])];
  const counts = (pick: (f: HistoryRun['findings'][number]) => boolean) => runs.map((r) => r.findings.filter(pick).length);
  const line = (label: string, values: number[], style: ModelCell['style'] = 'text'): ModelCell[] => {
    const row: ModelCell[] = [text(label, style), ...values.map((v): ModelCell => ({ value: v, style: 'number', numFmt: '0' }))];
    if (withChange) {
      const d = values[values.length - 1] - values[values.length - 2];
      row.push({ value: d, style: d < 0 ? 'pass' : d > 0 ? 'fail' : 'number', numFmt: '+0;-0;0' });
    }
    return row;
  };
  const rows: ModelCell[][] = [];
  const open = (f: HistoryRun['findings'][number]) => f[8] !== 'd';
  const deptRows: ModelCell[][] = [];
  for (const d of departmentOrder(std)) {
    const v = counts((f) => open(f) && departmentsOf(std, f[1]).includes(d));
    if (v.some((x) => x > 0)) deptRows.push(line(d, v));
  }
  rows.push(...deptRows);
  if (deptRows.length === 0) rows.push([text('各次检查均无未整改的达标问题', 'note')]);
  rows.push([]);
  rows.push([text('指标', 'note'), ...dates.map((d) => text(d, 'note'))]);
  const ids: string[] = [...INDICATOR_IDS];
  const seen = new Set<string>();
  for (const r of runs) for (const f of r.findings) if (open(f) && f[1] !== null) seen.add(f[1]);
  const indicatorIds = [...seen].sort((a, b) => (ids.indexOf(a) < 0 ? 999 : ids.indexOf(a)) - (ids.indexOf(b) < 0 ? 999 : ids.indexOf(b)) || (a < b ? -1 : 1));
  for (const id of indicatorIds) {
    const ind = (std.indicators as Record<string, { name: string; short?: string } | undefined>)[id];
    rows.push(line(ind ? `${id} ${ind.short ?? ind.name}` : id, counts((f) => open(f) && f[1] === id)));
  }
  const unassigned = counts((f) => open(f) && f[1] === null);
  if (unassigned.some((x) => x > 0)) rows.push(line('其他', unassigned));
  rows.push([]);
  rows.push(line('达标问题合计', counts(open), 'warn'));
  rows.push(line('数据问题合计', counts((f) => !open(f)), 'warn'));
  const columns = fitColumns(headers, rows, { headerMax: 16 });
  rows.push([
    text(
      `说明：每列为一次检查时尚未整改的问题数（同一天多次检查只保留最后一次，最多保留最近 ${HISTORY_LIMIT} 次）；` +
        '一个问题涉及多个责任单位时分别计入各单位。清除标记会同时清除整改记录。',
      'note',
    ),
  ]);
  const model: SheetModel = { name: PROGRESS_SHEET, title: PROGRESS_SHEET, subtitle: subtitle(ctx.workbook, std, ctx.date), columns, rows, autoFilter: false };
  if (deptRows.length > 0 && dates.length > 0) {
    model.chart = { type: 'line', title: '未整改达标问题数（按责任单位）', seriesRows: deptRows.length, valueColumns: dates.length };
  }
  return model;
}
