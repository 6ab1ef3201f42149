/** 表Ⅴ 教育质量: Q1–Q9, each with its figures filled in (see conclusions.ts). */
import { QUALITY_IDS } from '../../standard/schema';
import type { SheetModel } from '../model';
import type { ReportContext } from '../sheets';
import type { NationalSource } from './common';
import { q1, q2, q3, q4, q9 } from './conclusions';
import { itemsTable } from './items-table';

export const TABLE5_SHEET = '表Ⅴ 教育质量';
export const TABLE5_TITLE = '表Ⅴ 教育质量';

export function buildTable5(src: NationalSource, ctx: ReportContext): SheetModel {
  return itemsTable({ name: TABLE5_SHEET, title: TABLE5_TITLE, ids: QUALITY_IDS, conclusions: { Q1: q1, Q2: q2, Q3: q3, Q4: q4, Q9: q9 } }, src, ctx);
}
