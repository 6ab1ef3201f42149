/**
 * The tool's one date format, yyyy-mm-dd, for the two kinds of date it shows:
 *
 * - The RUN DATE (自查日期 in every subtitle, the 整改 history's `at` and `firstSeen`, 问题清单's dates) is the
 *   LOCAL calendar date of the machine that runs the check: a check run at 07:00 in 北京 is dated that day,
 *   not the day before as UTC would have it. The exact instant of the run (the memory's `at`) stays ISO UTC.
 * - A date READ FROM A CELL is that cell's calendar date. Excel stores a day number without a zone and every
 *   host hands it to the engine as UTC midnight of that day (ExcelJS, the surgical host, the Office host's
 *   serialToDate), so it is shown in UTC — in local time it would be the day before west of Greenwich.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** The run date: yyyy-mm-dd of the local calendar date. */
export function runDateText(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A cell's date: yyyy-mm-dd of its UTC calendar date; 无效日期 for an invalid Date. */
export function cellDateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '无效日期';
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
