/**
 * Cell coercion: numbers, grades and school types from what a host read. Pure, no per-cell regex
 * compilation, a fast path for plain numbers.
 */
import { isCellError, type CellValue } from './grid';
import type { SchoolType } from './types';
import { normalizeText } from './normalize';
import { cellDateText } from './dates';

/**
 * The result of reading a number from a cell:
 * - `{value}` — a finite number. `factor` is set when the cell text carried its own money/area unit
 *   ("45.6万" → value 45.6, factor 10000; "300元" → factor 1); the caller then applies `factor` instead of
 *   the column's unit factor.
 * - `{error}` — the Chinese description of why the cell cannot be read, written to follow
 *   "「列名」单元格", e.g. `内容“暂无”无法识别为数字`.
 * - `{blank: true}` — nothing typed.
 */
export type NumberRead = { value: number; factor?: number } | { error: string } | { blank: true };

const dateFormatCache = new Map<string, boolean>();
const FORMAT_LITERALS = /"[^"]*"|\\.|\[[^\]]*\]|_.|\*.|e[+-]/gi;
const FORMAT_DATE_CODES = /[ymdhs]/i;

/** True when an Excel number format shows a date or a time (yyyy-mm-dd, m/d/yy, yyyy"年"m"月"d"日", h:mm …). */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  let r = dateFormatCache.get(format);
  if (r === undefined) {
    const lower = format.toLowerCase();
    r = lower === 'general' || lower === '@' || lower === 'g/通用格式' ? false : FORMAT_DATE_CODES.test(format.replace(FORMAT_LITERALS, ''));
    if (dateFormatCache.size > 1000) dateFormatCache.clear();
    dateFormatCache.set(format, r);
  }
  return r;
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const NUMBER_WITH_UNIT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(万元|万|千元|元|平方米|平米|m2|m\^2|人|名|个|间|班|台|套|册|所)?$/;
const THOUSANDS = /(\d),(?=\d{3}(?:\D|$))/g;
const CELL_UNIT_FACTOR: Record<string, number> = { 万元: 10000, 万: 10000, 千元: 1000, 元: 1, 平方米: 1, 平米: 1, m2: 1, 'm^2': 1 };


function quote(text: string): string {
  const t = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `“${t}”`;
}

/**
 * Reads a number from one cell. Plain numbers take a fast path. Text is read after NFKC (full-width
 * digits), with surrounding spaces, thousands separators ("1,200", "1，200") and a trailing unit
 * ("1200人", "3.5㎡", "12间", "45.6万元") removed. Blanks (null, "", spaces) are `{blank: true}`.
 * Everything else (words such as 暂无, dashes, error values, dates, numbers shown with a date format,
 * booleans) is `{error}`.
 */
export function readNumber(v: CellValue | undefined, format?: string | null): NumberRead {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { error: `内容${quote(String(v))}无法识别为数字` };
    if (format && isDateFormat(format)) return { error: `内容按日期格式显示（${format}），不是数字` };
    return { value: v };
  }
  if (v === null || v === undefined) return { blank: true };
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') return { blank: true };
    if (PLAIN_NUMBER.test(t)) return { value: Number(t) };
    const n0 = normalizeText(t).replace(/，/g, ',');
    // Thousands separators only in the whole part: "1,234.567,890" is not a number.
    const s = /\.\d*,/.test(n0) ? n0 : n0.replace(THOUSANDS, '$1');
    if (s === '') return { blank: true };
    const m = NUMBER_WITH_UNIT.exec(s);
    if (m) {
      const n = Number(m[1]);
      if (Number.isFinite(n)) {
        const f = m[2] ? CELL_UNIT_FACTOR[m[2]] : undefined;
        return f === undefined ? { value: n } : { value: n, factor: f };
      }
    }
    return { error: `内容${quote(t)}无法识别为数字` };
  }
  if (typeof v === 'boolean') return { error: `内容${quote(v ? 'TRUE' : 'FALSE')}是逻辑值，不是数字` };
  if (v instanceof Date) return { error: `内容是日期（${cellDateText(v)}），不是数字` };
  if (isCellError(v)) return { error: `是错误值${quote(v.error)}，无法读取` };
  return { error: '内容无法识别为数字' };
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function cnNumber(s: string): number | null {
  if (s === '') return null;
  if (/^\d{1,2}$/.test(s)) return Number(s);
  if (s === '十') return 10;
  if (s.length === 1) return CN_DIGITS[s] ?? null;
  if (s.length === 2 && s[0] === '十') {
    const d = CN_DIGITS[s[1]];
    return d && d < 10 ? 10 + d : null;
  }
  return null;
}

