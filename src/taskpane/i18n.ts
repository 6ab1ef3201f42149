/**
 * Every word the pane and the ribbon commands show. 简体中文 is the default; English is chosen when
 * Office's display language is English. Indicator names and finding messages come from the standard and
 * the engine (Chinese) and are not translated here.
 */
import type { LedgerKind } from '../ledger/types';
import type { BackendErrorCode, Phase } from './backend';

export type Locale = 'zh-CN' | 'en-US';

export interface Strings {
  appName: string;
  /** Shown under the title until detect() names the standard in force. */
  defaultStandard: string;
  settings: string;
  close: string;
  ledgers: {
    title: string;
    detecting: string;
    none: string;
    redetect: string;
    kind: Record<LedgerKind, string>;
    rows: (n: number) => string;
    headerRows: (rows: number[]) => string;
    missing: (cols: string[]) => string;
    /** Between the parts of a ledger's line (rows, header rows). */
    sep: string;
    mapping: (fields: number, changed: number) => string;
    mappingNone: string;
    mappingHint: string;
  };
  run: {
    start: string;
    running: string;
    phases: Record<Phase, string>;
    step: (label: string, i: number, n: number) => string;
    done: (findings: number, marked: number) => string;
  };
  results: {
    title: string;
    loading: string;
    dataPart: string;
    findings: (n: number) => string;
    schools: (passed: number, total: number) => string;
    filter: string;
    filterNone: string;
    noFindings: string;
    noIndicator: string;
    noSchool: string;
    more: (n: number) => string;
    goTo: (sheet: string, cell: string) => string;
  };
  actions: {
    summarize: string;
    summarized: (sheets: string[]) => string;
    clear: string;
    cleared: (n: number) => string;
  };
  settingsPanel: {
    title: string;
    loading: string;
    standard: string;
    standardNational: string;
    standardNote: string;
    standardFile: string;
    standardLoaded: (file: string, name: string) => string;
    standardReset: string;
    cut: string;
    cutHint: (n: number | null) => string;
    cutInvalid: string;
    marks: string;
    markCompliance: string;
    markData: string;
    colours: string;
    colourFail: string;
    colourData: string;
    colourReset: string;
    stored: string;
    language: string;
    languageAuto: string;
  };
  errors: Record<BackendErrorCode, string> & { title: string };
  commands: {
    checkStarted: string;
    cleared: string;
  };
}

