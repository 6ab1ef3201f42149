/** 社会认可度: S1, then the survey figures as read from the 县级数据 sheet. */
import type { CheckResult } from '../../checks/types';
import { cellAddress } from '../../ledger/grid';
import type { CountyItem, LedgerSet } from '../../ledger/types';
import { SATISFACTION_IDS } from '../../standard/schema';
import type { ModelCell, SheetModel } from '../model';
import { text, type ReportContext } from './cells';
import { itemSheet } from './item-sheet';
import { SATISFACTION_SHEET } from '../../ledger/tool-sheets';

export { SATISFACTION_SHEET };

const SURVEY_ITEMS: readonly CountyItem[] = ['satisfaction', 'surveyed', 'satisfied', 'basicallySatisfied', 'dissatisfied'];

/** 社会认可度: S1, then the survey figures as read from the 县级数据 sheet. */
export function buildSatisfactionSheet(result: CheckResult, ledgers: LedgerSet | null, ctx: ReportContext): SheetModel {
  const extra: ModelCell[][] = [];
  const county = ledgers?.county ?? null;
  const figs = county ? SURVEY_ITEMS.map((k) => county.figures[k]).filter((f) => f !== undefined) : [];
  extra.push([]);
  if (figs.length === 0) {
    extra.push([text('未找到满意度调查数据：请在县级数据表中填写「社会认可度」（百分比）或「调查人数」「满意人数」「基本满意人数」「不满意人数」', 'note')]);
  } else {
    extra.push([text('调查数据', 'note'), text('数值', 'note'), text('来源', 'note')]);
    for (const f of figs) {
      if (!f) continue;
      const value: ModelCell = f.value === null ? { value: '—', style: 'warn' } : f.item === 'satisfaction' ? { value: f.value, style: 'number', numFmt: '0.0%' } : { value: f.value, style: 'number', numFmt: '#,##0' };
      const addr = cellAddress(f.ref.row, f.ref.col);
      extra.push([text(f.label), value, { value: `${f.ref.sheet}!${addr}`, style: 'link', link: { sheet: f.ref.sheet, cell: addr } }]);
    }
    extra.push([text('说明：有百分比时按百分比；否则 社会认可度 =（满意 + 基本满意）÷ 调查人数（无调查人数时 ÷ 三项合计）', 'note')]);
  }
  return itemSheet(SATISFACTION_SHEET, SATISFACTION_IDS, result, ctx, extra);
}