const GRADE_RE = /^(小学|初中|高中)?(\d{1,2}|[一二三四五六七八九十]{1,2})年级/;
const JUNIOR_RE = /^(初|高)(?:中)?([一二三123])(?:年级)?/;
const PLAIN_GRADE = /^(\d{1,2})(?:\.0+)?$/;

/**
 * A grade from a cell: 一年级…九年级, 1–9年级, 初一…初三 (= 7–9), 七年级, 高一…高三 (= 10–12), 初中一年级 (= 7),
 * plain numbers 1–12. A class name that starts with a grade ("一年级（1）班", "初二3班") also works.
 * Returns null when no grade can be read.
 */
const gradeCache = new Map<string, number | null>();

export function parseGrade(v: CellValue | undefined): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 12 ? v : null;
  if (typeof v !== 'string') return null;
  let g = gradeCache.get(v);
  if (g === undefined) {
    g = parseGradeText(v);
    if (gradeCache.size > 2000) gradeCache.clear();
    gradeCache.set(v, g);
  }
  return g;
}

function parseGradeText(v: string): number | null {
  const s = normalizeText(v);
  if (s === '') return null;
  let m = PLAIN_GRADE.exec(s);
  if (m) {
    const n = Number(m[1]);
    return n >= 1 && n <= 12 ? n : null;
  }
  m = GRADE_RE.exec(s);
  if (m) {
    const n = cnNumber(m[2]);
    if (n === null) return null;
    if (m[1] === '初中') return n >= 1 && n <= 3 ? n + 6 : n >= 7 && n <= 9 ? n : null;
    if (m[1] === '高中') return n >= 1 && n <= 3 ? n + 9 : n >= 10 && n <= 12 ? n : null;
    return n >= 1 && n <= 12 ? n : null;
  }
  m = JUNIOR_RE.exec(s);
  if (m) {
    const n = m[2] === '一' || m[2] === '1' ? 1 : m[2] === '二' || m[2] === '2' ? 2 : 3;
    return m[1] === '初' ? n + 6 : n + 9;
  }
  return null;
}

/** 学段 of a grade: 1–6 小学, 7–9 初中, 10–12 高中. */
export function stageOfGrade(grade: number | null): '小学' | '初中' | '高中' | null {
  if (grade === null) return null;
  if (grade >= 1 && grade <= 6) return '小学';
  if (grade >= 7 && grade <= 9) return '初中';
  if (grade >= 10 && grade <= 12) return '高中';
  return null;
}

/** Exact words of a 学校类型 cell (normalised), beyond the type names themselves. */
const TYPE_WORDS: Record<string, SchoolType> = {
  小学: '小学', 完小: '小学', 完全小学: '小学', 村小: '小学', 中心小学: '小学', 小学校: '小学', 单设小学: '小学',
  初中: '初中', 初级中学: '初中', 单设初中: '初中', 独立初中: '初中', 中学: '初中',
  九年一贯制: '九年一贯制', 九年一贯制学校: '九年一贯制', 九年制: '九年一贯制', 九年制学校: '九年一贯制',
  一贯制: '九年一贯制', 一贯制学校: '九年一贯制', 九年一贯: '九年一贯制',
  十二年一贯制: '十二年一贯制', 十二年一贯制学校: '十二年一贯制', 十二年制: '十二年一贯制', 十二年一贯: '十二年一贯制',
  完全中学: '完全中学', 完中: '完全中学',
  教学点: '教学点', 村教学点: '教学点',
  特殊教育学校: '特殊教育学校', 特教学校: '特殊教育学校', 特殊教育: '特殊教育学校', 特教: '特殊教育学校',
  特校: '特殊教育学校', 培智学校: '特殊教育学校',
};

