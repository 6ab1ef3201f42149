/**
 * An .xlsx as an OPC package: its zip entries, the parts changed or added by this run, relationships and
 * content types. A part the tool does not change stays the source's zip record, byte for byte.
 * Text parts are decoded with TextDecoder over the whole part (or in a stream with `stream: true`), never
 * with a decoder that could split a multibyte character, and re-encoded only when changed.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { crc32, entryBytes, readZipEntries, streamEntry, writeZip, type OutEntry, type ZipEntry } from './zip';

export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL = {
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vml: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
};
export const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
};

const decoder = () => new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The part it points to (zip name, no leading slash), for internal targets. */
  part: string;
}

/** Escapes text for an XML attribute or text node. */
export function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** The type ends with this name, in either the transitional or the strict namespace. */
export function relIs(type: string, transitional: string): boolean {
  const tail = transitional.slice(transitional.lastIndexOf('/'));
  return type === transitional || (type.endsWith(tail) && /relationships/.test(type));
}

/** Resolves a relationship target against the folder of its source part (absolute targets start with /). */
export function resolvePart(sourcePart: string, target: string): string {
  const t = target.split('#')[0];
  let segs: string[];
  if (t.startsWith('/')) segs = t.slice(1).split('/');
  else {
    const dir = sourcePart.includes('/') ? sourcePart.slice(0, sourcePart.lastIndexOf('/')).split('/') : [];
    segs = [...dir, ...t.split('/')];
  }
  const out: string[] = [];
  for (const s of segs) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.map((s) => safeDecode(s)).join('/');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The rels part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A target for `part` written relative to the folder of `sourcePart`. */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split('/').slice(0, -1);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/** Runs a non-namespace-aware saxes parser over a text; the handler sees open tags, text and close tags. */
export function parseXml(
  text: string,
  on: { open?: (t: SaxesTagPlain) => void; text?: (s: string) => void; close?: (name: string) => void },
): void {
  const p = new SaxesParser({ xmlns: false, position: false } as const);
  if (on.open) p.on('opentag', on.open);
  if (on.text) {
    p.on('text', on.text);
    p.on('cdata', on.text);
  }
  if (on.close) p.on('closetag', (t) => on.close!(t.name));
  p.write(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).close();
}

/** Local name of a possibly prefixed tag or attribute name. */
export const local = (name: string) => name.slice(name.indexOf(':') + 1);

export class XlsxPackage {
  readonly entries: ZipEntry[];
  private readonly byKey = new Map<string, ZipEntry>();
  /** Changed or added parts (by zip name as first written), as bytes. */
  private readonly changed = new Map<string, Uint8Array>();
  private readonly removed = new Set<string>();
  private readonly added: string[] = [];
  private readonly textCache = new Map<string, string>();

  constructor(readonly src: Uint8Array) {
    this.entries = readZipEntries(src);
    for (const e of this.entries) this.byKey.set(e.name.toLowerCase(), e);
  }

  private entry(name: string): ZipEntry | undefined {
    return this.byKey.get(name.toLowerCase());
  }

  /** The zip name under which a part is stored (case as in the file), or the name itself. */
  nameOf(part: string): string {
    return this.entry(part)?.name ?? this.added.find((a) => a.toLowerCase() === part.toLowerCase()) ?? part;
  }

  has(part: string): boolean {
    const k = part.toLowerCase();
    if (this.removed.has(k)) return false;
    return this.byKey.has(k) || this.added.some((a) => a.toLowerCase() === k);
  }

  /** Whether this run changed (or added) the part. */
  isChanged(part: string): boolean {
    return this.changed.has(part.toLowerCase());
  }

  bytes(part: string): Uint8Array | null {
    const k = part.toLowerCase();
    if (this.removed.has(k)) return null;
    const c = this.changed.get(k);
    if (c) return c;
    const e = this.byKey.get(k);
    return e ? entryBytes(this.src, e) : null;
  }

  /** A part's text (UTF-8), decoded whole; null when there is no such part. */
  text(part: string): string | null {
    const k = part.toLowerCase();
    const cached = this.textCache.get(k);
    if (cached !== undefined && !this.removed.has(k)) return cached;
    const b = this.bytes(part);
    if (!b) return null;
    const t = decoder().decode(b);
    this.textCache.set(k, t);
    return t;
  }

  /**
   * Streams a part's text in chunks, decoded with `stream: true` so no character is split between chunks;
   * the caller never holds the whole part.
   */
  streamText(part: string, onText: (s: string) => void): boolean {
    const k = part.toLowerCase();
    if (this.removed.has(k)) return false;
    const c = this.changed.get(k);
    const dec = decoder();
    if (c) {
      onText(dec.decode(c));
      return true;
    }
    const e = this.byKey.get(k);
    if (!e) return false;
    streamEntry(this.src, e, (chunk) => {
      const s = dec.decode(chunk, { stream: true });
      if (s) onText(s);
    });
    const tail = dec.decode();
    if (tail) onText(tail);
    return true;
  }

  /** Uncompressed size of a stored part (0 when unknown or added). */
  sizeOf(part: string): number {
    return this.entry(part)?.size ?? 0;
  }

  setText(part: string, text: string): void {
    const k = part.toLowerCase();
    this.removed.delete(k);
    if (!this.byKey.has(k) && !this.added.some((a) => a.toLowerCase() === k)) this.added.push(part);
    this.changed.set(k, encoder.encode(text));
    this.textCache.set(k, text);
  }

  remove(part: string): void {
    const k = part.toLowerCase();
    this.removed.add(k);
    this.changed.delete(k);
    this.textCache.delete(k);
    const i = this.added.findIndex((a) => a.toLowerCase() === k);
    if (i >= 0) this.added.splice(i, 1);
  }

  /** Every live part name. */
  partNames(): string[] {
    const out = this.entries.filter((e) => !this.removed.has(e.name.toLowerCase()) && !e.name.endsWith('/')).map((e) => e.name);
    return [...out, ...this.added];
  }

  /** The package as .xlsx bytes: unchanged entries copied as their original zip records. */
  save(): Uint8Array {
    const out: OutEntry[] = [];
    for (const e of this.entries) {
      const k = e.name.toLowerCase();
      if (this.removed.has(k)) continue;
      const c = this.changed.get(k);
      // A part edited back to its original bytes (a clear) is copied as its original record.
      out.push(c && !sameAsEntry(this.src, e, c) ? { kind: 'data', name: e.name, data: c } : { kind: 'copy', entry: e });
    }
    for (const a of this.added) out.push({ kind: 'data', name: a, data: this.changed.get(a.toLowerCase())! });
    return writeZip(this.src, out);
  }

  // -------------------------------------------------------------------------------------------
  // Relationships

  rels(sourcePart: string): Relationship[] {
    const text = this.text(relsPartOf(sourcePart));
    if (!text) return [];
    const out: Relationship[] = [];
    parseXml(text, {
      open: (t) => {
        if (local(t.name) !== 'Relationship') return;
        const a = t.attributes;
        const external = a.TargetMode === 'External';
        const target = a.Target ?? '';
        out.push({ id: a.Id ?? '', type: a.Type ?? '', target, external, part: external ? '' : resolvePart(sourcePart, target) });
      },
    });
    return out;
  }

  /** Adds a relationship (creating the rels part when needed); returns its id. */
  addRel(sourcePart: string, type: string, part: string): string {
    const relsPart = relsPartOf(sourcePart);
    // The smallest free rIdN: a run that removes and re-adds the same parts gets the same ids back.
    const ids = new Set(this.rels(sourcePart).map((r) => r.id));
    let n = 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const el = `<Relationship Id="${id}" Type="${type}" Target="${esc(relativeTarget(sourcePart, part))}"/>`;
    const text = this.text(relsPart);
    if (!text) {
      this.setText(relsPart, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${el}</Relationships>`);
    } else {
      this.setText(relsPart, insertBeforeClose(text, 'Relationships', el));
    }
    return id;
  }

  /** Removes a relationship by id; removes the rels part when it becomes empty and was... kept otherwise. */
  removeRel(sourcePart: string, id: string): void {
    const relsPart = relsPartOf(sourcePart);
    const text = this.text(relsPart);
    if (!text) return;
    const re = new RegExp(`<(?:\\w+:)?Relationship\\b[^>]*\\bId="${escapeRe(id)}"[^>]*?(?:/>|>\\s*</(?:\\w+:)?Relationship>)`);
    const next = text.replace(re, '');
    if (next === text) return;
    if (!/<(?:\w+:)?Relationship\b/.test(next)) this.remove(relsPart);
    else this.setText(relsPart, next);
  }

  // -------------------------------------------------------------------------------------------
  // Content types

  addOverride(part: string, contentType: string): void {
    const text = this.text('[Content_Types].xml') ?? '';
    const el = `<Override PartName="/${esc(part)}" ContentType="${contentType}"/>`;
    this.setText('[Content_Types].xml', insertBeforeClose(text, 'Types', el));
  }

  removeOverride(part: string): void {
    const text = this.text('[Content_Types].xml');
    if (!text) return;
    const re = new RegExp(`<(?:\\w+:)?Override\\b[^>]*\\bPartName="/${escapeRe(esc(part))}"[^>]*?/>`, 'i');
    const next = text.replace(re, '');
    if (next !== text) this.setText('[Content_Types].xml', next);
  }

  ensureDefault(ext: string, contentType: string): void {
    const text = this.text('[Content_Types].xml') ?? '';
    if (new RegExp(`<(?:\\w+:)?Default\\b[^>]*\\bExtension="${escapeRe(ext)}"`, 'i').test(text)) return;
    this.setText('[Content_Types].xml', insertAfterOpen(text, 'Types', `<Default Extension="${ext}" ContentType="${contentType}"/>`));
  }

  /** A free part name: prefix + n + suffix (n from 1), case-insensitively unused. */
  freePart(prefix: string, suffix: string): string {
    const taken = new Set(this.partNames().map((n) => n.toLowerCase()));
    for (let n = 1; ; n++) {
      const p = `${prefix}${n}${suffix}`;
      if (!taken.has(p.toLowerCase())) return p;
    }
  }
}

function sameAsEntry(src: Uint8Array, e: ZipEntry, data: Uint8Array): boolean {
  if (data.length !== e.size || crc32(data) !== e.crc) return false;
  const orig = entryBytes(src, e);
  for (let i = 0; i < data.length; i++) if (orig[i] !== data[i]) return false;
  return true;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Inserts `xml` just before the closing tag of the (possibly prefixed) root element `name`. */
export function insertBeforeClose(text: string, name: string, xml: string): string {
  const re = new RegExp(`</(?:[\\w.-]+:)?${name}\\s*>`, 'g');
  let m: RegExpExecArray | null;
  let last: RegExpExecArray | null = null;
  while ((m = re.exec(text))) last = m;
  if (last) return text.slice(0, last.index) + xml + text.slice(last.index);
  // A self-closed root: <Types .../>
  const self = new RegExp(`<((?:[\\w.-]+:)?${name})\\b([^>]*?)/>`).exec(text);
  if (!self) throw new Error(`no <${name}>`);
  return `${text.slice(0, self.index)}<${self[1]}${self[2]}>${xml}</${self[1]}>${text.slice(self.index + self[0].length)}`;
}

/** Inserts `xml` just after the opening tag of element `name`. */
export function insertAfterOpen(text: string, name: string, xml: string): string {
  const m = new RegExp(`<((?:[\\w.-]+:)?${name})\\b([^>]*?)(/?)>`).exec(text);
  if (!m) throw new Error(`no <${name}>`);
  if (m[3] === '/') return `${text.slice(0, m.index)}<${m[1]}${m[2]}>${xml}</${m[1]}>${text.slice(m.index + m[0].length)}`;
  const at = m.index + m[0].length;
  return text.slice(0, at) + xml + text.slice(at);
}
