/**
 * A summary sheet as data, rendered the same way by both hosts:
 *   row 1  title (merged across all columns)
 *   row 2  subtitle: the county workbook, the standard, the date of the run
 *   row 3  column headers (frozen, with an autofilter where `autoFilter`)
 *   row 4… data rows
 * Cell text that came from a ledger is a plain string here; hosts must write it as text, never as a formula.
 */
import type { TransitionUse } from '../checks/types';

export type CellStyle = 'text' | 'number' | 'pass' | 'fail' | 'warn' | 'link' | 'note';

export interface ModelCell {
  value: string | number | null;
  style?: CellStyle;
  /** Excel number format for a numeric cell, e.g. '0.00" ㎡"'. */
  numFmt?: string;
  /** A hyperlink to a cell of the workbook. */
  link?: { sheet: string; cell: string };
}

export interface ModelColumn {
  header: string;
  /** Width in Excel character units (a Chinese character counts 2). */
  width: number;
}

export interface SheetModel {
  name: string;
  title: string;
  subtitle: string;
  columns: ModelColumn[];
  rows: ModelCell[][];
  autoFilter: boolean;
  /**
   * The user's sheet once written (核查清单): write it only when the workbook has no sheet of this name;
   * when one exists, leave it exactly as it is (no rewrite, no 「（自查）」 copy). Never list it among the
   * sheets a later run or 「清除标记」 removes: the user's answers live in it, and it is read back as a
   * ledger on every run.
   */
  writeOnce?: boolean;
  /**
   * Drop-down lists (data validation, type list, the values in this order, no blanks refused) on a 1-based
   * column, for every data row of the model (sheet rows 4 … 3 + rows.length).
   */
  validations?: { column: number; list: string[] }[];
  /**
   * A chart the host draws beside the table where it can (the Office.js host; ExcelJS cannot draw charts, so
   * the .xlsx host writes the table only). The data: the header row (sheet row 3) from column 2 gives the
   * categories; each of the first `seriesRows` data rows (sheet rows 4 …) is one series, named by its column-1
   * cell, with values in columns 2 … 1 + `valueColumns`. Placed to the right of the table.
   */
  chart?: SheetChart;
  /**
   * A form's header block (the national 申报 tables), replacing the single header row 3 when present:
   * `headerRows[r][c]` is the text of sheet row 3 + r, column c + 1 ('' for a cell covered by a merge). Each row has
   * `columns.length` entries; `columns[c].header` stays the column's lowest header text for hosts that do not
   * render the block. Hosts render it like the single header row (bold, fill, centred, wrapped, bordered) and
   * merge `headerMerges`. With a header block the data rows start at sheet row 3 + headerRows.length (+ 1 with
   * `codeRow`), and panes freeze below the block (and the code row).
   */
  headerRows?: string[][];
  /** Merged ranges inside the header block, 0-based within it. */
  headerMerges?: ModelMerge[];
  /**
   * Height in points of each header-block row, so the wrapped header texts show whole (the model measures them:
   * hosts need not). A host without it keeps its single-header-row height.
   */
  headerHeights?: number[];
  /**
   * The form's code row (L1, L2 … under the header; '' for a column without a code), one sheet row directly
   * below the header block (or below row 3 without one): centred, bordered, not bold, no fill.
   */
  codeRow?: string[];
  /** Merged ranges of data rows, 0-based within `rows` (row 0 is the first data row). A merged cell takes the style of its top-left model cell. */
  merges?: ModelMerge[];
  /** Height in points of each data row whose wrapped text needs more than one line (measured by the model); unset = the host's default. */
  rowHeights?: (number | null)[];
  /**
   * The form's notes (注：…), one sheet row each after the data rows, every one merged across all columns,
   * left-aligned, wrapped, no border, in the 'note' look but not italic (hosts may give the row height two lines).
   */
  notes?: string[];
  /**
   * The signature line under the table (填报单位（盖章）： 填表人： 审核人： 填报日期：), one sheet row after the
   * notes with one blank row before it: the columns split into `signature.length` runs as even as possible, left to
   * right; each run merged and holding its label, left-aligned, no border. With fewer columns than labels, one cell
   * merged across all columns holds the labels joined by four full-width spaces.
   */
  signature?: string[];
  /** Page setup for printing (every sheet the tool writes has one: src/report/print.ts). */
  print?: PrintSpec;
}

