/**
 * The task pane's only door to the engine and the workbook. The pane renders what these calls return
 * and never calls Office.js itself; a later step supplies the real implementation (Office.js host +
 * engine). Until then `placeholderBackend` answers every call with 尚未接入.
 *
 * Type-only imports: the engine's data shapes, no engine code in the pane's bundle.
 */
import type { Finding } from '../ledger/finding';
import type { DetectedLedger } from '../ledger/types';
import { DEFAULT_WORKBOOK_SETTINGS, type WorkbookSettings } from '../host/settings-values';

/** A recognised field of a ledger and the column the engine found for it. */
export interface LedgerField {
  /** Key as DetectedLedger.columns names it (`students`, `students.小学` …); the key of a column override. */
  field: string;
  /** Chinese column name (在校生数（小学）…). */
  label: string;
  /** Column letter the engine recognised. */
  column: string;
}

/** A column of the ledger's sheet the user may pick instead: its letter and header text. */
export interface ColumnChoice {
  column: string;
  header: string;
}

/** A ledger found in the workbook, as the 台账识别 list shows it. */
export type LedgerInfo = Pick<DetectedLedger, 'sheet' | 'kind' | 'headerRows' | 'rows' | 'missing'> & {
  /** Recognised fields (for the column-mapping fix); absent for ledgers without a header row. */
  fields?: LedgerField[];
  choices?: ColumnChoice[];
};

export interface DetectResult {
  /** Name of the standard in force (national 2017 or a county override), shown in the header. */
  standardName: string;
  ledgers: LedgerInfo[];
}

/** The four steps of a run, in order: 读取 → 检查 → 标记 → 汇总. */
export const PHASES = ['read', 'check', 'mark', 'summarize'] as const;
export type Phase = (typeof PHASES)[number];

export interface Progress {
  phase: Phase;
  /** 0..1 within the phase (0 when the step cannot say). */
  fraction: number;
}

/** Findings per part of the standard (资源配置, 政府保障程度, 教育质量, 社会认可度). */
export interface PartCount {
  part: string;
  /** Compliance findings of this part. */
  findings: number;
  /** Schools (学段 parts) judged in this part and how many passed; absent for county-level parts. */
  schools?: number;
  passed?: number;
}

export interface IndicatorLabel {
  name: string;
  part: string;
  /** The standard's full wording, when `name` is its short form (searched too). */
  full?: string;
}

/** 整改 status of a finding against the previous run (report/history.ts). */
export type FindingStatus = '新发现' | '仍未整改';

/** A finding as the pane lists it: with its 整改 status and first-seen date when the run tracked them. */
export interface PaneFinding extends Finding {
  status?: FindingStatus;
  /** yyyy-mm-dd of the first run that found it. */
  firstSeen?: string;
}

/** Open 达标问题 at one run kept in the 整改 history. */
export interface TrendRun {
  /** yyyy-mm-dd. */
  at: string;
  open: number;
}

/** The run-over-run 整改 picture (达标问题 only; 数据问题 are not counted). */
export interface Trend {
  /** Oldest first, this run last (one per day, at most 12). */
  runs: TrendRun[];
  /** Date of the run this one is compared with; null on a first run. */
  previousAt: string | null;
  /** 达标问题 of this run not found by the previous one. */
  fresh: number;
  /** 达标问题 of this run already found by the previous one. */
  still: number;
  /** 达标问题 of the previous run this run did not find again (已整改). */
  resolved: number;
}

/** One way for a school 学段 to reach 达标: the engine's Chinese sentence and, when priced, its cost. */
export interface PlanOptionView {
  /** describeOption's sentence without the cost ("再配备 2 名…，增加…"). */
  text: string;
  /** 预计投入 as the sheets write it ("12.35 万元"), when a unit cost prices at least one step. */
  cost?: string;
  /** Some steps have no unit cost: the cost leaves them out. */
  partial?: boolean;
}

export interface SchoolPlanView {
  school: string;
  stage: '小学' | '初中';
  /** Cheapest first; empty when no plan could be computed (a value is missing). */
  options: PlanOptionView[];
}

export interface CvShareView {
  school: string;
  /** 0–1, the shares of one CV sum to 1. */
  share: number;
  position: 'below' | 'above' | 'equal';
}

export interface CvPlanView {
  indicator: string;
  stage: '小学' | '初中';
  /** "小学 生均教学仪器设备值" (学段 and indicator name). */
  title: string;
  /** The CV and its limit, formatted ("0.62", "0.50"). */
  value: string;
  limit: string;
  /** Largest share first. */
  shares: CvShareView[];
  /** describeCvPlan's sentence. */
  text: string;
  /** Per school in the plan: "增加 120 ㎡" (for highlighting the selected school). */
  additions: { school: string; text: string }[];
}

