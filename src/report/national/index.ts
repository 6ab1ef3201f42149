/**
 * The national 申报 annex tables (表Ⅰ–表Ⅵ of the 县域义务教育优质均衡发展督导评估 申报), in the form's order, as
 * SheetModels with the forms' header blocks, L-code rows, notes, rounding, signature lines and print setup. Pure.
 */
import type { SheetModel } from '../model';
import type { ReportContext } from '../sheets';
import type { NationalSource } from './common';
import { buildTable1 } from './table1-basic';
import { buildTable2_1 } from './table2-1-resources';
import { buildTable2_2 } from './table2-2-schools';
import { buildTable3 } from './table3-balance';
import { buildTable4 } from './table4-guarantee';
import { buildTable5 } from './table5-quality';
import { buildTable6 } from './table6-recognition';

export { buildTable1, TABLE1_SHEET } from './table1-basic';
export { buildTable2_1, TABLE2_1_SHEET } from './table2-1-resources';
export { buildTable2_2, TABLE2_2_SHEET } from './table2-2-schools';
export { buildTable3, TABLE3_SHEET } from './table3-balance';
export { buildTable4, TABLE4_SHEET } from './table4-guarantee';
export { buildTable5, TABLE5_SHEET } from './table5-quality';
export { buildTable6, TABLE6_SHEET } from './table6-recognition';
export { SIGNATURE, roundForm, type NationalSource } from './common';

/** Each table's builder, in the form's order. */
export const NATIONAL_BUILDERS: readonly ((src: NationalSource, ctx: ReportContext) => SheetModel)[] = [
  buildTable1, buildTable2_1, buildTable2_2, buildTable3, buildTable4, buildTable5, buildTable6,
];

/** 表Ⅰ, 表Ⅱ-1, 表Ⅱ-2, 表Ⅲ, 表Ⅳ, 表Ⅴ, 表Ⅵ. */
export function buildNationalTables(src: NationalSource, ctx: ReportContext): SheetModel[] {
  return NATIONAL_BUILDERS.map((build) => build(src, ctx));
}

/** The tables' sheet names, in order. */
export { NATIONAL_SHEETS } from '../../ledger/tool-sheets';
