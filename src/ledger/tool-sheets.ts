/**
 * The one list of the sheets the tool writes, in the order hosts write them. A leaf module (it imports
 * nothing), low in the layers so that every layer can use it: the ledger reader (county.ts: a tool sheet is
 * never read as 县级数据), the report (src/report/sheets/index.ts builds its registry SHEETS from
 * SUMMARY_SHEETS: a name added here without a builder there does not compile) and the run policy
 * (src/host/run.ts: sheets left by a run whose memory is gone).
 *
 * Adding a summary sheet: its name constant and its place in SUMMARY_SHEETS here, its module under
 * src/report/sheets/, its builder in sheets/index.ts. A sheet the user answers in and the tool reads back
 * goes in READ_BACK_SHEETS too.
 */

export const RESOURCE_SHEET = '资源配置达标情况';
export const CV_SHEET = '校际差异系数';
export const FINDINGS_SHEET = '问题清单';
export const PLAN_SHEET = '补短板清单';
export const PROGRESS_SHEET = '整改进度';
export const GUARANTEE_SHEET = '政府保障程度';
export const QUALITY_SHEET = '教育质量';
export const SATISFACTION_SHEET = '社会认可度';
export const OVERVIEW_SHEET = '自查自评总表';
export const CHECKLIST_SHEET = '核查清单';

/** The national 申报 tables 表Ⅰ–表Ⅵ, in the form's order (their builders: src/report/national). */
export const NATIONAL_SHEETS = ['表Ⅰ 基本情况', '表Ⅱ-1 资源配置', '表Ⅱ-2 资源配置（分学校）', '表Ⅲ 校际均衡', '表Ⅳ 政府保障程度', '表Ⅴ 教育质量', '表Ⅵ 社会认可度'] as const;

/** Every sheet the engine writes, in order (the names, exactly as hosts write them): the tool's own, then the national tables. */
export const SUMMARY_SHEETS = [
  RESOURCE_SHEET, CV_SHEET, FINDINGS_SHEET, PLAN_SHEET, PROGRESS_SHEET, GUARANTEE_SHEET, QUALITY_SHEET, SATISFACTION_SHEET, OVERVIEW_SHEET, CHECKLIST_SHEET,
  ...NATIONAL_SHEETS,
] as const;

export type SummarySheetName = (typeof SUMMARY_SHEETS)[number];

/** The tool's sheets that are read back as a ledger: write-once, the user's answers live in them. */
export const READ_BACK_SHEETS: readonly SummarySheetName[] = [CHECKLIST_SHEET];

/**
 * The tool's sheets that are never read (every one but READ_BACK_SHEETS): not a ledger nor 县级数据, and —
 * with their 「（自查N）」 variants — the names that mark leftovers of a run whose memory is gone.
 */
export const TOOL_SHEET_NAMES: readonly string[] = SUMMARY_SHEETS.filter((n) => !READ_BACK_SHEETS.includes(n));

/** The prefix of the per-school 学校自评表 sheets a check adds on request (「自评表-学校名」, src/report/school-form). */
export const SCHOOL_FORM_PREFIX = '自评表-';

/**
 * True for a sheet the tool writes and never reads: one of TOOL_SHEET_NAMES, its 「（自查N）」 variant, or a
 * 学校自评表. Never read as a ledger of any kind — not even after the county filled in the blanks the national
 * tables leave for it (a filled-in 表Ⅱ-2 is shaped like a ledger of per-school values, and would count every
 * school twice).
 */
export function isToolSheetName(name: string): boolean {
  if (name.startsWith(SCHOOL_FORM_PREFIX)) return true;
  return TOOL_SHEET_NAMES.some((b) => name === b || (name.startsWith(b) && /（自查\d*）$/.test(name)));
}
