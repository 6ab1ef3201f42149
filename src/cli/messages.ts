/**
 * The Chinese sentences about an input workbook that every face without Office shows the same way: the
 * command line (main.ts) and the web page (src/web). One place, so the page never words a refusal
 * differently from `junheng check`. Pure: no fs, no Node.
 */
import { DEFAULT_WORKBOOK_SETTINGS, type WorkbookSettings } from '../host/settings';
import type { WorkbookKind } from '../xlsx/sniff';

/** Why a file is refused before it is opened (null: it is an .xlsx and may be opened). */
export function refusalOf(kind: WorkbookKind, fileName: string): string | null {
  if (kind === 'not-a-workbook' && /\.(csv|txt|tsv)$/i.test(fileName)) {
    // Decision: a CSV is refused, not read — it has no cells to mark, and its encoding (GBK or UTF-8) is a guess.
    return `「${fileName}」是 CSV 文本文件，本工具只检查 Excel 工作簿（.xlsx）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查`;
  }
  switch (kind) {
    case 'encrypted':
      return `「${fileName}」已加密（设置了打开密码），请在 Excel 中取消密码后另存再检查`;
    case 'xls':
      return `「${fileName}」是旧版 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx 后再检查`;
    case 'not-a-workbook':
      return `「${fileName}」不是 Excel 工作簿（.xlsx），或文件已损坏`;
    default:
      return null;
  }
}

/** An .xlsx the host could not open: its own sentence when it has one, else the generic one. */
export function openFailure(fileName: string, e: unknown): string {
  if (e instanceof Error && (e as { userMessage?: boolean }).userMessage === true) return `「${fileName}」${e.message}`;
  return `「${fileName}」无法打开：文件可能已损坏，或由不兼容的软件生成。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试`;
}

/** A check that found no ledger writes nothing. */
export function noLedgerSentence(workbook: string): string {
  return `在「${workbook}」中没有找到学校台账或班级台账（需要有“学校名称”等表头的工作表），未写出任何文件`;
}

/** Macros cannot go into an .xlsx: they are left out, and the user told. */
export function macrosDroppedSentence(inputKept: boolean): string {
  return `注意：原工作簿含有本工具无法保留的内容（宏(VBA)），写出的 .xlsx 文件中将不包含宏${inputKept ? '；原文件保持不变' : ''}。`;
}

/** One line saying which of the add-in's saved settings this run follows (none: null). */
export function settingsLine(s: WorkbookSettings): string | null {
  const parts: string[] = [];
  if (s.standard) parts.push(`本地标准「${s.standard.file}」`);
  if (s.teachingPointCut !== null) parts.push(`教学点不足 ${s.teachingPointCut} 人不参评`);
  if (s.assessmentYear !== null) parts.push(`评估年度 ${s.assessmentYear} 年`);
  const fixes = Object.values(s.columnOverrides).reduce((n, m) => n + Object.keys(m).length, 0);
  if (fixes) parts.push(`列对应修正 ${fixes} 处`);
  if (!s.marks.compliance) parts.push('不标注未达标单元格');
  if (!s.marks.data) parts.push('不标注无法识别的单元格');
  if (s.schoolForms) parts.push('为每所学校生成学校自评表');
  if (s.colours.fail !== DEFAULT_WORKBOOK_SETTINGS.colours.fail || s.colours.data !== DEFAULT_WORKBOOK_SETTINGS.colours.data) parts.push('自定义标注颜色');
  return parts.length ? `按工作簿中保存的加载项设置检查：${parts.join('；')}` : null;
}

/** The lines the command prints after 清除标记 (what was cleared, and the 整改 history that went with it). */
export function clearLines(result: { cellsRestored: number; sheetsRemoved: string[]; historyRuns: number }): string[] {
  return [
    `已清除 ${result.cellsRestored} 个单元格的标记，删除汇总表 ${result.sheetsRemoved.length} 张${result.sheetsRemoved.length ? `（${result.sheetsRemoved.join('、')}）` : ''}`,
    // The 整改 history lived in the run memory, which clearing removes: say so.
    result.historyRuns > 0
      ? `注意：运行记录中的整改记录（${result.historyRuns} 次检查）已一并清除，「整改进度」将从下次检查重新开始。`
      : '整改记录：无（本工作簿没有保存以往检查的整改记录）。',
  ];
}