/** Ordered "contains" rules shared by type text and school names; `null` = a hint that it is not 义务教育 (高中). */
const CONTAINS_RULES: ReadonlyArray<[string, SchoolType | null]> = [
  ['特殊教育', '特殊教育学校'], ['特教', '特殊教育学校'], ['培智', '特殊教育学校'], ['启智', '特殊教育学校'],
  ['聋哑', '特殊教育学校'], ['盲校', '特殊教育学校'],
  ['教学点', '教学点'],
  ['十二年一贯', '十二年一贯制'], ['十二年制', '十二年一贯制'],
  ['九年一贯', '九年一贯制'], ['九年制', '九年一贯制'], ['一贯制', '九年一贯制'],
  ['完全中学', '完全中学'], ['完中', '完全中学'],
  ['初级中学', '初中'], ['初中', '初中'],
  ['高级中学', null], ['高中', null], ['职业', null], ['职中', null],
  ['小学', '小学'], ['完小', '小学'], ['村小', '小学'],
];

/** A 学校类型 cell's text as a type, or null when it is not one (e.g. 职业高中). */
export function parseSchoolType(text: string): SchoolType | null {
  const s = normalizeText(text).replace(/[()（）]/g, '');
  if (s === '') return null;
  const exact = TYPE_WORDS[s];
  if (exact) return exact;
  for (const [word, type] of CONTAINS_RULES) if (s.includes(word)) return type;
  return null;
}

/**
 * The type a school's name implies: …小学 → 小学, …教学点 → 教学点, …初级中学/…初中 → 初中, …九年一贯制学校 →
 * 九年一贯制, …完全中学 → 完全中学, …特殊教育学校/特教 → 特殊教育学校, a name ending in 中学 with no other hint → 初中.
 * Null when the name gives no hint (…学校, …中心校) or says 高级中学.
 */
export function inferSchoolType(name: string): SchoolType | null {
  const s = normalizeText(name).replace(/[()（）]/g, '');
  for (const [word, type] of CONTAINS_RULES) if (s.includes(word)) return type;
  if (s.endsWith('中学') || s.endsWith('中')) return '初中';
  return null;
}

/**
 * A share read from a cell (0.96 = 96 %):
 * - `{value}` — the share;
 * - `{ambiguous}` — a bare 1 (or 1.0) typed without a % sign or a % number format: 1 % or 100 %? The
 *   caller raises a data finding; the value is never guessed;
 * - `{error}` / `{blank}` as for `readNumber`.
 * Rules: "96%" / "96 ％" → 0.96; a number cell shown with a % format holds the share itself (0.96); a bare
 * number below 1 is a share (0.96), from above 1 up to 100 percentage points (96 → 0.96); above 100 % is
 * an error.
 */
export type PercentRead = { value: number } | { ambiguous: number } | { error: string } | { blank: true };

function shareOf(n: number, shown: string): PercentRead {
  if (n < 0) return { error: `内容${quote(shown)}为负数，比例不能为负` };
  if (n === 1) return { ambiguous: n };
  if (n < 1) return { value: n };
  if (n <= 100) return { value: Number((n / 100).toPrecision(12)) };
  return { error: `内容${quote(shown)}超过 100%，无法识别为比例` };
}

