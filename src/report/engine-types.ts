import type { CheckResult } from '../checks/types';
import type { ColumnOverrides, LedgerSet } from '../ledger/types';
import type { HistoryRun, Tracking } from './history';
import type { JsonReport, Mark, SheetModel } from './model';
import type { Plans } from './plans';
import type { SchoolFormChoice } from './school-form';

/** Everything one check of a workbook produces, before any host writes it. Pure data. */
export interface EngineOutput {
  ledgers: LedgerSet;
  result: CheckResult;
  /** One mark per failing or unreadable cell (several findings on one cell share one mark and one note). */
  marks: Mark[];
  /**
   * Summary sheets in the order they are added: 资源配置达标情况, 校际差异系数, 问题清单, 补短板清单, 整改进度,
   * 政府保障程度, 教育质量, 社会认可度, 自查自评总表, and 核查清单 (writeOnce: see SheetModel.writeOnce).
   */
  sheets: SheetModel[];
  /** The JSON report; `sheets` lists the summary sheet names as written (a host may rename to avoid a user's sheet). */
  report: JsonReport;
  /** Gap-to-compliance plans (未达标 school 学段) and 差异系数 plans (CVs over the limit). Optional for engine stubs. */
  plans?: Plans;
  /** 整改 statuses of the findings against the previous run, and the previous findings now gone. */
  tracking?: Tracking;
  /**
   * The 整改 history to store in the run memory (report/history.ts: the kept previous runs and this one, last).
   * A host keeps the previous history when an engine returns none.
   */
  history?: HistoryRun[];
  /** Names asked for in EngineOptions.schoolForms that the school ledger does not have; absent when none were asked. */
  unknownSchools?: string[];
}

/** Options of checkWorkbook. */
export interface EngineOptions {
  /** The user's corrections to the column mapping. */
  overrides?: ColumnOverrides;
  /** The 整改 history of the previous runs, as the run memory keeps it (oldest first). */
  history?: readonly HistoryRun[];
  /**
   * Add a 学校自评表 sheet (report/school-form) for every school ('all') or for the named schools, after the
   * summary sheets; names not found in the school ledger are left out (see EngineOutput.unknownSchools).
   */
  schoolForms?: SchoolFormChoice;
}

export interface RunMeta {
  /** The county workbook's file name, shown in each summary sheet's subtitle. */
  workbook: string;
  /** Date of the run. */
  date: Date;
}
