/**
 * styles.xml, read for what the grid and the marks need (number formats of cell styles, fills) and
 * patched by appending: a new fill, border, font, number format or cell style (`<xf>`) goes at the end
 * of its list, every existing entry keeps its index and its bytes. An entry equal (as XML text) to one
 * already there is reused, so a second run appends nothing. A fill's XML as a FillDesc and back: fills.ts.
 */
import type { FillDesc } from '../host/memory';
import { esc } from './package';
import { fillDescOf, fillXmlOf, solidFillXml } from './fills';

/** Excel's built-in number formats (the ones ExcelJS knows), by numFmtId. */
const BUILTIN: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?',
  13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
  48: '##0.0E+0', 49: '@',
};

/** A number format that shows a date or a time (ExcelJS's rule, so both readers agree). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

interface Span {
  start: number;
  end: number;
}

interface ListInfo {
  /** Raw XML of each entry. */
  items: string[];
  /** Where the list element is (null: absent). */
  found: boolean;
}

const elRe = (name: string) => new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:[\\w.-]+:)?${name}\\s*>)`, 'g');

function listOf(text: string, list: string, item: string): ListInfo & Span & { prefix: string } {
  const m = new RegExp(`<((?:[\\w.-]+:)?)${list}\\b[^>]*?(/?)>`).exec(text);
  if (!m) return { items: [], found: false, start: -1, end: -1, prefix: '' };
  if (m[2] === '/') return { items: [], found: true, start: m.index, end: m.index + m[0].length, prefix: m[1] };
  const close = new RegExp(`</(?:[\\w.-]+:)?${list}\\s*>`, 'g');
  close.lastIndex = m.index;
  const c = close.exec(text);
  const end = c ? c.index + c[0].length : text.length;
  const body = text.slice(m.index + m[0].length, c ? c.index : text.length);
  return { items: body.match(elRe(item)) ?? [], found: true, start: m.index, end, prefix: m[1] };
}

export function attrsOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const open = /^<[^>]*?(\/?)>/.exec(tag);
  const s = open ? open[0] : tag;
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out[m[1]] = unesc(m[3] ?? m[4] ?? '');
  return out;
}

export function unesc(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (all, e: string) => {
    switch (e) {
      case 'lt': return '<';
      case 'gt': return '>';
      case 'amp': return '&';
      case 'quot': return '"';
      case 'apos': return "'";
      default: {
        const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(cp) ? String.fromCodePoint(cp) : all;
      }
    }
  });
}

/** Sets (or adds) attributes on the start tag of an element's XML. */
export function setAttrs(xml: string, set: Record<string, string>): string {
  const m = /^<([\w:.-]+)([^>]*?)(\/?)>/.exec(xml);
  if (!m) return xml;
  let attrs = m[2];
  for (const [k, v] of Object.entries(set)) {
    const re = new RegExp(`(\\s${k.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
    // The value's quote is kept (a single-quoted count marks a list that was self-closed; see render).
    if (re.test(attrs)) attrs = attrs.replace(re, (_a, pre: string, val: string) => (val[0] === "'" ? `${pre}'${esc(v)}'` : `${pre}"${esc(v)}"`));
    else attrs += ` ${k}="${esc(v)}"`;
  }
  return `<${m[1]}${attrs}${m[3]}>${xml.slice(m[0].length)}`;
}

/** The border of the summary sheets' cells (thin, light grey). */
export const BORDER_XML =
  '<border><left style="thin"><color rgb="FFBFBFBF"/></left><right style="thin"><color rgb="FFBFBFBF"/></right><top style="thin"><color rgb="FFBFBFBF"/></top><bottom style="thin"><color rgb="FFBFBFBF"/></bottom><diagonal/></border>';