/** 补短板: the plans of the 未达标 school 学段 and of the CVs over their limit. */
export interface PlanViews {
  schools: SchoolPlanView[];
  cv: CvPlanView[];
}

export interface CheckOutcome {
  parts: PartCount[];
  /** Every finding of the run (compliance and data), sorted by location as 问题清单 lists them. */
  findings: PaneFinding[];
  /** Indicator id → name and part, for the group headings. */
  indicators: Record<string, IndicatorLabel>;
  /** Cells marked in the workbook. */
  marked: number;
  /** Chinese sentences the run wants the user to read (a summary sheet written under another name …). */
  notices?: string[];
  /** Open 达标问题 per run and this run against the last; absent when the engine kept no history. */
  trend?: Trend;
  /** 补短板 plans; absent when the engine computed none. */
  plans?: PlanViews;
}

export interface ClearOutcome {
  /** Cells whose fill and note were restored. */
  restored: number;
  /** The engine's own Chinese sentence about what was cleared (or that there was nothing to clear). */
  message?: string;
}

export interface SummaryOutcome {
  /** Names of the summary sheets written (汇总表, 校际差异系数, 问题清单 …). */
  sheets: string[];
}

export interface PaneBackend {
  /** Finds the ledgers in the open workbook. */
  detect(): Promise<DetectResult>;
  /** Reads, checks, marks and summarises; reports each step through onProgress. */
  check(onProgress: (p: Progress) => void): Promise<CheckOutcome>;
  /** Removes the marks of the last run and restores what they covered (and the 整改 history with them). */
  clear(): Promise<ClearOutcome>;
  /** Runs of 整改 history saved in the workbook, which 清除标记 would discard (0 when none or unreadable). */
  historyRuns(): Promise<number>;
  /** Writes (or replaces) the summary sheets of the last run. */
  summarize(): Promise<SummaryOutcome>;
  /** Selects a cell so the user sees the finding in place. */
  select(sheet: string, cell: string): Promise<void>;
  /** The settings saved in the workbook (defaults when none). */
  loadSettings(): Promise<WorkbookSettings>;
  /** Saves the settings in the workbook; the next check (pane or ribbon) uses them. */
  saveSettings(s: WorkbookSettings): Promise<void>;
  /**
   * 诊断: tries in this Excel what the add-in relies on (fills, notes, merged cells, text cells, very hidden
   * sheets) on a temporary sheet it removes again. A failed check is an item, not an error.
   */
  diagnose(): Promise<DiagnosticsView>;
}

/** One check of 诊断: its Chinese name and what was seen. */
export interface DiagnosticView {
  id: string;
  label: string;
  ok: boolean;
  detail: string;
}

/** What 诊断 found, and the plain text the user copies into a support request. */
export interface DiagnosticsView {
  items: DiagnosticView[];
  report: string;
}

/**
 * Why a call failed. The pane shows the Chinese (or English) sentence for the code — never an error's
 * own text, which may be an Office.js or JavaScript message in English.
 */
export type BackendErrorCode =
  | 'not-connected'
  | 'no-ledgers'
  | 'busy'
  | 'api-unsupported'
  | 'too-large'
  | 'read-failed'
  | 'write-failed'
  | 'sheet-missing'
  | 'no-run'
  | 'unknown';

export class BackendError extends Error {
  constructor(
    readonly code: BackendErrorCode,
    /** Values the sentence may name (a sheet, a cell); shown as data, never as a message. */
    readonly params: { sheet?: string; cell?: string } = {},
    /**
     * A sentence written for the user (Chinese): from officeErrorMessage, a StandardError or the run's
     * own refusal. Shown instead of the code's sentence; never an Office.js or JavaScript message.
     */
    readonly userMessage?: string,
  ) {
    super(code);
    this.name = 'BackendError';
  }
}

export function errorCode(e: unknown): BackendErrorCode {
  return e instanceof BackendError ? e.code : 'unknown';
}

/** The sentence to show for a failure: the backend's user message, else the code's sentence. */
export function errorText(e: unknown, errors: Record<BackendErrorCode, string>): string {
  return e instanceof BackendError && e.userMessage ? e.userMessage : errors[errorCode(e)];
}

/** The stand-in until the Office.js host is wired: every call answers 尚未接入. */
export const placeholderBackend: PaneBackend = {
  detect: () => notConnected(),
  check: () => notConnected(),
  clear: () => notConnected(),
  historyRuns: async () => 0,
  summarize: () => notConnected(),
  select: () => notConnected(),
  loadSettings: async () => JSON.parse(JSON.stringify(DEFAULT_WORKBOOK_SETTINGS)) as WorkbookSettings,
  saveSettings: async () => undefined,
  diagnose: () => notConnected(),
};

function notConnected<T>(): Promise<T> {
  return Promise.reject(new BackendError('not-connected'));
}
