/**
 * Notes ("批注") of one worksheet: the comments part (text) and the legacy VML drawing (the box: where,
 * how big, shown or hidden). Both are patched, never rewritten: a marked cell's `<comment>` gets the mark's
 * text (its start tag, author and the VML shape — size, "always show" — stay as they were); a cell without
 * a note gets a new `<comment>` and a new hidden shape at the end of the lists. The original `<comment>`
 * and `<v:shape>` XML go into the memory so 「清除标记」 puts them back character for character.
 * VML is parsed by pattern, not as XML: Excel's VML is not always well-formed.
 */
import type { NoteValue, RichNote } from '../host/memory';
import { columnLetter } from '../ledger/grid';
import { esc, escapeRe } from './package';
import { xmlText } from './render';
import { decodeEscapes, parseRef } from './sheet-read';
import { unesc } from './styles';

export interface CommentEl {
  ref: string;
  start: number;
  end: number;
  xml: string;
}

const COMMENT_RE = /<((?:[\w.-]+:)?)comment\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?comment\s*>)/g;

export function commentsOf(xml: string): CommentEl[] {
  const out: CommentEl[] = [];
  COMMENT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COMMENT_RE.exec(xml))) {
    const ref = /\bref\s*=\s*"([^"]*)"/.exec(m[0].slice(0, m[0].indexOf('>')))?.[1];
    if (ref) out.push({ ref: ref.replace(/\$/g, '').toUpperCase(), start: m.index, end: m.index + m[0].length, xml: m[0] });
  }
  return out;
}

/** The runs of a `<comment>`'s text (phonetic runs left out). */
export function commentTexts(xml: string): { text: string; font?: Record<string, unknown> }[] {
  const textEl = /<(?:[\w.-]+:)?text\b[^>]*>([\s\S]*)<\/(?:[\w.-]+:)?text\s*>/.exec(xml);
  if (!textEl) return [];
  const body = textEl[1].replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh\s*>/g, '');
  const runs: { text: string; font?: Record<string, unknown> }[] = [];
  const runRe = /<(?:[\w.-]+:)?r\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?r\s*>/g;
  let any = false;
  let m: RegExpExecArray | null;
  while ((m = runRe.exec(body))) {
    any = true;
    const rPr = /<(?:[\w.-]+:)?rPr\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?rPr\s*>/.exec(m[1]);
    const run: { text: string; font?: Record<string, unknown> } = { text: tText(m[1]) };
    if (rPr) run.font = fontOf(rPr[1]);
    runs.push(run);
  }
  if (!any) runs.push({ text: tText(body) });
  return runs;
}

function tText(xml: string): string {
  let s = '';
  const re = /<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t\s*>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) s += m[1] ? unescCdata(m[1]) : '';
  return decodeEscapes(s);
}

function unescCdata(s: string): string {
  return s.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)/g, (_a, cd: string | undefined, tx: string | undefined) => (cd !== undefined ? cd : unesc(tx ?? '')));
}

function fontOf(rPr: string): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (/<(?:\w+:)?b\b(?![^>]*val="(?:0|false)")/.test(rPr)) f.bold = true;
  if (/<(?:\w+:)?i\b(?![^>]*val="(?:0|false)")/.test(rPr)) f.italic = true;
  const sz = /<(?:\w+:)?sz\b[^>]*val="([^"]*)"/.exec(rPr);
  if (sz) f.size = parseFloat(sz[1]);
  const name = /<(?:\w+:)?rFont\b[^>]*val="([^"]*)"/.exec(rPr);
  if (name) f.name = unesc(name[1]);
  return f;
}

/** A cell's original note for the memory: its runs, and the exact XML of the comment and of its shape. */
export function noteValueOf(c: CommentEl, shape: string | undefined): NoteValue {
  const xlsx: Record<string, string> = { comment: toBase64(c.xml) };
  if (shape) xlsx.shape = toBase64(shape);
  const note: RichNote = { texts: commentTexts(c.xml), xlsx };
  return note;
}

/**
 * The kept XML of a note (noteValueOf), or null. Stored as base64 of its UTF-8: the XML holds Excel's own
 * `_x0000_` names, which a cell's text cannot carry unescaped, and not every reader undoes the escape.
 */
