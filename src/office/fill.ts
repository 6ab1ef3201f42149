/**
 * Fills between Office.js (`getCellProperties().format.fill`: color, pattern, patternColor, tintAndShade,
 * patternTintAndShade) and the host-neutral FillDesc of the run memory (src/host/memory.ts). Pure.
 *
 * "No Fill" and white both read back as #FFFFFF; they differ by `pattern` ("None" vs "Solid") and by
 * `tintAndShade` (null for No Fill). No Fill is restored with `format.fill.clear()`, never with white.
 *
 * A fill the plain form cannot describe exactly (a tint, a pattern, a gradient) keeps the Office properties
 * as read under the extra key `o`; the Office host restores those with setCellProperties (which round-trips
 * getCellProperties output). Other readers ignore `o` (readers ignore unknown keys) and use pattern/fgColor.
 */
import type { FillDesc } from '../host/memory';

export interface OfficeFill {
  color?: string | null;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
  patternTintAndShade?: number | null;
}

export type OfficeFillDesc = FillDesc & { o?: OfficeFill };

/** Office FillPattern → OOXML patternType. */
export const PATTERN_TO_XML: Record<string, string> = {
  Solid: 'solid',
  Gray50: 'mediumGray',
  Gray75: 'darkGray',
  Gray25: 'lightGray',
  Horizontal: 'darkHorizontal',
  Vertical: 'darkVertical',
  Down: 'darkDown',
  Up: 'darkUp',
  Checker: 'darkGrid',
  SemiGray75: 'darkTrellis',
  LightHorizontal: 'lightHorizontal',
  LightVertical: 'lightVertical',
  LightDown: 'lightDown',
  LightUp: 'lightUp',
  Grid: 'lightGrid',
  CrissCross: 'lightTrellis',
  Gray16: 'gray125',
  Gray8: 'gray0625',
};
export const XML_TO_PATTERN: Record<string, string> = Object.fromEntries(Object.entries(PATTERN_TO_XML).map(([k, v]) => [v, k]));

/**
 * The default Office theme's colours by OOXML theme index (0 = lt1/背景 1, 1 = dk1/文字 1, 2 = lt2, 3 = dk2,
 * 4–9 = accent1–6): used only to restore a theme fill remembered by the ExcelJS host, whose memory has no RGB.
 */
