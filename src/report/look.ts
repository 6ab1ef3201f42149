/**
 * The look of a summary sheet's cell styles, one table for every host (src/xlsx/summary.ts for ExcelJS,
 * src/xlsx/render.ts for the surgical .xlsx host, src/office/host.ts for Excel), each mapping it to its
 * own format objects, so the hosts cannot drift apart.
 */
import type { CellStyle } from './model';

/** The summary sheets' font (the default CJK font of current Office). */
export const SUMMARY_FONT = '等线';

export interface StyleLook {
  size: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Font colour, RRGGBB. */
  color?: string;
  /** Horizontal alignment; vertical is always centred. */
  align: 'general' | 'right' | 'center';
  wrap: boolean;
}

export const STYLE_LOOK: Record<CellStyle, StyleLook> = {
  text: { size: 11, align: 'general', wrap: true },
  number: { size: 11, align: 'right', wrap: false },
  pass: { size: 11, bold: true, color: '00B050', align: 'center', wrap: false },
  // Wrapped: a 阻碍项 or 数据不全 sentence in red must not run past its column (and off the printed page).
  fail: { size: 11, bold: true, color: 'C00000', align: 'center', wrap: true },
  warn: { size: 11, color: 'C65911', align: 'center', wrap: true },
  link: { size: 11, underline: true, color: '0563C1', align: 'general', wrap: false },
  note: { size: 10, italic: true, color: '7F7F7F', align: 'general', wrap: true },
};

/** STYLE_LOOK mapped by a host to its own format objects. */
export function styleTable<T>(map: (look: StyleLook) => T): Record<CellStyle, T> {
  return Object.fromEntries(Object.entries(STYLE_LOOK).map(([k, v]) => [k, map(v)])) as Record<CellStyle, T>;
}

/** A style's font as both hosts write it. */
export interface FontSpec {
  size: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  color?: string;
}

/** Each style's font, its colour written as `colourPrefix` + RRGGBB (Office.js '#', OOXML 'FF' alpha). */
export function styleFonts(colourPrefix: string): Record<CellStyle, FontSpec> {
  return styleTable<FontSpec>((l) => ({
    size: l.size,
    ...(l.bold ? { bold: true } : {}),
    ...(l.italic ? { italic: true } : {}),
    ...(l.underline ? { underline: true } : {}),
    ...(l.color ? { color: `${colourPrefix}${l.color}` } : {}),
  }));
}