/** The shapes of the entries this tool appends (summary fonts, fills, xfs), for trimming them when unused. */
const OWN_FILL = /^<(?:[\w.-]+:)?fill><(?:[\w.-]+:)?patternFill patternType="solid"><(?:[\w.-]+:)?fgColor rgb="[0-9A-Fa-f]{8}"\/><(?:[\w.-]+:)?bgColor indexed="64"\/><\/(?:[\w.-]+:)?patternFill><\/(?:[\w.-]+:)?fill>$/;
const OWN_FONT = /^<font>(<b\/>)?(<i\/>)?(<u\/>)?<sz val="[\d.]+"\/>(<color rgb="[0-9A-F]{8}"\/>)?<name val="等线"\/><family val="2"\/><charset val="134"\/><\/font>$/;
const OWN_SUMMARY_XF = /^<xf numFmtId="\d+" fontId="\d+" fillId="\d+" borderId="\d+" xfId="0"( applyNumberFormat="1")? applyFont="1"( applyFill="1")?( applyBorder="1")? applyAlignment="1"><alignment[^>]*\/><\/xf>$/;

/** Cuts a list of styles.xml to its first `keep` entries (count updated; an emptied numFmts removed). */
function cutList(text: string, list: string, item: string, keep: number): string {
  const info = listOf(text, list, item);
  if (!info.found || info.items.length <= keep) return text;
  const whole = text.slice(info.start, info.end);
  const open = /^<[^>]*>/.exec(whole)![0];
  if (keep === 0 && list === 'numFmts') {
    const restored = open.includes("count='") ? `<${info.prefix}${list} count="0"/>` : '';
    return text.slice(0, info.start) + restored + text.slice(info.end);
  }
  let pos = open.length;
  for (let i = 0; i < keep; i++) pos = whole.indexOf(info.items[i], pos) + info.items[i].length;
  const close = whole.search(new RegExp(`</(?:[\\w.-]+:)?${list}\\s*>$`));
  const next = setAttrs(whole.slice(0, pos), { count: String(keep) }) + whole.slice(close);
  return text.slice(0, info.start) + next + text.slice(info.end);
}

/**
 * styles.xml without the trailing entries this tool appended that nothing uses any more (after a clear):
 * cell styles above `maxUsedXf` shaped like the tool's (a mark: an earlier style with a solid fill; a
 * summary cell), then fills, fonts, borders and number formats no remaining style refers to, from the end,
 * while they are shaped like the tool's. The file's own entries are never removed.
 */
export function trimOwnStyles(text: string, maxUsedXf: number): string {
  const xfs = listOf(text, 'cellXfs', 'xf').items;
  const fills = listOf(text, 'fills', 'fill').items;
  const styleXfs = listOf(text, 'cellStyleXfs', 'xf').items;
  let n = xfs.length;
  while (n - 1 > maxUsedXf && n > 1) {
    const x = xfs[n - 1];
    const a = attrsOf(x);
    const fill = fills[parseInt(a.fillId ?? '0', 10)];
    const mark = a.applyFill === '1' && !!fill && OWN_FILL.test(fill) && xfs.slice(0, n - 1).some((y) => baseKey(y) === baseKey(x));
    if (!mark && !OWN_SUMMARY_XF.test(x)) break;
    n--;
  }
  if (n === xfs.length) return text;
  let t = cutList(text, 'cellXfs', 'xf', n);
  const kept = [...xfs.slice(0, n), ...styleXfs].map((x) => attrsOf(x));
  const used = (key: string) => new Set(kept.map((a) => parseInt(a[key] ?? '0', 10)));
  const trimTail = (list: string, item: string, key: string, own: (xml: string) => boolean, min: number) => {
    const items = listOf(t, list, item).items;
    const u = used(key);
    let k = items.length;
    while (k > min && !u.has(k - 1) && own(items[k - 1])) k--;
    t = cutList(t, list, item, k);
  };
  trimTail('fills', 'fill', 'fillId', (x) => OWN_FILL.test(x), 2);
  trimTail('fonts', 'font', 'fontId', (x) => OWN_FONT.test(x), 1);
  trimTail('borders', 'border', 'borderId', (x) => x === BORDER_XML, 1);
  const fmts = listOf(t, 'numFmts', 'numFmt').items;
  const usedFmt = used('numFmtId');
  const dxfs = /<(?:[\w.-]+:)?dxfs\b[\s\S]*?<\/(?:[\w.-]+:)?dxfs>/.exec(t)?.[0] ?? '';
  let k = fmts.length;
  while (k > 0) {
    const id = parseInt(attrsOf(fmts[k - 1]).numFmtId ?? '0', 10);
    if (id < 164 || usedFmt.has(id) || dxfs.includes(`numFmtId="${id}"`)) break;
    k--;
  }
  return cutList(t, 'numFmts', 'numFmt', k);
}

