import type { CheckResult } from '../checks/types';
import type { LedgerSet } from '../ledger/types';
import type { JsonReport, Mark, SheetModel } from './model';

/** Everything one check of a workbook produces, before any host writes it. Pure data. */
export interface EngineOutput {
  ledgers: LedgerSet;
  result: CheckResult;
  /** One mark per failing or unreadable cell (several findings on one cell share one mark and one note). */
  marks: Mark[];
  /**
   * Summary sheets in the order they are added: 资源配置达标情况, 校际差异系数, 问题清单, 政府保障程度, 教育质量,
   * 社会认可度, 自查自评总表, and 核查清单 (writeOnce: see SheetModel.writeOnce).
   */
  sheets: SheetModel[];
  /** The JSON report; `sheets` lists the summary sheet names as written (a host may rename to avoid a user's sheet). */
  report: JsonReport;
}

export interface RunMeta {
  /** The county workbook's file name, shown in each summary sheet's subtitle. */
  workbook: string;
  /** Date of the run. */
  date: Date;
}
