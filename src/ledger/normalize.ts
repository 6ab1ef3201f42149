/**
 * Text normalisation shared by header matching and row classification. Pure and cheap: every regular
 * expression is compiled once at module load.
 */
import type { StageKey } from './types';

/** What a unit in a header means: its display name, the factor to the standard's unit, and its dimension. */
export interface UnitInfo {
  unit: string;
  factor: number;
  dim: 'money' | 'area' | 'count';
}

/** Unit tokens (already NFKC-normalised, so ㎡ and m² arrive as "m2"), longest first. */
const UNIT_TOKENS: ReadonlyArray<[string, UnitInfo]> = [
  ['平方米', { unit: '㎡', factor: 1, dim: 'area' }],
  ['万元', { unit: '万元', factor: 10000, dim: 'money' }],
  ['千元', { unit: '千元', factor: 1000, dim: 'money' }],
  ['平米', { unit: '㎡', factor: 1, dim: 'area' }],
  ['平方', { unit: '㎡', factor: 1, dim: 'area' }],
  ['m^2', { unit: '㎡', factor: 1, dim: 'area' }],
  ['m2', { unit: '㎡', factor: 1, dim: 'area' }],
  ['M2', { unit: '㎡', factor: 1, dim: 'area' }],
  ['元', { unit: '元', factor: 1, dim: 'money' }],
  ['人', { unit: '人', factor: 1, dim: 'count' }],
  ['名', { unit: '名', factor: 1, dim: 'count' }],
  ['个', { unit: '个', factor: 1, dim: 'count' }],
  ['间', { unit: '间', factor: 1, dim: 'count' }],
  ['班', { unit: '班', factor: 1, dim: 'count' }],
  ['台', { unit: '台', factor: 1, dim: 'count' }],
  ['套', { unit: '套', factor: 1, dim: 'count' }],
];
const UNIT_MAP = new Map<string, UnitInfo>(UNIT_TOKENS);
/** Units that may be stripped from the END of a header without brackets (single count words are too risky). */
const TRAILING_UNITS: ReadonlyArray<[string, UnitInfo]> = UNIT_TOKENS.filter(([t, u]) => u.dim !== 'count' || t === '间');

/** The unit a text stands for ("万元", "（㎡）" content, "m2" …), or null. */
export function parseUnit(text: string): UnitInfo | null {
  const t = text.normalize('NFKC').replace(WS, '').replace(/^单位[:：]?/, '');
  return UNIT_MAP.get(t) ?? null;
}

/** Stage words a header or a child header may carry. `all` = a total column of a split quantity. */
const STAGE_WORDS: ReadonlyArray<[string, StageKey | 'all']> = [
  ['小学', '小学'], ['小学部', '小学'], ['小学段', '小学'], ['小学阶段', '小学'], ['小学生', '小学'],
  ['初中', '初中'], ['初中部', '初中'], ['初中段', '初中'], ['初中阶段', '初中'], ['初级中学', '初中'], ['初中生', '初中'],
  ['高中', '高中'], ['高中部', '高中'], ['高中段', '高中'], ['高中阶段', '高中'],
  ['合计', 'all'], ['小计', 'all'], ['总计', 'all'], ['总数', 'all'], ['合计数', 'all'], ['全校', 'all'], ['总', 'all'],
  ['计', 'all'], ['共计', 'all'], ['总人数', 'all'],
];
const STAGE_MAP = new Map<string, StageKey | 'all'>(STAGE_WORDS);
/** Stage prefixes/suffixes tried on one-row headers such as "小学在校生数" or "在校生数小学". */
export const STAGE_AFFIXES: ReadonlyArray<[string, StageKey]> = [
  ['小学部', '小学'], ['初中部', '初中'], ['高中部', '高中'], ['小学', '小学'], ['初中', '初中'], ['高中', '高中'],
];

/** A normalised header text that names a 学段 (or a total), else null. */
export function stageOf(key: string): StageKey | 'all' | null {
  return STAGE_MAP.get(key) ?? null;
}

const WS = /[\s\u00a0\u3000\u200b\ufeff]+/g;
const BRACKETS = /[([【〔［{]([^)\]】〕］}]*)[)\]】〕］}]/g;
const PUNCT = /[、,，.。:：;；·•'"‘’“”\-—–_/\\|*※#＋+~～!！?？]/g;
const LEADING = /^其中/;
const ORDINAL = /^(\d{1,2}|[一二三四五六七八九十]{1,2})(?=[、.．)）])[、.．)）]/;

export interface NormalizedHeader {
  /** The comparable key: NFKC, no whitespace, brackets and trailing unit removed. */
  key: string;
  /** The unit found in brackets or at the end, if any. */
  unit: UnitInfo | null;
  /** A stage named in brackets ("在校生数（小学）"), if any. */
  stage: StageKey | 'all' | null;
}

const headerCache = new Map<string, NormalizedHeader>();

/**
 * Normalises one header text: NFKC (full/half width), removes all whitespace and line breaks, captures a
 * unit or stage written in brackets and removes every bracketed part, removes punctuation, a leading
 * "其中", and a trailing unit (万元, 元, ㎡, 平方米, m², 平米, 间).
 */
export function normalizeHeader(text: string): NormalizedHeader {
  const cached = headerCache.get(text);
  if (cached) return cached;
  let unit: UnitInfo | null = null;
  let stage: StageKey | 'all' | null = null;
  let s = text.normalize('NFKC').replace(WS, '').replace(ORDINAL, '');
  s = s.replace(BRACKETS, (_m, inner: string) => {
    const i = inner.replace(/^单位[:：]?/, '');
    const u = UNIT_MAP.get(i);
    if (u) unit = unit ?? u;
    const st = STAGE_MAP.get(i);
    if (st && st !== 'all') stage = stage ?? st;
    return '';
  });
  s = s.replace(PUNCT, '').replace(LEADING, '');
  if (!unit) {
    for (const [tok, u] of TRAILING_UNITS) {
      if (s.length > tok.length && s.endsWith(tok)) {
        unit = u;
        s = s.slice(0, -tok.length);
        break;
      }
    }
  } else {
    // "面积(㎡)" already gave the unit; a doubled "面积㎡(㎡)" is still cleaned.
    for (const [tok] of TRAILING_UNITS) {
      if (s.length > tok.length && s.endsWith(tok) && UNIT_MAP.get(tok)?.dim !== 'count') {
        s = s.slice(0, -tok.length);
        break;
      }
    }
  }
  const out: NormalizedHeader = { key: s, unit, stage };
  if (headerCache.size > 5000) headerCache.clear();
  headerCache.set(text, out);
  return out;
}

/** Normalises free text (a school name, a type, a grade): NFKC and no whitespace. */
export function normalizeText(text: string): string {
  // Fast path (hot: names, 学历, 是/否 on every row of a 50 000-teacher ledger): printable ASCII and CJK
  // Unified Ideographs are unchanged by NFKC, cannot combine with each other and hold no whitespace.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x21 || c > 0x7e) && (c < 0x4e00 || c > 0x9fff)) return text.normalize('NFKC').replace(WS, '');
  }
  return text;
}

/** A cell value as header/label text ("" for blanks and non-text). Numbers become their digits. */
export function cellText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return '';
}
