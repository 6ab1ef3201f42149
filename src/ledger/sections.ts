/**
 * Ledgers that list the schools in 学段 sections (the national 表Ⅱ-2: a "小学" label row, the 小学 rows, an
 * "初中" label row, the 初中 rows), and the indicator values such a sheet gives instead of quantities. Pure.
 */
import type { CellValue } from './grid';
import type { ColumnMatch } from './header';
import { normalizeText } from './normalize';
import type { SchoolQuantity } from './types';

/**
 * The school-ledger fields that are indicator values as the county computed them (表Ⅱ-2), with the
 * quantities they stand for: a sheet that keeps the quantity is judged from it, and its value column
 * (a 生均… column beside the areas) is not read.
 */
export const GIVEN_FOR: Readonly<Partial<Record<SchoolQuantity, readonly SchoolQuantity[]>>> = {
  degreePer100: ['degreeTeachers'],
  backbonePer100: ['backboneTeachers'],
  peArtPer100: ['peArtTeachers', 'peTeachers', 'musicTeachers', 'artTeachers'],
  floorAreaPerStudent: ['floorArea'],
  sportsAreaPerStudent: ['sportsArea'],
  equipmentPerStudent: ['equipmentValue'],
  multimediaPer100: ['multimediaRooms'],
};

const ORDINAL = /^(?:[(（][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十\d]{1,2}[、.．])/;
const COUNT_SUFFIX = /[(（][^)）]*[)）]$/;
const SECTION = /^(小学|初中|初级中学)(?:部分|学校|阶段|学段|段|部|组|类)?$/;

/** "小学", "一、小学", "（二）初中学校", "初中（3所）", "小学：" → the 学段; null for anything else. */
export function sectionOf(text: string): '小学' | '初中' | null {
  const t = normalizeText(text).replace(ORDINAL, '').replace(COUNT_SUFFIX, '').replace(/[:：]$/, '');
  const m = SECTION.exec(t);
  if (!m) return null;
  return m[1] === '小学' ? '小学' : '初中';
}

/**
 * A section label row: no figure in any numeric column, and its only text is a 学段 label (in the 序号 or
 * the 学校名称 cell, or merged across the row). Returns the 学段, or null when the row is not one.
 */
export function sectionRow(row: CellValue[] | undefined, numeric: readonly ColumnMatch[]): '小学' | '初中' | null {
  if (!row) return null;
  for (const m of numeric) {
    const v = row[m.col];
    if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) return null;
  }
  let found: '小学' | '初中' | null = null;
  for (const v of row) {
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
    if (typeof v !== 'string') return null;
    const s = sectionOf(v);
    if (!s || (found && found !== s)) return null;
    found = s;
  }
  return found;
}

/** The 学段 a school's name gives its row ("城关学校（小学部）", "实验学校初中部"), else null. */
export function stageOfName(name: string): '小学' | '初中' | null {
  const t = normalizeText(name).replace(/[)）]$/, '');
  if (/小学部$/.test(t)) return '小学';
  if (/初中部$/.test(t)) return '初中';
  return null;
}
