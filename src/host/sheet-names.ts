/**
 * The names and places of the summary sheets a run writes: valid Excel names, never a user's sheet's name
 * (the first free name base, base（自查）, base（自查2）…), the previous run's name and place when free.
 */
import type { SheetModel } from '../report/model';
import { MEMORY_SHEET, type AddedSheet } from './memory';
import type { SheetInfo, SheetWrite } from './port';

export interface SheetRename {
  /** The summary sheet's own name (the model's). */
  from: string;
  /** The name it was written under. */
  to: string;
}

const MAX_NAME = 31;

/** A model name made valid as a sheet name: forbidden characters replaced, ≤ 31 characters. */
export function validSheetName(name: string): string {
  let s = name.replace(/[\\/?*[\]:]/g, '_').replace(/^'+|'+$/g, '').trim();
  if (!s) s = '汇总';
  if (s.toLowerCase() === 'history') s = `${s}_`;
  return truncate(s, MAX_NAME);
}

/** At most `max` UTF-16 units (Excel's limit counts those), never half a surrogate pair. */
function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let t = s.slice(0, max);
  const c = t.charCodeAt(t.length - 1);
  if (c >= 0xd800 && c <= 0xdbff) t = t.slice(0, -1);
  return t;
}

export const key = (s: string) => s.toLocaleLowerCase();

/** The first free name: base, base（自查）, base（自查2）, … (≤ 31 characters, case-insensitive unique). */
export function freeSheetName(base: string, taken: Set<string>): string {
  const b = validSheetName(base);
  if (!taken.has(key(b))) return b;
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? '（自查）' : `（自查${i}）`;
    const name = truncate(b, MAX_NAME - suffix.length) + suffix;
    if (!taken.has(key(name))) return name;
  }
}

/** True for a sheet name that looks like one of the tool's summary sheets (base or base（自查N）). */
export function looksLikeToolSheet(name: string, bases: readonly string[]): boolean {
  return bases.some((b) => {
    const v = validSheetName(b);
    if (name === v) return true;
    const m = /^(.*)（自查\d*）$/.exec(name);
    return !!m && v.startsWith(m[1]) && m[1].length > 0;
  });
}

/** Names and positions for the summary sheets: the previous run's name and place when free, else the first free name. */
export function planSheets(
  models: SheetModel[],
  existing: SheetInfo[],
  previous: AddedSheet[],
): { writes: SheetWrite[]; renamed: SheetRename[] } {
  const taken = new Set(existing.map((s) => key(s.name)));
  taken.add(key(MEMORY_SHEET));
  const renamed: SheetRename[] = [];
  const writes: SheetWrite[] = [];
  const prevByBase = new Map(previous.map((p) => [p.base, p]));
  for (const model of models) {
    const prev = prevByBase.get(model.name);
    let name: string;
    let index: number | undefined;
    if (prev && !taken.has(key(prev.name)) && validSheetName(prev.name) === prev.name) {
      name = prev.name;
      index = prev.index;
    } else {
      name = freeSheetName(model.name, taken);
    }
    taken.add(key(name));
    if (name !== validSheetName(model.name)) renamed.push({ from: model.name, to: name });
    writes.push({ model, name, index });
  }
  // Insert in ascending position so each recorded index lands where it was.
  // (Array.prototype.sort is stable: sheets without a position keep the models' order, at the end.)
  writes.sort((a, b) => (a.index ?? Infinity) - (b.index ?? Infinity));
  return { writes, renamed };
}