export function keptNoteXml(note: NoteValue | null): { comment?: string; shape?: string } | null {
  if (!note || typeof note !== 'object') return null;
  const x = (note as { xlsx?: { comment?: unknown; shape?: unknown } }).xlsx;
  if (!x || typeof x !== 'object') return null;
  const out: { comment?: string; shape?: string } = {};
  try {
    if (typeof x.comment === 'string') out.comment = fromBase64(x.comment);
    if (typeof x.shape === 'string') out.shape = fromBase64(x.shape);
  } catch {
    return null;
  }
  return out;
}

function toBase64(s: string): string {
  const b = new TextEncoder().encode(s);
  let bin = '';
  for (let i = 0; i < b.length; i += 0x8000) bin += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(bin);
}

function fromBase64(s: string): string {
  const bin = atob(s);
  const b = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) b[i] = bin.charCodeAt(i);
  return new TextDecoder('utf-8', { fatal: true }).decode(b);
}

/** Plain text of a comment element. */
export function commentText(xml: string): string {
  return commentTexts(xml).map((r) => r.text).join('');
}

/** The `<text>` of a plain note: one run (readers such as ExcelJS skip a bare `<t>`). */
function textXml(text: string): string {
  return `<text><r><t xml:space="preserve">${xmlText(text)}</t></r></text>`;
}

/** The comment element with its text replaced (start tag, author and attributes kept). */
export function withText(commentXml: string, text: string, prefix: string): string {
  const t = textXml(text).replace(/<(\/?)(?=[a-z])/g, `<$1${prefix}`);
  const re = /<(?:[\w.-]+:)?text\b[^>]*>[\s\S]*<\/(?:[\w.-]+:)?text\s*>|<(?:[\w.-]+:)?text\b[^>]*\/>/;
  if (re.test(commentXml)) return commentXml.replace(re, () => t);
  if (/\/>$/.test(commentXml)) return commentXml.replace(/\s*\/>$/, () => `>${t}</${prefix}comment>`);
  return commentXml.replace(/<\/(?:[\w.-]+:)?comment\s*>$/, (close) => t + close);
}

export function newComment(ref: string, authorId: number, text: string, prefix: string): string {
  return `<${prefix}comment ref="${esc(ref)}" authorId="${authorId}">${textXml(text).replace(/<(\/?)(?=[a-z])/g, `<$1${prefix}`)}</${prefix}comment>`;
}

/** A rich note of another host (no XML kept): its runs as plain text runs. */
export function commentFromNote(ref: string, authorId: number, note: NoteValue, prefix: string): string {
  if (typeof note === 'string') return newComment(ref, authorId, note, prefix);
  const runs = note.texts
    .map((t) => {
      const f = (t.font ?? {}) as Record<string, unknown>;
      const rPr = `${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${typeof f.size === 'number' ? `<sz val="${f.size}"/>` : ''}${typeof f.name === 'string' ? `<rFont val="${esc(f.name)}"/>` : ''}`;
      return `<r>${rPr ? `<rPr>${rPr}</rPr>` : ''}<t xml:space="preserve">${xmlText(t.text ?? '')}</t></r>`;
    })
    .join('');
  return `<${prefix}comment ref="${esc(ref)}" authorId="${authorId}"><text>${runs}</text></${prefix}comment>`.replace(/<(\/?)(?=(?:r|rPr|b|i|sz|rFont|t|text)\b)/g, `<$1${prefix}`);
}

/**
 * The prefixes a VML drawing's root binds to the VML, Office and Excel namespaces. openpyxl declares them on
 * each element instead (with ns0:, ns1: … meaning different things on different elements): then new
 * shapes declare v:, o:, x: themselves (`local`).
 */
export interface VmlPrefixes {
  v: string;
  o: string;
  x: string;
  local: boolean;
}

const VML_NS = { v: 'urn:schemas-microsoft-com:vml', o: 'urn:schemas-microsoft-com:office:office', x: 'urn:schemas-microsoft-com:office:excel' };

