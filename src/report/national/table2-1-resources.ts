/**
 * 表Ⅱ-1 小学、初中资源配置基本情况: per 学段, how many assessed schools reach each of the seven indicators
 * (L1–L7) and the 综合评估 (L8: at least `minReached` of seven and the rest ≥ `minShare` of the threshold, as the
 * checks judged), and that count as a share of the assessed schools. Parts the checks left out (small 教学点)
 * are not counted.
 */
import type { SchoolStageResult } from '../../checks/types';
import { RESOURCE_IDS, STAGES, type Stage } from '../../standard/schema';
import type { ModelCell, ModelMerge, SheetModel } from '../model';
import type { ReportContext } from '../sheets';
import { blank, codes, countCell, fixedCell, formSheet, indicatorHeader, text, type NationalSource } from './common';

export const TABLE2_1_SHEET = '表Ⅱ-1 资源配置';
export const TABLE2_1_TITLE = '表Ⅱ-1 小学、初中资源配置基本情况';

/** Decimals of 达标学校比例（%）. */
const SHARE_DECIMALS = 2;

export function buildTable2_1(src: NationalSource, ctx: ReportContext): SheetModel {
  const { std } = ctx;
  const heads = RESOURCE_IDS.map((id) => indicatorHeader(std, id));
  const headerRows = [
    ['学段', '项目', ...heads, '综合评估'],
  ];
  const codeRow = codes(2 + RESOURCE_IDS.length + 1, 2);
  const rows: ModelCell[][] = [];
  const merges: ModelMerge[] = [];
  for (const stage of STAGES) {
    const parts = assessed(src.result.schools, stage);
    const counts = RESOURCE_IDS.map((id) => parts.filter((s) => s.indicators[id]?.pass === true).length);
    const overall = parts.filter((s) => s.verdict === '达标').length;
    const share = (k: number): ModelCell => (parts.length === 0 ? blank() : fixedCell((k / parts.length) * 100, SHARE_DECIMALS));
    const r = rows.length;
    rows.push([text(stage), text('达标学校总数'), ...(parts.length === 0 ? counts.map(blank) : counts.map(countCell)), parts.length === 0 ? blank() : countCell(overall)]);
    rows.push([text(''), text('达标学校比例（%）'), ...counts.map(share), share(overall)]);
    merges.push({ row: r, col: 0, rows: 2, cols: 1 });
  }
  const n = STAGES.map((s) => `${s} ${assessed(src.result.schools, s).length} 所`).join('，');
  return formSheet(
    {
      name: TABLE2_1_SHEET,
      title: TABLE2_1_TITLE,
      headerRows,
      headerMerges: [],
      codeRow,
      rows,
      merges,
      notes: [
        `注：1. 达标学校比例 = 达标学校总数 ÷ 参评学校数 × 100%，保留两位小数；参评学校：${n}（不足 ${std.settings.teachingPointCut} 人的教学点不参评）。`,
        `2. 综合评估达标：七项指标中至少 ${std.settings.minReached} 项达到标准，其余指标不低于标准的 ${Math.round(std.settings.minShare * 100)}%。`,
      ],
      widths: { fixed: { 0: 8, 1: 20 }, min: 12, max: 16 },
      onePage: true,
    },
    ctx,
  );
}

/** School 学段 parts of one 学段 that 资源配置 assesses. */
export function assessed(schools: readonly SchoolStageResult[], stage: Stage): SchoolStageResult[] {
  return schools.filter((s) => s.stage === stage && !s.excluded);
}
