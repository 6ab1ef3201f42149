/** 表Ⅳ 政府保障程度: G1–G15, each with its figures filled in (see conclusions.ts). */
import { GUARANTEE_IDS } from '../../standard/schema';
import type { SheetModel } from '../model';
import type { ReportContext } from '../sheets';
import type { NationalSource } from './common';
import { g11, g12, g13, g14, g15, g3, g4, g5, g6, g7, g8, g9 } from './conclusions';
import { itemsTable } from './items-table';

export const TABLE4_SHEET = '表Ⅳ 政府保障程度';
export const TABLE4_TITLE = '表Ⅳ 政府保障程度';

export function buildTable4(src: NationalSource, ctx: ReportContext): SheetModel {
  return itemsTable(
    { name: TABLE4_SHEET, title: TABLE4_TITLE, ids: GUARANTEE_IDS, conclusions: { G3: g3, G4: g4, G5: g5, G6: g6, G7: g7, G8: g8, G9: g9, G11: g11, G12: g12, G13: g13, G14: g14, G15: g15 } },
    src,
    ctx,
  );
}