const zhCN: Strings = {
  appName: '均衡自查',
  defaultStandard: '县域义务教育优质均衡发展督导评估办法',
  settings: '设置',
  close: '关闭',
  ledgers: {
    title: '台账识别',
    detecting: '正在识别本工作簿中的台账…',
    none: '尚未识别到台账。',
    redetect: '重新识别',
    kind: { school: '学校台账', class: '班级台账', teacher: '教师台账', county: '县级数据', checklist: '核查清单' },
    rows: (n) => `${n} 行数据`,
    headerRows: (rows) => `表头第 ${rows.join('、')} 行`,
    missing: (cols) => `缺少列：${cols.join('、')}`,
    sep: '，',
    mapping: (n, changed) => `列对应（${n} 项${changed ? `，已改 ${changed} 项` : ''}）`,
    mappingNone: '无',
    mappingHint: '识别错了列时，可为该项选择另一列或“无”；设置保存在本工作簿中，下次自查时生效。',
  },
  run: {
    start: '开始自查',
    running: '正在自查…',
    phases: { read: '读取', check: '检查', mark: '标记', summarize: '汇总' },
    step: (label, i, n) => `第 ${i}/${n} 步：${label}`,
    done: (findings, marked) => `自查完成：发现 ${findings} 个问题，已标记 ${marked} 个单元格。`,
  },
  results: {
    title: '自查结果',
    loading: '正在加载结果…',
    dataPart: '数据问题',
    findings: (n) => `${n} 个问题`,
    schools: (passed, total) => `${passed}/${total} 所达标`,
    filter: '按学校、指标或说明筛选',
    filterNone: '没有符合筛选条件的问题。',
    noFindings: '未发现问题。',
    noIndicator: '数据问题',
    noSchool: '全县 / 未对应学校',
    more: (n) => `还有 ${n} 条未显示，请缩小筛选范围。`,
    goTo: (sheet, cell) => `定位到 ${sheet}!${cell}`,
  },
  actions: {
    summarize: '生成汇总表',
    summarized: (sheets) => `已生成汇总表：${sheets.join('、')}。`,
    clear: '清除标记',
    cleared: (n) => `已清除标记，恢复了 ${n} 个单元格。`,
  },
  settingsPanel: {
    title: '设置',
    loading: '正在打开设置…',
    standard: '评估标准',
    standardNational: '国家标准（教督〔2017〕6号）',
    standardNote: '可导入省、县的补充标准文件（JSON），其中的指标和阈值覆盖国家标准。',
    standardFile: '导入本地标准文件',
    standardLoaded: (file, name) => `正在使用：${file}（${name}）`,
    standardReset: '改回国家标准',
    cut: '教学点规模线（人）',
    cutHint: (n) => (n === null ? '学生数少于此数的教学点不参与资源配置评估。' : `学生数少于此数的教学点不参与资源配置评估；标准值为 ${n} 人，留空即用标准值。`),
    cutInvalid: '请输入 0 或正整数。',
    marks: '标记',
    markCompliance: '标记未达标的单元格',
    markData: '标记无法识别的单元格',
    colours: '标记颜色',
    colourFail: '未达标',
    colourData: '数据问题',
    colourReset: '恢复默认颜色',
    stored: '以上设置保存在本工作簿中，下次自查（包括功能区的“一键自查”）时使用。',
    language: '界面语言',
    languageAuto: '跟随 Office',
  },
  errors: {
    title: '操作未完成',
    'not-connected': '尚未接入：自查引擎还没有接入本工作簿，此功能暂不可用。',
    'no-ledgers': '没有找到可识别的台账。请确认工作表中有“学校名称”等表头。',
    busy: '上一次操作还在进行，请稍候再试。',
    'api-unsupported': '当前 Excel 版本不支持本加载项所需的功能（需要 ExcelApi 1.9 或更高版本）。',
    'too-large': '工作簿太大，无法一次读取。请分批检查或使用命令行版本。',
    'read-failed': '读取工作表时出错，请关闭正在编辑的单元格后重试。',
    'write-failed': '写入标记或汇总表时出错，工作簿中的台账数据没有改动。请重试。',
    'sheet-missing': '找不到该工作表，可能已被重命名或删除。请重新识别台账。',
    'no-run': '请先点击“开始自查”。',
    unknown: '出现未知错误，操作未完成。请重试；如果问题持续，请联系管理员。',
  },
  commands: {
    checkStarted: '均衡自查：一键自查',
    cleared: '均衡自查：清除标记',
  },
};