export function readPercent(v: CellValue | undefined, format?: string | null): PercentRead {
  if (typeof v === 'number' && Number.isFinite(v) && format && format.includes('%') && !isDateFormat(format)) {
    if (v < 0) return { error: `内容${quote(`${v * 100}%`)}为负数，比例不能为负` };
    if (v > 1 + 1e-9) return { error: `内容${quote(`${Number((v * 100).toPrecision(12))}%`)}超过 100%，无法识别为比例` };
    return { value: v };
  }
  if (typeof v === 'string') {
    const t = normalizeText(v);
    if (t.endsWith('%')) {
      const body = t.slice(0, -1);
      const n = PLAIN_NUMBER.test(body) ? Number(body) : NaN;
      if (!Number.isFinite(n)) return { error: `内容${quote(v.trim())}无法识别为比例` };
      if (n < 0) return { error: `内容${quote(v.trim())}为负数，比例不能为负` };
      if (n > 100) return { error: `内容${quote(v.trim())}超过 100%，无法识别为比例` };
      return { value: Number((n / 100).toPrecision(12)) };
    }
  }
  const r = readNumber(v, format);
  if (!('value' in r)) return r;
  if (r.factor !== undefined) return { error: `内容${quote(typeof v === 'string' ? v.trim() : String(v))}带有金额或面积单位，不是比例` };
  return shareOf(r.value, typeof v === 'string' ? v.trim() : String(v));
}

const YES_WORDS = new Set([
  '是', '有', '已', 'y', 'yes', '√', '✓', '✔', '对', '1', '符合', '已核定', '足额', '已足额核定', '足额核定', '已制定', '制定',
  '已交流', '交流', '已轮岗', '专任', '专职', '持证', '已持证', '寄宿', '寄宿制', '达到', '已达到', '达标', 'true',
]);
const NO_WORDS = new Set([
  '否', '无', '未', 'n', 'no', '×', '✗', '✘', 'x', '0', '不符合', '未核定', '未足额核定', '不足额', '未制定', '没有', '未交流',
  '未轮岗', '兼任', '兼职', '非专任', '未持证', '不持证', '非寄宿', '非寄宿制', '走读', '未达到', '不达标', 'false', '不是', '无证',
]);

/** 是/否 from a cell's text (是, 有, √, 已交流, 专任 … / 否, 无, ×, 兼任, 走读 …); null when it is neither. */
export function parseYesNo(text: string): boolean | null {
  // Memoised: a ledger repeats a handful of texts (是/否/有/无) in every row.
  const hit = yesNoCache.get(text);
  if (hit !== undefined) return hit;
  const r = yesNoOf(text);
  if (yesNoCache.size >= 4096) yesNoCache.clear();
  yesNoCache.set(text, r);
  return r;
}

const yesNoCache = new Map<string, boolean | null>();

function yesNoOf(text: string): boolean | null {
  const s = normalizeText(text).toLowerCase().replace(/[。.，,]$/, '');
  if (s === '') return null;
  if (YES_WORDS.has(s)) return true;
  if (NO_WORDS.has(s)) return false;
  if (/^(否|无|未|不|非|没)/.test(s)) return false;
  if (/^(是|有|已)/.test(s)) return true;
  return null;
}

const ROMAN_LEVEL: Record<string, number> = {
  ⅰ: 1, ⅱ: 2, ⅲ: 3, ⅳ: 4, i: 1, ii: 2, iii: 3, iv: 4, 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4,
};

/**
 * A 学业水平 level: Ⅲ级, III, 三级, 3, "Ⅲ级以上" → 3; 是 (达到 Ⅲ 级以上) → `yes`, 否 → `no`; null when unreadable.
 */
export function parseLevel(v: CellValue | undefined): number | 'yes' | 'no' | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 4 ? v : null;
  if (typeof v !== 'string') return null;
  const s = normalizeText(v).toLowerCase().replace(/(级及?以上|级以上|级|及以上|以上|水平|等级)$/g, '').replace(/^(达到)?/, '');
  const stripped = s.replace(/(级及?以上|级以上|级|及以上|以上)$/, '');
  const n = ROMAN_LEVEL[stripped] ?? ROMAN_LEVEL[s];
  if (n !== undefined) return n;
  const yn = parseYesNo(v);
  if (yn === null) return null;
  return yn ? 'yes' : 'no';
}