export interface XfInfo {
  xml: string;
  fillId: number;
  numFmtId: number;
}

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** The lists of styles.xml in schema order (a missing list is inserted before the first later one). */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const ITEM: Record<string, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf' };

export class StyleSheet {
  numFmts = new Map<number, string>();
  fills: string[];
  fonts: string[];
  borders: string[];
  xfs: XfInfo[];
  private pending: Record<string, string[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [] };
  private readonly markXf = new Map<string, number>();

  constructor(private text: string | null) {
    const t = text ?? MINIMAL_STYLES;
    for (const x of listOf(t, 'numFmts', 'numFmt').items) {
      const a = attrsOf(x);
      if (a.numFmtId !== undefined && a.formatCode !== undefined) this.numFmts.set(parseInt(a.numFmtId, 10), a.formatCode);
    }
    this.fills = listOf(t, 'fills', 'fill').items;
    this.fonts = listOf(t, 'fonts', 'font').items;
    this.borders = listOf(t, 'borders', 'border').items;
    this.xfs = listOf(t, 'cellXfs', 'xf').items.map((xml) => {
      const a = attrsOf(xml);
      return { xml, fillId: parseInt(a.fillId ?? '0', 10) || 0, numFmtId: parseInt(a.numFmtId ?? '0', 10) || 0 };
    });
  }

  /** The number format of a cell style as ExcelJS reads it (undefined when none). */
  numFmtOf(s: number): string | undefined {
    const xf = this.xfs[s];
    if (!xf) return undefined;
    const code = this.numFmts.get(xf.numFmtId);
    if (code !== undefined) return code.replace(/[\\](.)/g, '$1');
    return BUILTIN[xf.numFmtId];
  }

  fillXmlOfXf(s: number): string | undefined {
    const xf = this.xfs[s];
    if (!xf || !xf.fillId) return undefined;
    return this.fills[xf.fillId];
  }

  get changed(): boolean {
    return Object.values(this.pending).some((l) => l.length > 0);
  }

  private add(list: 'fills' | 'fonts' | 'borders', xml: string): number {
    const arr = this[list];
    const i = arr.indexOf(xml);
    if (i >= 0) return i;
    arr.push(xml);
    this.pending[list].push(xml);
    return arr.length - 1;
  }

  addFill(xml: string): number {
    return this.add('fills', xml);
  }
  addFont(xml: string): number {
    return this.add('fonts', xml);
  }
  addBorder(xml: string): number {
    return this.add('borders', xml);
  }

  addNumFmt(code: string): number {
    for (const [id, c] of Object.entries(BUILTIN)) if (c === code) return Number(id);
    for (const [id, c] of this.numFmts) if (c === code) return id;
    let id = 164;
    while (this.numFmts.has(id)) id++;
    this.numFmts.set(id, code);
    this.pending.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
    return id;
  }

  addXf(xml: string): number {
    const i = this.xfs.findIndex((x) => x.xml === xml);
    if (i >= 0) return i;
    const a = attrsOf(xml);
    this.xfs.push({ xml, fillId: parseInt(a.fillId ?? '0', 10) || 0, numFmtId: parseInt(a.numFmtId ?? '0', 10) || 0 });
    this.pending.cellXfs.push(xml);
    return this.xfs.length - 1;
  }

