/**
 * Every word the pane and the ribbon commands show. 简体中文 is the default; English is chosen when
 * Office's display language is English. Indicator names and finding messages come from the standard and
 * the engine (Chinese) and are not translated here.
 */
import type { LedgerKind } from '../ledger/types';
import type { BackendErrorCode, CvShareView, FindingStatus, Phase, TrendRun } from './backend';

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
    status: Record<FindingStatus, string>;
    firstSeen: (date: string) => string;
  };
  trend: {
    title: string;
    /** The bars' caption: open 达标问题 per run. */
    openLabel: string;
    fresh: string;
    still: string;
    resolved: string;
    vsLast: (date: string) => string;
    first: string;
    count: (n: number) => string;
    /** Text alternative of the chart: every run's count, then the comparison. */
    summary: (runs: TrendRun[], previousAt: string | null, fresh: number, still: number, resolved: number) => string;
  };
  plans: {
    title: string;
    pick: string;
    placeholder: string;
    hint: string;
    none: string;
    noPlan: string;
    option: (i: number) => string;
    cost: (cost: string, partial: boolean) => string;
    cvTitle: string;
    cvHead: (title: string, value: string, limit: string) => string;
    shares: string;
    share: (share: number) => string;
    position: Record<CvShareView['position'], string>;
    selected: string;
    selectedAdd: (text: string) => string;
    others: (n: number, share: number) => string;
  };
  clearConfirm: {
    title: string;
    text: (runs: number) => string;
    confirm: string;
    cancel: string;
  };
  actions: {
    summarize: string;
    summarized: (sheets: string[]) => string;
    clear: string;
    cleared: (n: number) => string;
    diagnose: string;
  };
  diagnostics: {
    title: string;
    running: string;
    summary: (passed: number, total: number) => string;
    passed: string;
    failed: string;
    reportLabel: string;
    copy: string;
    copied: string;
    sendHint: string;
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
    year: string;
    yearHint: (n: number | null) => string;
    yearInvalid: string;
    marks: string;
    markCompliance: string;
    markData: string;
    forms: string;
    schoolForms: string;
    schoolFormsHint: string;
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
    status: { 新发现: '新发现', 仍未整改: '仍未整改' },
    firstSeen: (date) => `首次发现 ${date}`,
  },
  trend: {
    title: '整改进度',
    openLabel: '各次自查未整改的达标问题数',
    fresh: '新发现',
    still: '仍未整改',
    resolved: '已整改',
    vsLast: (date) => `本次与上次（${date}）相比：`,
    first: '这是第一次自查（或记录已清除），下次自查后可对比整改进度。',
    count: (n) => `${n} 个`,
    summary: (runs, previousAt, fresh, still, resolved) =>
      `未整改的达标问题数：${runs.map((r) => `${r.at} ${r.open} 个`).join('，')}。` +
      (previousAt ? `本次与上次（${previousAt}）相比：新发现 ${fresh} 个，仍未整改 ${still} 个，已整改 ${resolved} 个。` : `本次为首次自查，发现 ${fresh} 个达标问题。`),
  },
  plans: {
    title: '补短板方案',
    pick: '未达标学校',
    placeholder: '选择一所学校',
    hint: '每个方案都能使该校该学段资源配置达标，任选其一即可；全校共用的面积、设备按学段分摊。',
    none: '所有参评学校资源配置均已达标，无需补短板。',
    noPlan: '无法测算：有指标缺少数据，请先补全台账。',
    option: (i) => `方案${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][i] ?? String(i + 1)}`,
    cost: (cost, partial) => `预计投入约 ${cost}${partial ? '（不含未设单价的项目）' : ''}`,
    cvTitle: '校际差异系数超标',
    cvHead: (title, value, limit) => `${title}：差异系数 ${value}，标准 ≤ ${limit}`,
    shares: '各校在差异中的占比',
    share: (share) => `${(share * 100).toFixed(1)}%`,
    position: { below: '低于全县', above: '高于全县', equal: '等于全县' },
    selected: '所选学校',
    selectedAdd: (text) => `所选学校需${text}`,
    others: (n, share) => `其余 ${n} 所学校合计 ${(share * 100).toFixed(1)}%`,
  },
  clearConfirm: {
    title: '清除标记',
    text: (n) => `清除后，已保存的 ${n} 次自查记录（整改进度）也将删除，确定吗？`,
    confirm: '确定清除',
    cancel: '取消',
  },
  actions: {
    summarize: '生成汇总表',
    summarized: (sheets) => `已生成汇总表：${sheets.join('、')}。`,
    clear: '清除标记',
    cleared: (n) => `已清除标记，恢复了 ${n} 个单元格。`,
    diagnose: '诊断',
  },
  diagnostics: {
    title: '诊断：本机 Excel 是否支持均衡自查所需的功能',
    running: '正在临时工作表上逐项试验，完成后自动删除该工作表……',
    summary: (passed, total) => `${total} 项中 ${passed} 项通过。`,
    passed: '通过',
    failed: '未通过',
    reportLabel: '诊断报告（可复制）',
    copy: '复制报告',
    copied: '已复制',
    sendHint: '遇到问题时，请把这份报告连同问题描述发给县教育局的加载项管理员。',
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
    year: '评估年度',
    yearHint: (n) =>
      `《规程》（国教督办函〔2019〕30号）的过渡期标准只用于其适用年度的评估（默认 2019–2022 年）；${n === null ? '留空即按检查当年' : `标准文件定为 ${n} 年，留空即用此值`}。`,
    yearInvalid: '请输入四位年份（2000–2100）。',
    marks: '标记',
    markCompliance: '标记未达标的单元格',
    markData: '标记无法识别的单元格',
    forms: '学校自评表',
    schoolForms: '检查时生成各校自评表',
    schoolFormsHint: '每校一张工作表「自评表-学校名」，按学校逐项列出指标和结论，可打印后由学校核对、盖章；清除标记时一并删除。',
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
    'api-unsupported': '当前 Excel 版本不支持本加载项所需的功能（需要 ExcelApi 1.13 或更高版本：Excel 2021、2024、Microsoft 365 或网页版 Excel；更早的版本请用网页版自查工具）。',
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
    status: { 新发现: 'New', 仍未整改: 'Still open' },
    firstSeen: (date) => `first found ${date}`,
  },
  trend: {
    title: 'Progress',
    openLabel: 'Open standard problems at each check',
    fresh: 'New',
    still: 'Still open',
    resolved: 'Fixed',
    vsLast: (date) => `This check against the last (${date}):`,
    first: 'This is the first check (or the record was cleared); progress shows from the next check.',
    count: (n) => String(n),
    summary: (runs, previousAt, fresh, still, resolved) =>
      `Open standard problems: ${runs.map((r) => `${r.at}: ${r.open}`).join(', ')}. ` +
      (previousAt ? `Against the last check (${previousAt}): ${fresh} new, ${still} still open, ${resolved} fixed.` : `First check: ${fresh} standard problem${fresh === 1 ? '' : 's'} found.`),
  },
  plans: {
    title: 'Plans to close the gaps',
    pick: 'School below the standard',
    placeholder: 'Pick a school',
    hint: 'Each option brings the school to the standard for that stage; one is enough. Shared areas and equipment are apportioned by stage.',
    none: 'Every school assessed meets 资源配置; no plan needed.',
    noPlan: 'Cannot plan: some indicator lacks data. Complete the ledger first.',
    option: (i) => `Option ${i + 1}`,
    cost: (cost, partial) => `Estimated cost about ${cost}${partial ? ' (items without a unit cost not included)' : ''}`,
    cvTitle: 'Between-school variation over the limit',
    cvHead: (title, value, limit) => `${title}: coefficient ${value}, limit ${limit}`,
    shares: 'Share of the variation by school',
    share: (share) => `${(share * 100).toFixed(1)}%`,
    position: { below: 'below county', above: 'above county', equal: 'at county' },
    selected: 'Selected school',
    selectedAdd: (text) => `Selected school: ${text}`,
    others: (n, share) => `${n} other school${n === 1 ? '' : 's'}: ${(share * 100).toFixed(1)}% in all`,
  },
  clearConfirm: {
    title: 'Clear marks',
    text: (n) => `Clearing also deletes the ${n} saved check record${n === 1 ? '' : 's'} (progress). Continue?`,
    confirm: 'Clear',
    cancel: 'Cancel',
  },
  actions: {
    summarize: 'Write summary sheets',
    summarized: (sheets) => `Summary sheets written: ${sheets.join(', ')}.`,
    clear: 'Clear marks',
    cleared: (n) => `Marks cleared; ${n} cell(s) restored.`,
    diagnose: 'Diagnostics',
  },
  diagnostics: {
    title: 'Diagnostics: does this Excel support what the add-in needs',
    running: 'Trying each feature on a temporary sheet, which is removed afterwards…',
    summary: (passed, total) => `${passed} of ${total} checks passed.`,
    passed: 'passed',
    failed: 'failed',
    reportLabel: 'Diagnostics report (copy it)',
    copy: 'Copy report',
    copied: 'Copied',
    sendHint: "When something goes wrong, send this report with a description to your county's add-in administrator.",
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
    year: 'Assessment year',
    yearHint: (n) =>
      `The 规程 (国教督办函〔2019〕30号) transition limits apply only to assessments in their years (2019–2022 by default); ${n === null ? 'leave empty for the year of the check' : `the standard file says ${n}; leave empty to use it`}.`,
    yearInvalid: 'Enter a four-digit year (2000–2100).',
    marks: 'Marks',
    markCompliance: 'Mark cells that fail the standard',
    markData: 'Mark cells that cannot be read',
    forms: '学校自评表',
    schoolForms: "Write each school's 学校自评表 at every check",
    schoolFormsHint: 'One sheet a school (自评表-<school>), its indicators and verdicts item by item, for the school to print, check and sign; clearing the marks removes them too.',
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
    'api-unsupported': 'This version of Excel lacks features the add-in needs (ExcelApi 1.13 or later: Excel 2021, 2024, Microsoft 365 or Excel on the web).',
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
