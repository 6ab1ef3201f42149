/**
 * 表Ⅵ 社会认可度调查情况. The 县级数据 sheet keeps one county-wide tally (调查人数, 满意, 基本满意, or a 满意度
 * percentage): it fills the 计 row's 回收有效问卷数 (调查人数), 满意问卷数 (满意 + 基本满意, as S1 counts them) and
 * 问卷调查综合满意度 (S1's value). 问卷总数 (issued), the rows per group and the 实地走访 columns are not in the ledgers
 * and stay blank for the county.
 */
import type { ModelCell, ModelMerge, SheetModel } from '../model';
import type { ReportContext } from '../sheets';
import { codes, countCell, fixedCell, formSheet, itemOf, text, type NationalSource } from './common';

export const TABLE6_SHEET = '表Ⅵ 社会认可度';
export const TABLE6_TITLE = '表Ⅵ 社会认可度调查情况';

export const GROUPS = ['家长', '学生', '教师', '校长', '人大代表', '政协委员', '其他群众'];
const PCT_DECIMALS = 1;

export function buildTable6(src: NationalSource, ctx: ReportContext): SheetModel {
  const headerRows = [
    ['调查对象', '问卷总数', '', '', '问卷调查综合满意度（%）', '实地走访人数', '', '实地走访满意度（%）'],
    ['', '计', '其中：回收有效问卷数', '', '', '计', '其中：满意人数', ''],
    ['', '', '计', '其中：满意问卷数', '', '', '', ''],
  ];
  const headerMerges: ModelMerge[] = [
    { row: 0, col: 0, rows: 3, cols: 1 },
    { row: 0, col: 1, rows: 1, cols: 3 },
    { row: 0, col: 4, rows: 3, cols: 1 },
    { row: 0, col: 5, rows: 1, cols: 2 },
    { row: 0, col: 7, rows: 3, cols: 1 },
    { row: 1, col: 1, rows: 2, cols: 1 },
    { row: 1, col: 2, rows: 1, cols: 2 },
    { row: 1, col: 5, rows: 2, cols: 1 },
    { row: 1, col: 6, rows: 2, cols: 1 },
  ];
  const figs = src.ledgers.county?.figures ?? {};
  const v = (k: 'surveyed' | 'satisfied' | 'basicallySatisfied') => figs[k]?.value ?? null;
  const surveyed = v('surveyed');
  const sat = v('satisfied');
  const basic = v('basicallySatisfied');
  const satisfiedCount = sat === null ? null : figs.basicallySatisfied === undefined ? sat : basic === null ? null : sat + basic;
  const s1 = itemOf(src.result, 'S1');
  const share = s1 && typeof s1.value === 'number' ? s1.value * 100 : null;
  const pct = (x: number | null): ModelCell => (x === null ? { value: null, style: 'number', numFmt: '0.0' } : fixedCell(x, PCT_DECIMALS));
  const cnt = (x: number | null): ModelCell => (x === null ? { value: null, style: 'number', numFmt: '0' } : countCell(x));
  const rows: ModelCell[][] = [
    [text('计'), cnt(null), cnt(surveyed), cnt(satisfiedCount), pct(share), cnt(null), cnt(null), pct(null)],
    ...GROUPS.map((g, i) => [text(i === 0 ? `其中：${g}` : g), cnt(null), cnt(null), cnt(null), pct(null), cnt(null), cnt(null), pct(null)]),
  ];
  return formSheet(
    {
      name: TABLE6_SHEET,
      title: TABLE6_TITLE,
      headerRows,
      headerMerges,
      codeRow: codes(8, 1),
      rows,
      notes: [
        '注：满意度保留一位小数，其余保留整数。',
        '“计”行据县级数据表的满意度调查填写（调查人数计为回收有效问卷数，满意与基本满意人数之和计为满意问卷数）；问卷总数、分对象情况和实地走访情况由县级填写。',
      ],
      widths: { fixed: { 0: 14 }, min: 12, max: 14 },
      onePage: true,
    },
    ctx,
  );
}