/** A rectangle of cells: 0-based row and column of its top-left cell, and its size (≥ 1 each). */
export interface ModelMerge {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * Page setup (the policy is src/report/print.ts; hosts only render it): A4 (`paperSize` 9 in Excel, 'A4' in
 * Office.js), `orientation`; `fitToWidth` fits every column on one page wide (fitToWidth 1, fitToHeight 0 = as
 * many pages tall as needed); `titleRows` sheet rows from row 1 repeated at the top of every page (print titles
 * `$1:$n`); `onePage` also fits the height to one page (fitToHeight 1); `footer` the centre footer in Excel's
 * header/footer codes (&P page, &N pages). Hosts centre the table horizontally and use PRINT_MARGINS.
 */
export interface PrintSpec {
  orientation: 'portrait' | 'landscape';
  fitToWidth: true;
  titleRows: number;
  onePage?: boolean;
  footer: string;
}

export interface SheetChart {
  /** A line chart with markers (one point per run must still show). */
  type: 'line';
  title: string;
  seriesRows: number;
  valueColumns: number;
}

/** A mark on a ledger cell: a fill by style and a note (the finding's message). */
export interface Mark {
  sheet: string;
  cell: string;
  style: 'fail' | 'data';
  note: string;
}

/** A finding as the JSON report lists it. */
export interface JsonFinding {
  kind: 'compliance' | 'data';
  indicator: string | null;
  sheet: string | null;
  cell: string | null;
  school: string | null;
  stage: '小学' | '初中' | null;
  actual: number | string | null;
  required: number | string | null;
  /** 差距: how far `actual` is from `required`, in their unit `unit` (per student for R4, a share for Q4). */
  gap: number | null;
  /**
   * The unit of the numbers among `actual`, `required` and `gap`: '%' a share 0–1, '' a bare number (差异系数),
   * '倍', '学时', '㎡', '元', '人', '间' …; null when none is a number. Optional only for reports built before it existed.
   */
  unit?: string | null;
  /** 需补足: the absolute quantity still to add (R4: the school 学段's ㎡; Q4: 元), in `needUnit`; null when none. */
  need?: number | null;
  needUnit?: string | null;
  message: string;
  departments: string[];
  /** 整改 status against the previous run (see report/history.ts); optional only for reports built before it existed. */
  status?: '新发现' | '仍未整改';
  /** Date of the first run that found it (yyyy-mm-dd). */
  firstSeen?: string;
}

/** The JSON report: a stable contract that other tools read (field names are fixed; add, never rename). */
export interface JsonReport {
  standard: { id: string; version: string };
  ledgers: {
    sheet: string;
    kind: string;
    headerRows: number[];
    columns: Record<string, string>;
    rows: number;
  }[];
  schools: {
    name: string;
    type: string | null;
    stage: '小学' | '初中';
    students: number | null;
    excluded: boolean;
    /**
     * `notApplicable`: the cell was “*”/“—”/不适用 and the school did not need it (shown 不适用, not 数据不全);
     * `given`: the value was taken as the county computed it (a 表Ⅱ-2 sheet), not computed from quantities.
     */
    indicators: Record<string, { value: number | null; threshold: number; pass: boolean | null; apportioned: boolean; notApplicable?: true; given?: true }>;
    verdict: '达标' | '未达标' | '数据不全';
  }[];
  cv: { indicator: string; stage: '小学' | '初中'; value: number | null; limit: number; pass: boolean | null; schools: number }[];
  findings: JsonFinding[];
  sheets: string[];
  /** Notes on how the report was computed (e.g. indicator values taken as the county computed them). */
  notes?: string[];
  /**
   * Every indicator of the standard (R1–R7, G1–G15, Q1–Q9, S1) in the standard's order: its county status,
   * the actual value (a share 0–1 for a % indicator, a ratio for G8, or a short Chinese summary), the
   * requirement, and how many units fail. Optional only for reports built before it existed.
   */
  items?: {
    id: string;
    status: '达标' | '未达标' | '待核实' | '数据不全';
    value: number | string | null;
    required: number | string | null;
    failing: number;
  }[];
  /** The previous run's findings this run did not find again (status 已整改); the same fields as `findings`. */
  resolved?: (Pick<JsonFinding, 'kind' | 'indicator' | 'sheet' | 'cell' | 'school' | 'stage' | 'actual' | 'unit' | 'departments'> & {
    status: '已整改';
    firstSeen: string;
  })[];
  /**
   * Gap to compliance of every 未达标 school 学段: options (cheapest first), each a list of additions. `add` is
   * what to add to the ledger cell the indicator reads: a whole-school amount (`wholeSchool`) when the ledger
   * keeps the quantity for the whole school and the 学段 gets its apportioned share. `cost` (元) when
   * settings.unitCosts prices it. An empty `options` means no plan could be computed (a value is missing).
   */
  plans?: {
    school: string;
    stage: '小学' | '初中';
    options: { indicator: string; add: number; unit: string; wholeSchool: boolean; cost?: number }[][];
  }[];
  /**
   * The county's bottom line (as the 自查自评总表 and the command line say it): `pass` only when every item is
   * 达标 and every 一票否决 item is answered 不存在; `vetoed` the 一票否决 ids answered 存在, `vetoOpen` those not yet
   * answered (待核实, or missing from an older 核查清单); `reason` one Chinese sentence.
   */
  verdict?: { pass: boolean; vetoed: string[]; vetoOpen: string[]; blocking: string[]; reason: string };
  /** The 一票否决 lines of the 核查清单: status 达标 = 不存在该情形, 未达标 = 存在; `onSheet` false when an older 核查清单 lacks it. */
  veto?: { id: string; item: string; status: '达标' | '未达标' | '待核实'; answered: boolean; onSheet: boolean }[];
  /** The assessment year the 《规程》 transition rules were judged for (null: unknown). */
  assessmentYear?: number | null;
  /** Verdicts that only a 《规程》 relaxed limit made 达标, with what the full standard still needs (`gapToFull`). */
  transitions?: TransitionUse[];
  /** For every 差异系数 over its limit: the least additions per school (largest first) and the CV after them. */
  cvPlans?: {
    indicator: string;
    stage: '小学' | '初中';
    additions: { school: string; add: number; unit: string; wholeSchool: boolean; cost?: number }[];
    cvAfter: number | null;
  }[];
}
