/** The three-column 名称 | 指标值或简要结论 | 是否达标 form of 表Ⅳ and 表Ⅴ. Pure. */
import type { IndicatorId } from '../../standard/schema';
import type { ModelCell, SheetModel } from '../model';
import type { ReportContext } from '../sheets';
import { blank, codes, formSheet, itemOf, passWord, text, type NationalSource } from './common';
import { checklistConclusion, type Context } from './conclusions';

export type Conclusion = (c: Context) => string | null;

/**
 * One row per item: its number and the standard's name, the sentence (blank when the ledgers do not give it) and
 * 是 / 否 as the checks judged it (blank for 待核实 and 数据不全: the county decides). A checklist item shows what the
 * county wrote in 核查清单.
 */
export function itemsTable(
  spec: { name: string; title: string; ids: readonly IndicatorId[]; conclusions: Partial<Record<IndicatorId, Conclusion>> },
  src: NationalSource,
  ctx: ReportContext,
): SheetModel {
  const c: Context = { ledgers: src.ledgers, result: src.result, std: ctx.std };
  const rows: ModelCell[][] = spec.ids.map((id, i) => {
    const it = itemOf(src.result, id);
    const sentence = (spec.conclusions[id] ?? ((x: Context) => checklistConclusion(x, id)))(c);
    return [text(`${i + 1}. ${ctx.std.indicators[id].name}`), sentence === null ? blank() : text(sentence), passWord(it ? it.status : null)];
  });
  return formSheet(
    {
      name: spec.name,
      title: spec.title,
      headerRows: [['名称', '指标值或简要结论', '是否达标']],
      headerMerges: [],
      codeRow: codes(3),
      rows,
      notes: ['注：比例数值保留一位小数，其余保留整数。'],
      widths: { fixed: { 0: 40, 1: 48, 2: 10 } },
    },
    ctx,
  );
}