const enUS: Strings = {
  appName: 'Junheng self-check',
  defaultStandard: 'County standard for high-quality balanced compulsory education',
  settings: 'Settings',
  close: 'Close',
  ledgers: {
    title: 'Ledgers found',
    detecting: 'Looking for ledgers in this workbook…',
    none: 'No ledgers found yet.',
    redetect: 'Detect again',
    kind: { school: 'School ledger', class: 'Class ledger', teacher: 'Teacher ledger', county: 'County figures', checklist: 'Checklist' },
    rows: (n) => `${n} data row${n === 1 ? '' : 's'}`,
    headerRows: (rows) => `header row${rows.length === 1 ? '' : 's'} ${rows.join(', ')}`,
    missing: (cols) => `missing columns: ${cols.join(', ')}`,
    sep: ', ',
    mapping: (n, changed) => `Columns (${n} field${n === 1 ? '' : 's'}${changed ? `, ${changed} changed` : ''})`,
    mappingNone: 'None',
    mappingHint: 'If a column was recognised wrongly, pick another column or None; saved in this workbook and used from the next check.',
  },
  run: {
    start: 'Start check',
    running: 'Checking…',
    phases: { read: 'Read', check: 'Check', mark: 'Mark', summarize: 'Summarise' },
    step: (label, i, n) => `Step ${i}/${n}: ${label}`,
    done: (findings, marked) => `Check complete: ${findings} finding(s), ${marked} cell(s) marked.`,
  },
  results: {
    title: 'Results',
    loading: 'Loading results…',
    dataPart: 'Data problems',
    findings: (n) => `${n} finding${n === 1 ? '' : 's'}`,
    schools: (passed, total) => `${passed}/${total} schools pass`,
    filter: 'Filter by school, indicator or text',
    filterNone: 'No findings match the filter.',
    noFindings: 'No findings.',
    noIndicator: 'Data problems',
    noSchool: 'County / no school',
    more: (n) => `${n} more not shown; narrow the filter.`,
    goTo: (sheet, cell) => `Go to ${sheet}!${cell}`,
  },
  actions: {
    summarize: 'Write summary sheets',
    summarized: (sheets) => `Summary sheets written: ${sheets.join(', ')}.`,
    clear: 'Clear marks',
    cleared: (n) => `Marks cleared; ${n} cell(s) restored.`,
  },
  settingsPanel: {
    title: 'Settings',
    loading: 'Opening settings…',
    standard: 'Standard',
    standardNational: 'National standard (2017)',
    standardNote: 'Import a provincial or county standard file (JSON); its indicators and thresholds override the national standard.',
    standardFile: 'Import a local standard file',
    standardLoaded: (file, name) => `In use: ${file} (${name})`,
    standardReset: 'Back to the national standard',
    cut: 'Teaching point cut (students)',
    cutHint: (n) => (n === null ? 'Teaching points with fewer students are left out of 资源配置.' : `Teaching points with fewer students are left out of 资源配置; the standard says ${n}. Leave empty to use it.`),
    cutInvalid: 'Enter 0 or a whole number.',
    marks: 'Marks',
    markCompliance: 'Mark cells that fail the standard',
    markData: 'Mark cells that cannot be read',
    colours: 'Mark colours',
    colourFail: 'Fails the standard',
    colourData: 'Data problem',
    colourReset: 'Default colours',
    stored: 'These settings are saved in this workbook and used by the next check (the ribbon button too).',
    language: 'Language',
    languageAuto: 'Same as Office',
  },
  errors: {
    title: 'Not completed',
    'not-connected': 'Not connected yet: the check engine is not wired to this workbook, so this is not available.',
    'no-ledgers': 'No ledger was recognised. Make sure a sheet has headers such as 学校名称.',
    busy: 'The previous operation is still running. Please try again shortly.',
    'api-unsupported': 'This version of Excel lacks features the add-in needs (ExcelApi 1.9 or later).',
    'too-large': 'The workbook is too large to read at once. Check it in parts or use the command line.',
    'read-failed': 'Reading the sheets failed. Leave cell edit mode and try again.',
    'write-failed': 'Writing marks or summary sheets failed; no ledger value was changed. Please try again.',
    'sheet-missing': 'That sheet was not found; it may have been renamed or deleted. Detect the ledgers again.',
    'no-run': 'Run the check first.',
    unknown: 'Something went wrong and the operation did not complete. Please try again.',
  },
  commands: {
    checkStarted: 'Junheng: check now',
    cleared: 'Junheng: clear marks',
  },
};

export const STRINGS: Record<Locale, Strings> = { 'zh-CN': zhCN, 'en-US': enUS };

/** English for an English Office UI; 简体中文 for everything else (the product's users are Chinese). */
export function pickLocale(displayLanguage: string | null | undefined): Locale {
  return /^en(-|$)/i.test((displayLanguage ?? '').trim()) ? 'en-US' : 'zh-CN';
}

/** Office's display language, or undefined outside Office (a plain browser). */
export function officeDisplayLanguage(): string | undefined {
  try {
    return typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined;
  } catch {
    return undefined;
  }
}