export function vmlPrefixes(vml: string | null): VmlPrefixes {
  const root = vml ? /<xml\b[^>]*>/.exec(vml)?.[0] ?? '' : '';
  const find = (uri: string) => new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${uri.replace(/[.:]/g, '\\$&')}["']`).exec(root)?.[1];
  const v = find(VML_NS.v);
  const o = find(VML_NS.o);
  const x = find(VML_NS.x);
  if (!vml || (v && o && x)) return { v: v ?? 'v', o: o ?? 'o', x: x ?? 'x', local: false };
  return { v: 'v', o: 'o', x: 'x', local: true };
}

/** VML written with v:/o:/x: in the file's own prefixes (or declaring them on the element). */
export function inPrefixes(xml: string, p: VmlPrefixes): string {
  if (p.local) return xml.replace(/^<([\w.-]+:[\w.-]+)/, `<$1 xmlns:v="${VML_NS.v}" xmlns:o="${VML_NS.o}" xmlns:x="${VML_NS.x}"`);
  if (p.v === 'v' && p.o === 'o' && p.x === 'x') return xml;
  return xml.replace(/(<\/?|\s)([vox]):(?=[A-Za-z])/g, (_a, lead: string, q: 'v' | 'o' | 'x') => `${lead}${p[q]}:`);
}

export interface ShapeEl {
  ref: string;
  start: number;
  end: number;
  xml: string;
}

/** The note shapes of a VML drawing, by the cell they belong to. */
export function shapesOf(vml: string): ShapeEl[] {
  const out: ShapeEl[] = [];
  // Any prefix: openpyxl's differ from shape to shape.
  const re = /<([\w.-]+):shape\b[^>]*>[\s\S]*?<\/\1:shape\s*>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(vml))) {
    const x = m[0];
    if (!/ObjectType\s*=\s*["']Note["']/.test(x)) continue;
    const row = /<(?:[\w.-]+:)?Row>\s*(\d+)\s*<\/(?:[\w.-]+:)?Row>/.exec(x);
    const col = /<(?:[\w.-]+:)?Column>\s*(\d+)\s*<\/(?:[\w.-]+:)?Column>/.exec(x);
    if (!row || !col) continue;
    out.push({ ref: cellRef(Number(row[1]) + 1, Number(col[1]) + 1), start: m.index, end: m.index + x.length, xml: x });
  }
  return out;
}

const cellRef = (row: number, col: number): string => `${columnLetter(col)}${row}`;

export const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

export function newVml(shapes: string): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    SHAPETYPE +
    shapes +
    '</xml>'
  );
}

/** A hidden note box for a cell (Excel's default size, beside the cell). */
export function newShape(ref: string, id: number): string {
  const p = parseRef(ref) ?? [1, 1];
  const row = p[0] - 1;
  const col = p[1] - 1;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${Math.max(0, row - 1)}, 2, ${col + 3}, 15, ${row + 3}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

/** The highest _x0000_sNNNN shape number in a VML text (1024 when none). */
export function maxShapeId(vml: string): number {
  let max = 1024;
  const re = /_x0000_s(\d+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(vml))) max = Math.max(max, Number(m[1]));
  return max;
}

export function newComments(prefix = ''): string {
  void prefix;
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>均衡自查</author></authors><commentList></commentList></comments>';
}

/** Inserts comment elements at the end of `<commentList>` (creating it when self-closed or absent). */
export function appendComments(xml: string, els: string): string {
  if (!els) return xml;
  const close = /<\/((?:[\w.-]+:)?)commentList\s*>/.exec(xml);
  if (close) return xml.slice(0, close.index) + els + xml.slice(close.index);
  const self = /<((?:[\w.-]+:)?)commentList\b([^>]*)\/>/.exec(xml);
  if (self) return `${xml.slice(0, self.index)}<${self[1]}commentList${self[2]}>${els}</${self[1]}commentList>${xml.slice(self.index + self[0].length)}`;
  const end = /<\/((?:[\w.-]+:)?)comments\s*>/.exec(xml);
  if (!end) return xml;
  return `${xml.slice(0, end.index)}<${end[1]}commentList>${els}</${end[1]}commentList>${xml.slice(end.index)}`;
}

/** The prefix the comments part uses for its elements ('' or 'x:'). */
export function commentsPrefix(xml: string): string {
  return /<((?:[\w.-]+:)?)comments\b/.exec(xml)?.[1] ?? '';
}

export { escapeRe };
