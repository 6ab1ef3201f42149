import national from './national-2017.json';
import { standardSchema, type Standard } from './schema';

export * from './schema';

/** A standard file that cannot be used; `message` is one Chinese sentence that names the field. */
export class StandardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StandardError';
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isPlainObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Objects merge key by key; anything else (numbers, strings, arrays) in the override replaces the base. */
function deepMerge(base: Json, override: Json): Json {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const out: Record<string, Json> = { ...base };
  for (const [k, v] of Object.entries(override)) out[k] = k in base ? deepMerge(base[k], v) : v;
  return out;
}

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

/** Where JSON.parse stopped, as 「（第 N 行第 M 列附近）」, or nothing when the engine does not say. */
function jsonErrorWhere(text: string, e: unknown): string {
  const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
  if (!m) return '';
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const col = before.length - before.lastIndexOf('\n');
  return `（第 ${line} 行第 ${col} 列附近）`;
}

/** Validates a whole standard object; throws StandardError naming the first bad field. */
export function parseStandard(data: unknown, source = '标准文件'): Standard {
  const r = standardSchema.safeParse(data);
  if (r.success) {
    // What the schema cannot say: each 学段's required degree is a word of the degree ladder.
    const words = new Set(r.data.settings.degreeLadder.flat().map((w) => w.replace(/\s/g, '')));
    for (const stage of ['小学', '初中'] as const) {
      const d = r.data.settings.requiredDegree[stage];
      if (!words.has(d.replace(/\s/g, ''))) {
        fail(`${source}中的字段「settings.requiredDegree.${stage}」有误：学历“${d}”不在 settings.degreeLadder 的任何一级中`);
      }
    }
    return r.data;
  }
  const issue = r.error.issues[0];
  let what = issue.message;
  if (issue.code === 'unrecognized_keys') {
    return fail(`${source}中有无法识别的字段「${[fieldPath(issue.path), ...issue.keys].filter(Boolean).join('.')}」，请检查拼写`);
  }
  if (issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined) what = '缺少此项';
  return fail(`${source}中的字段「${fieldPath(issue.path) || '（根）'}」有误：${what}`);
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function fail(message: string): never {
  throw new StandardError(message);
}

/** The national 2017 standard, validated. */
export function nationalStandard(): Standard {
  return parseStandard(national, '内置标准 national-2017');
}

/**
 * The national standard with a province's or county's partial override merged over it
 * (objects merge key by key; numbers, strings and lists replace). `text` is the override file's content.
 */
export function standardWithOverride(text: string, source = '标准文件'): Standard {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new StandardError(`${source}不是有效的 JSON${jsonErrorWhere(text, e)}，请检查括号、引号和逗号`);
  }
  if (!isPlainObject(data)) throw new StandardError(`${source}的内容必须是一个 JSON 对象（{ … }）`);
  const merged = deepMerge(national as unknown as Json, data);
  const std = parseStandard(merged, source);
  if (!('id' in data)) std.id = `${std.id}+local`;
  return std;
}

/**
 * Several partial overrides merged over the national standard in order (a later one wins field by field),
 * e.g. the settings saved in a workbook and then a `--standard` file named on the command line.
 */
export function standardWithOverrides(overrides: ReadonlyArray<{ data: Record<string, unknown>; source: string }>): Standard {
  if (overrides.length === 0) return nationalStandard();
  let merged: Json = {};
  for (const o of overrides) merged = deepMerge(merged, o.data as Json);
  return standardWithOverride(JSON.stringify(merged), overrides.map((o) => o.source).join('和'));
}

/** A threshold the code needs; throws when a standard file lacks it rather than guessing. */
export function threshold(std: Standard, id: keyof Standard['indicators'], key: string): number {
  const v = std.indicators[id].thresholds[key];
  if (typeof v !== 'number') throw new StandardError(`标准文件中的字段「indicators.${id}.thresholds.${key}」缺少此项`);
  return v;
}
