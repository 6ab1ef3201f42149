/**
 * 表Ⅲ 县域义务教育校际均衡情况: per 学段, the county value (全县平均值, two decimals) and the 校际差异系数 (three
 * decimals) of each of the seven indicators (L1–L7), and L8 综合: the 综合差异系数 (plain mean of the seven) in the
 * 差异系数 row; the form has no 综合 平均值, so that cell stays blank.
 */
import { RESOURCE_IDS, STAGES, type ResourceId, type Stage } from '../../standard/schema';
import type { ModelCell, ModelMerge, SheetModel } from '../model';
import type { ReportContext } from '../sheets';
import { blank, codes, fixedCell, formSheet, indicatorHeader, text, type NationalSource } from './common';

export const TABLE3_SHEET = '表Ⅲ 校际均衡';
export const TABLE3_TITLE = '表Ⅲ 县域义务教育校际均衡情况';

export const MEAN_DECIMALS = 2;
export const CV_DECIMALS = 3;

export function buildTable3(src: NationalSource, ctx: ReportContext): SheetModel {
  const { std } = ctx;
  const headerRows = [['学段', '项目', ...RESOURCE_IDS.map((id) => indicatorHeader(std, id)), '综合']];
  const codeRow = codes(2 + RESOURCE_IDS.length + 1, 2);
  const rows: ModelCell[][] = [];
  const merges: ModelMerge[] = [];
  for (const stage of STAGES) {
    const cvOf = (id: (typeof RESOURCE_IDS)[number]) => src.result.cv.find((c) => c.stage === stage && c.indicator === id) ?? null;
    merges.push({ row: rows.length, col: 0, rows: 2, cols: 1 });
    rows.push([text(stage), text('全县平均值'), ...RESOURCE_IDS.map((id) => fixedCell(cvOf(id)?.countyValue ?? countyMean(src, stage, id), MEAN_DECIMALS)), blank()]);
    rows.push([text(''), text('差异系数'), ...RESOURCE_IDS.map((id) => fixedCell(cvOf(id)?.value ?? null, CV_DECIMALS)), fixedCell(src.result.compositeCv[stage], CV_DECIMALS)]);
  }
  const limits = STAGES.map((s) => `${s} ≤ ${std.settings.cvLimits[s].toFixed(2)}`).join('，');
  return formSheet(
    {
      name: TABLE3_SHEET,
      title: TABLE3_TITLE,
      headerRows,
      headerMerges: [],
      codeRow,
      rows,
      merges,
      notes: [
        '注：全县平均值保留两位小数，差异系数保留三位小数。',
        `差异系数标准：${limits}（七项分别判定）；综合为七项差异系数的平均值，仅供参考。`,
      ],
      widths: { fixed: { 0: 8, 1: 14 }, min: 12, max: 16 },
      onePage: true,
    },
    ctx,
  );
}

/**
 * X̄ = Σ Pᵢ·Xᵢ ÷ Σ Pᵢ over the assessed parts with a value, for a 学段 where the checks give no CV (one school):
 * the county value is still defined. null without any such part.
 */
function countyMean(src: NationalSource, stage: Stage, id: ResourceId): number | null {
  let P = 0;
  let sum = 0;
  for (const s of src.result.schools) {
    const v = s.indicators[id]?.value ?? null;
    if (s.stage !== stage || s.excluded || v === null || s.students === null || !(s.students > 0)) continue;
    P += s.students;
    sum += s.students * v;
  }
  return P > 0 ? sum / P : null;
}