export const THEME_RGB = ['FFFFFF', '000000', 'E7E6E6', '44546A', '4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

/** "#aabbcc" → "FFAABBCC"; undefined for anything else. */
export function hexToArgb(hex: string | null | undefined): string | undefined {
  if (typeof hex !== 'string') return undefined;
  const m = /^#?([0-9A-Fa-f]{6})$/.exec(hex.trim());
  return m ? `FF${m[1].toUpperCase()}` : undefined;
}

/** "FFAABBCC" (or "AABBCC") → "#AABBCC". */
export function argbToHex(argb: string): string {
  const s = argb.replace(/^#/, '').toUpperCase();
  return `#${s.length === 8 ? s.slice(2) : s}`;
}

const isGradient = (p: string) => /gradient/i.test(p);

/** Office fill as read → FillDesc (null = no fill). */
export function officeToFillDesc(f: OfficeFill | null | undefined): OfficeFillDesc | null {
  if (!f) return null;
  const pattern = f.pattern ?? null;
  if (pattern === null) {
    // No pattern reported: white with a null tint is "No Fill"; anything else is taken as solid.
    if ((f.color ?? '#FFFFFF').toUpperCase() === '#FFFFFF' && f.tintAndShade == null) return null;
  } else if (pattern === 'None') {
    return null;
  }
  const p = pattern ?? 'Solid';
  const tint = f.tintAndShade ?? 0;
  const exact: OfficeFill = { color: f.color ?? null, pattern: p, patternColor: f.patternColor ?? null, tintAndShade: f.tintAndShade ?? null, patternTintAndShade: f.patternTintAndShade ?? null };
  if (p === 'Solid') {
    const fg = hexToArgb(f.color);
    if (fg && tint === 0) return { pattern: 'solid', fgColor: fg };
    const d: OfficeFillDesc = { pattern: 'solid', o: exact };
    if (fg) d.fgColor = fg;
    return d;
  }
  if (isGradient(p)) return { pattern: 'gradient', o: exact };
  const d: OfficeFillDesc = { pattern: PATTERN_TO_XML[p] ?? p, o: exact };
  const fg = hexToArgb(f.patternColor);
  if (fg) d.fgColor = fg;
  return d;
}

/**
 * True when the fill as read is a solid fill of exactly this ARGB colour (the run's mark). A null pattern is
 * taken as solid: OfficeDev/office-js#4900 reports pattern null for every fill (a mark is never white).
 */
export function isMarkFill(f: OfficeFill | null | undefined, argb: string): boolean {
  if (!f || (f.pattern != null && f.pattern !== 'Solid')) return false;
  return hexToArgb(f.color) === `FF${argb.toUpperCase().slice(-6)}`;
}

/** How to put a remembered fill back in Office. */
export type FillRestore =
  | { kind: 'clear' }
  /** Office.js cannot write it (a gradient read in Excel): the cell is left alone. */
  | { kind: 'unwritable' }
  | { kind: 'solid'; color: string }
  | { kind: 'props'; fill: OfficeFill };

interface XColor {
  argb?: unknown;
  theme?: unknown;
  tint?: unknown;
}

function xColorHex(c: XColor | undefined): { hex?: string; tint?: number } {
  if (!c) return {};
  if (typeof c.argb === 'string') {
    const a = hexToArgb(c.argb.slice(-6));
    return a ? { hex: argbToHex(a) } : {};
  }
  if (typeof c.theme === 'number' && THEME_RGB[c.theme]) {
    return { hex: `#${THEME_RGB[c.theme]}`, tint: typeof c.tint === 'number' ? c.tint : 0 };
  }
  return {};
}

/** FillDesc → the Office operation that restores it (as exactly as Office allows). */
export function fillRestore(d: OfficeFillDesc | null): FillRestore {
  if (!d) return { kind: 'clear' };
  if (d.o && typeof d.o === 'object') {
    if (typeof d.o.pattern === 'string' && isGradient(d.o.pattern)) return { kind: 'unwritable' };
    return { kind: 'props', fill: { ...d.o } };
  }
  if (d.pattern === 'none') return { kind: 'clear' };
  const x = (d.x && typeof d.x === 'object' ? d.x : {}) as { fgColor?: XColor; bgColor?: XColor; type?: unknown };
  if (d.pattern === 'solid') {
    if (d.fgColor) return { kind: 'solid', color: argbToHex(d.fgColor) };
    const t = xColorHex(x.fgColor);
    if (t.hex) return t.tint ? { kind: 'props', fill: { color: t.hex, pattern: 'Solid', tintAndShade: t.tint } } : { kind: 'solid', color: t.hex };
    return { kind: 'clear' };
  }
  if (d.pattern === 'gradient') {
    // Office.js cannot write a gradient: keep its first colour as a solid fill.
    const stops = (d.x as { stops?: { color?: XColor }[] } | undefined)?.stops;
    const h = xColorHex(stops?.[0]?.color).hex;
    return h ? { kind: 'solid', color: h } : { kind: 'clear' };
  }
  const pattern = XML_TO_PATTERN[d.pattern];
  if (!pattern) return d.fgColor ? { kind: 'solid', color: argbToHex(d.fgColor) } : { kind: 'clear' };
  const fill: OfficeFill = { pattern };
  const fg = d.fgColor ? argbToHex(d.fgColor) : xColorHex(x.fgColor).hex;
  if (fg) fill.patternColor = fg;
  const bg = xColorHex(x.bgColor).hex;
  if (bg) fill.color = bg;
  return { kind: 'props', fill };
}
