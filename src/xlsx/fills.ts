/**
 * Fills of styles.xml and the memory's FillDesc (src/host/memory.ts), both ways: a `<fill>`'s XML read as
 * the JSON ExcelJS would hold and as a FillDesc (what a marked cell's fill was), and the XML of a
 * remembered fill or of a mark's solid fill. Same rules as the ExcelJS host, so both hosts remember alike.
 */
import type { FillDesc } from '../host/memory';
import { esc, parseXml, local } from './package';

type Color = Record<string, string | number>;

function colorOf(a: Record<string, string>): Color {
  const c: Color = {};
  if (a.rgb !== undefined) c.argb = a.rgb;
  if (a.theme !== undefined) c.theme = parseInt(a.theme, 10);
  if (a.tint !== undefined) c.tint = parseFloat(a.tint);
  if (a.indexed !== undefined) c.indexed = parseInt(a.indexed, 10);
  if (a.auto !== undefined) c.auto = a.auto === '1' || a.auto === 'true' ? 1 : 0;
  return c;
}

/** A fill's XML as the JSON ExcelJS would hold (the memory's FillDesc.x is that form). */
export function fillObject(xml: string): Record<string, unknown> | null {
  let fill: Record<string, unknown> | null = null;
  let stops: { position: number; color: Color }[] | null = null;
  let stopPos = 0;
  let target: 'fg' | 'bg' | 'stop' | null = null;
  parseXml(xml, {
    open: (t) => {
      const n = local(t.name);
      const a = t.attributes;
      if (n === 'patternFill') fill = { type: 'pattern', pattern: a.patternType ?? 'none' };
      else if (n === 'gradientFill') {
        stops = [];
        fill = { type: 'gradient', gradient: a.type === 'path' ? 'path' : 'angle' };
        if (a.type === 'path') fill.center = { left: parseFloat(a.left ?? '0'), top: parseFloat(a.top ?? '0') };
        else fill.degree = parseFloat(a.degree ?? '0');
        fill.stops = stops;
      } else if (n === 'stop') {
        stopPos = parseFloat(a.position ?? '0');
        target = 'stop';
      } else if (n === 'fgColor' && fill) fill.fgColor = colorOf(a);
      else if (n === 'bgColor' && fill) fill.bgColor = colorOf(a);
      else if (n === 'color' && target === 'stop' && stops) stops.push({ position: stopPos, color: colorOf(a) });
    },
  });
  return fill;
}

/** FillDesc (src/host/memory.ts) of a fill's XML; null for no fill. Same rules as the ExcelJS host's toFillDesc. */
export function fillDescOf(xml: string | undefined): FillDesc | null {
  if (!xml) return null;
  const f = fillObject(xml);
  if (!f) return null;
  const fg = f.fgColor as Color | undefined;
  const argb = fg && typeof fg.argb === 'string' ? fg.argb.toUpperCase() : undefined;
  const keys = Object.keys(f);
  const simple =
    f.type === 'pattern' && f.pattern === 'solid' && argb !== undefined && fg!.argb === argb &&
    keys.every((k) => k === 'type' || k === 'pattern' || k === 'fgColor') && Object.keys(fg!).length === 1;
  if (simple) return { pattern: 'solid', fgColor: argb };
  const d: FillDesc = { pattern: f.type === 'gradient' ? 'gradient' : String(f.pattern ?? 'none'), x: f };
  if (argb) d.fgColor = argb;
  return d;
}

function colorXml(tag: string, c: unknown): string {
  if (!c || typeof c !== 'object') return '';
  const o = c as Color;
  const parts: string[] = [];
  if (o.auto !== undefined) parts.push(`auto="${o.auto}"`);
  if (o.argb !== undefined) parts.push(`rgb="${esc(String(o.argb))}"`);
  if (o.theme !== undefined) parts.push(`theme="${o.theme}"`);
  if (o.indexed !== undefined) parts.push(`indexed="${o.indexed}"`);
  if (o.tint !== undefined) parts.push(`tint="${o.tint}"`);
  return `<${tag} ${parts.join(' ')}/>`;
}

/** The XML of a remembered fill (for a cell whose original style no longer exists). */
export function fillXmlOf(d: FillDesc): string {
  const x = d.x as Record<string, unknown> | undefined;
  if (x && x.type === 'gradient') {
    const stops = (x.stops as { position: number; color: unknown }[] | undefined) ?? [];
    const head = x.gradient === 'path'
      ? `type="path" left="${(x.center as { left: number })?.left ?? 0}" top="${(x.center as { top: number })?.top ?? 0}"`
      : `degree="${x.degree ?? 0}"`;
    return `<fill><gradientFill ${head}>${stops.map((s) => `<stop position="${s.position}">${colorXml('color', s.color)}</stop>`).join('')}</gradientFill></fill>`;
  }
  if (x && x.type === 'pattern') {
    const inner = colorXml('fgColor', x.fgColor) + colorXml('bgColor', x.bgColor);
    return `<fill><patternFill patternType="${esc(String(x.pattern ?? 'none'))}"${inner ? `>${inner}</patternFill>` : '/>'}</fill>`;
  }
  if (d.fgColor) return `<fill><patternFill patternType="${esc(d.pattern)}"><fgColor rgb="${esc(d.fgColor)}"/></patternFill></fill>`;
  return `<fill><patternFill patternType="${esc(d.pattern)}"/></fill>`;
}

export function solidFillXml(argb: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${esc(argb)}"/><bgColor indexed="64"/></patternFill></fill>`;
}