  /** The style "cell style s, with this solid fill" (one per original style and colour). */
  markedXf(s: number, argb: string): number {
    const k = `${s}\u0000${argb}`;
    const hit = this.markXf.get(k);
    if (hit !== undefined) return hit;
    const fillId = this.addFill(solidFillXml(argb));
    const base = this.xfs[s]?.xml ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const idx = this.addXf(setAttrs(base, { fillId: String(fillId), applyFill: '1' }));
    this.markXf.set(k, idx);
    return idx;
  }

  /** Whether cell style s is a solid fill of this colour. */
  isSolid(s: number, argb: string): boolean {
    const d = fillDescOf(this.fillXmlOfXf(s));
    if (!d || d.pattern !== 'solid') return false;
    const fg = d.fgColor;
    return typeof fg === 'string' && fg.toUpperCase() === argb.toUpperCase();
  }

  /**
   * The style to put back on a cell of style s whose original fill was `fill`: the first existing style
   * equal to s but for its fill whose fill is `fill` (the cell's original style, in a file this tool
   * marked), else a new one.
   */
  restoredXf(s: number, fill: FillDesc | null): number {
    const key = baseKey(this.xfs[s]?.xml ?? '');
    const want = JSON.stringify(fill);
    for (let i = 0; i < this.xfs.length; i++) {
      if (baseKey(this.xfs[i].xml) !== key) continue;
      if (JSON.stringify(fillDescOf(this.fillXmlOfXf(i))) === want) return i;
    }
    const fillId = fill ? this.addFill(fillXmlOf(fill)) : 0;
    const base = this.xfs[s]?.xml ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    return this.addXf(setAttrs(base, { fillId: String(fillId), applyFill: fill ? '1' : '0' }));
  }

  /** styles.xml with the appended entries (the original text when nothing was added). */
  render(): string {
    let t = this.text ?? MINIMAL_STYLES;
    for (const list of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs']) {
      const add = this.pending[list];
      if (!add.length) continue;
      const info = listOf(t, list, ITEM[list]);
      if (!info.found) {
        const el = `<${list} count="${add.length}">${add.join('')}</${list}>`;
        const later = ORDER.slice(ORDER.indexOf(list) + 1);
        let at = -1;
        for (const l of later) {
          const m = new RegExp(`<(?:[\\w.-]+:)?${l}\\b`).exec(t);
          if (m) {
            at = m.index;
            break;
          }
        }
        if (at < 0) at = t.search(/<\/(?:[\w.-]+:)?styleSheet\s*>/);
        t = t.slice(0, at) + el + t.slice(at);
        continue;
      }
      const p = info.prefix;
      const whole = t.slice(info.start, info.end);
      const total = info.items.length + add.length;
      const body = add.map((x) => (p ? x.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`) : x)).join('');
      let next: string;
      if (/\/>$/.test(whole) && !new RegExp(`</(?:[\\w.-]+:)?${list}`).test(whole)) {
        // A self-closed empty list (openpyxl's <numFmts count="0"/>): its count in single quotes says so, and
        // trimOwnStyles puts the self-closed form back when the list empties again.
        next = `<${p}${list} count='${total}'>${body}</${p}${list}>`;
      } else {
        const closeAt = whole.search(new RegExp(`</(?:[\\w.-]+:)?${list}\\s*>$`));
        next = setAttrs(whole.slice(0, closeAt), { count: String(total) }) + body + whole.slice(closeAt);
      }
      t = t.slice(0, info.start) + next + t.slice(info.end);
    }
    this.text = t;
    for (const k of Object.keys(this.pending)) this.pending[k] = [];
    return t;
  }
}

/** An xf's identity but for its fill: attributes sorted, fillId/applyFill left out, children as they are. */
function baseKey(xml: string): string {
  const a = attrsOf(xml);
  delete a.fillId;
  delete a.applyFill;
  const body = xml.replace(/^<[^>]*?>/, '').replace(/<\/[^>]*>$/, '');
  return JSON.stringify(Object.entries(a).sort(([x], [y]) => (x < y ? -1 : 1))) + body;
}
