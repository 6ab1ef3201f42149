/**
 * The add-in's settings, kept IN THE WORKBOOK so the next check (from the task pane or the ribbon) uses
 * them, whoever opens the file next. Stored in the very hidden worksheet `_junheng_settings`:
 *
 *   A1  JSON text (number format "@", so Excel never reads it as a number or formula). When the text is
 *       longer than 32 000 characters it continues in A2, A3 … (concatenate column A top to bottom until
 *       the first empty cell).
 *
 *   {
 *     "format": "junheng-settings",
 *     "version": 1,
 *     "standard": { "file": "某县补充标准.json", "override": { …partial standard, merged over the national one… } } | null,
 *     "teachingPointCut": 50 | null,                    // standard override of settings.teachingPointCut
 *     "assessmentYear": 2022 | null,                    // standard override of settings.assessmentYear (《规程》 years)
 *     "colours": { "fail": "FFFFC7CE", "data": "FFFFEB9C" },   // ARGB mark fills (runCheck's `colours`)
 *     "marks": { "compliance": true, "data": true },     // which findings are marked in the ledgers
 *     "schoolForms": false,                              // also write every school's 学校自评表 at each check
 *     "language": "auto" | "zh-CN" | "en-US",            // task pane language
 *     "columnOverrides": { "<sheet>": { "<field>": "<column letter>" } }   // "" = 无 (no column for the field)
 *   }
 *
 * Unknown keys are ignored and bad values fall back to the defaults, field by field (the zod schema
 * SettingsSchema below: a hand-edited or newer sheet never stops a check). The sheet is very hidden, so the checks never read it as a ledger. Both hosts read the
 * same cells: the add-in (src/office/settings.ts) and `junheng check` (src/xlsx/host.ts), so a workbook
 * gives the same results from either.
 */

import { z } from 'zod';
import type { ColumnOverrides } from '../ledger/types';
import { DEFAULT_WORKBOOK_SETTINGS, type WorkbookSettings } from './settings-values';

export const SETTINGS_SHEET = '_junheng_settings';
export const SETTINGS_FORMAT = 'junheng-settings';
export const SETTINGS_VERSION = 1;
/** Characters per cell (Excel allows 32 767). */
const CHUNK = 32000;

export { DEFAULT_WORKBOOK_SETTINGS, argbToCssHex, hexToArgb, type ColumnOverrides, type StoredStandard, type WorkbookSettings } from './settings-values';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ARGB = /^[0-9A-F]{8}$/;
const COLUMN = /^[A-Z]{1,3}$/;

// The format as zod schemas, lenient field by field: a bad value takes its default (`catch`), unknown keys go.
const Obj = z.record(z.string(), z.unknown());
const upper = z.string().transform((t) => t.toUpperCase());
const Colour = upper.pipe(z.string().regex(ARGB));
const Column = upper.pipe(z.union([z.literal(''), z.string().regex(COLUMN)]));
const Switch = z.boolean();

/** Per sheet, the fields whose column is a letter or "" (无); a sheet without one is left out. */
function overridesOf(raw: Record<string, unknown>): ColumnOverrides {
  const out: ColumnOverrides = {};
  for (const [sheet, fields] of Object.entries(raw)) {
    const f = Obj.safeParse(fields);
    if (!f.success) continue;
    const m: Record<string, string> = {};
    for (const [field, col] of Object.entries(f.data)) {
      const c = Column.safeParse(col);
      if (c.success) m[field] = c.data;
    }
    if (Object.keys(m).length) out[sheet] = m;
  }
  return out;
}

const d0 = DEFAULT_WORKBOOK_SETTINGS;
const SettingsSchema = z.object({
  standard: z.object({ file: z.string(), override: Obj }).nullable().catch(null),
  teachingPointCut: z
    .number()
    .refine((n) => Number.isInteger(n) && n >= 0)
    .nullable()
    .catch(null),
  assessmentYear: z
    .number()
    .refine((n) => Number.isInteger(n) && n >= 2000 && n <= 2100)
    .nullable()
    .catch(null),
  colours: z.object({ fail: Colour.catch(d0.colours.fail), data: Colour.catch(d0.colours.data) }).catch(() => ({ ...d0.colours })),
  marks: z.object({ compliance: Switch.catch(d0.marks.compliance), data: Switch.catch(d0.marks.data) }).catch(() => ({ ...d0.marks })),
  schoolForms: Switch.catch(d0.schoolForms),
  language: z.enum(['auto', 'zh-CN', 'en-US']).catch(d0.language),
  columnOverrides: Obj.catch(() => ({})).transform(overridesOf),
});

/** Settings from stored JSON text; anything missing or malformed takes the default. */
export function parseSettings(text: string | null | undefined): WorkbookSettings {
  let raw: unknown;
  try {
    raw = text ? JSON.parse(text) : null;
  } catch {
    raw = null;
  }
  const p = SettingsSchema.safeParse(raw);
  return p.success ? p.data : clone(d0);
}

export function serializeSettings(s: WorkbookSettings): string {
  return JSON.stringify({ format: SETTINGS_FORMAT, version: SETTINGS_VERSION, ...s });
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** The standard override a run applies: the stored file's object with the 教学点 cut and the assessment year on top (null = national). */
export function standardOverrideOf(s: WorkbookSettings): Record<string, unknown> | null {
  const year = s.assessmentYear ?? null;
  if (!s.standard && s.teachingPointCut === null && year === null) return null;
  const base: Record<string, unknown> = s.standard ? { ...s.standard.override } : {};
  if (s.teachingPointCut !== null) {
    base.settings = { ...(isObj(base.settings) ? base.settings : {}), teachingPointCut: s.teachingPointCut };
  }
  if (year !== null) base.settings = { ...(isObj(base.settings) ? base.settings : {}), assessmentYear: year };
  return base;
}

/** Only the marks the settings' 标记 switches keep (未达标 → 'fail', 无法识别 → 'data'). */
export function keptMarks<T extends { style: 'fail' | 'data' }>(marks: T[], s: WorkbookSettings): T[] {
  if (s.marks.compliance && s.marks.data) return marks;
  return marks.filter((m) => (m.style === 'fail' ? s.marks.compliance : s.marks.data));
}

/** Settings text from the cells of column A (A1, continued in A2, A3 … until the first empty cell). */
export function settingsTextOf(column: ReadonlyArray<unknown>): string | null {
  let text = '';
  for (const v of column) {
    if (typeof v !== 'string' || v === '') break;
    text += v;
  }
  return text || null;
}

/** The cells of column A that hold the settings text. */
export function settingsChunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) out.push(text.slice(i, i + CHUNK));
  return out;
}
