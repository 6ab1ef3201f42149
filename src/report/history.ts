/**
 * 整改 tracking: which findings of this run are new, which were already found by the previous run, and which
 * of the previous run's findings are gone (已整改). Pure: the previous runs come in as data (the hosts keep
 * them in the run memory, src/host/memory.ts `history`), the updated list goes back out.
 *
 * ## A compact record per run
 * `{ "at": "2026-11-29", "findings": [ [key, indicator, school, stage, sheet, cell, actual, firstSeen, kind, unit], … ] }`
 *   - `at` the run's date (yyyy-mm-dd, local time, as the sheets show it);
 *   - `key` 16 hex digits identifying the finding across runs (below);
 *   - `indicator`, `school`, `stage`, `sheet`, `cell`, `actual` as on the finding (shown again for a finding
 *     that is later resolved);
 *   - `firstSeen` the date (yyyy-mm-dd) of the first run of the unbroken series of runs that found it;
 *   - `kind` `"c"` (达标问题) or `"d"` (数据问题);
 *   - `unit` `[unit, decimals]` of a numeric `actual` (Finding.unit: '%' a share, '学时', '㎡' …), so a resolved
 *     finding is shown in its own unit; absent for a text or missing `actual`.
 * Readers take a missing `firstSeen` as the run's date, a missing `kind` as `"c"` and a missing `unit` as unknown
 * (the number is then shown without a unit, never in the indicator's).
 *
 * ## Which runs are kept
 * One record per calendar day: a run on the same day as the last record replaces it (its statuses are still
 * judged against that record, so a re-run the same day reports 仍未整改). At most HISTORY_LIMIT (12) records,
 * the oldest dropped first. A finding's `firstSeen` travels with it, so it survives the cap.
 *
 * ## The same finding across runs
 * Two findings are the same when their kind, indicator, measure (差异系数 or not), school and 学段 match and so
 * does a discriminator that does not depend on the row the ledger keeps it on (rows may be sorted or inserted
 * between runs):
 *   - a cell on a class row: the class's grade and class name (班级台账), plus the ledger column of the cell;
 *   - a cell on a teacher row: the teacher's name (教师台账), plus the column;
 *   - a cell on a school row: the ledger column (field) of the cell (the school is already in the identity);
 *   - a 县级数据 cell: the item it holds;
 *   - a county-level finding without a cell (差异系数 …): nothing more;
 *   - any other cell: sheet and address.
 * Findings with the same identity (two classes with the same grade and name, two teachers of one name) are
 * paired in the order of the sorted findings (sheet, row, column): the k-th of one run with the k-th of the
 * next. A finding resolved and later found again counts as 新发现 again (a recurrence, with a new date).
 */
import { z } from 'zod';
import type { FigureUnit, Finding } from '../ledger/finding';
import { columnLetter, parseCell } from '../ledger/grid';
import type { LedgerSet } from '../ledger/types';
import { STAGES, type Stage, type Standard } from '../standard/schema';
import { findingUnit, indicatorOf, isoDate } from './format';
import { fnv1a } from './hash';

/** Records kept in the run memory (the last 12 runs, one per day). */
export const HISTORY_LIMIT = 12;

export type FindingStatus = '新发现' | '仍未整改';
export type ResolvedStatus = '已整改';

/** [key, indicator, school, stage, sheet, cell, actual, firstSeen, kind, unit?] — see the header. */
export type HistoryFinding = [
  key: string,
  indicator: string | null,
  school: string | null,
  stage: Stage | null,
  sheet: string | null,
  cell: string | null,
  actual: number | string | null,
  firstSeen: string,
  kind: 'c' | 'd',
  unit?: [unit: string, decimals: number],
];

export interface HistoryRun {
  /** yyyy-mm-dd. */
  at: string;
  findings: HistoryFinding[];
}

/** The status of one finding of this run, aligned with the findings given. */
export interface FindingTrack {
  key: string;
  status: FindingStatus;
  /** yyyy-mm-dd. */
  firstSeen: string;
}

/** A finding of the previous run that this run did not find again. */
export interface ResolvedFinding extends Pick<Finding, 'kind' | 'indicator' | 'sheet' | 'cell' | 'school' | 'stage' | 'actual'> {
  key: string;
  /** The unit of a numeric `actual` as the run that found it recorded it; absent when not recorded. */
  unit?: FigureUnit;
  firstSeen: string;
  /** 责任单位 by the indicator, from the standard. */
  departments: string[];
}

export interface Tracking {
  /** This run's date, yyyy-mm-dd. */
  today: string;
  /** Date of the run the statuses are judged against; null on a first run. */
  previousAt: string | null;
  /** One per finding, in the findings' order. */
  tracks: FindingTrack[];
  /** The previous run's findings that are gone, in its order. */
  resolved: ResolvedFinding[];
  /** The history to store: the kept previous records and this run's, last. */
  history: HistoryRun[];
}

const DEFAULT_DEPARTMENTS = ['县教育局'];

/** 责任单位 of an indicator (the standard's), as the checks assign them. */
export function departmentsOf(std: Standard, indicator: string | null): string[] {
  const ind = indicatorOf(std, indicator);
  return ind ? [...ind.departments] : [...DEFAULT_DEPARTMENTS];
}

/** 64 bits of two FNV-1a passes: collisions among a workbook's few thousand findings are negligible. */
export function findingKeyHash(identity: string): string {
  return fnv1a(identity) + fnv1a(identity, 0x01000193);
}

/** Row and column lookups over the ledgers, built once per run. */
function locator(ledgers: LedgerSet, findings: readonly Finding[]) {
  // Only the rows the findings point at (a city's ledgers have 80 000 rows, its findings a few thousand).
  const wanted = new Map<string, Set<number>>();
  for (const f of findings) {
    const p = f.sheet && f.cell ? parseCell(f.cell.replace(/\$/g, '').toUpperCase()) : null;
    if (!p || !f.sheet) continue;
    const set = wanted.get(f.sheet);
    if (set) set.add(p.row);
    else wanted.set(f.sheet, new Set([p.row]));
  }
  const rows = new Map<string, string>();
  const add = (sheet: string, row: number, id: () => string) => {
    if (wanted.get(sheet)?.has(row)) rows.set(`${sheet}\u0000${row}`, id());
  };
  for (const c of ledgers.classes) add(c.sheet, c.row, () => `班:${c.grade ?? ''}|${c.className}`);
  for (const t of ledgers.teachers ?? []) add(t.sheet, t.row, () => `师:${t.name}`);
  for (const s of ledgers.schools) add(s.sheet, s.row, () => `校:${s.name}`);
  const cols = new Map<string, string>();
  const countyCells = new Map<string, string>();
  for (const l of ledgers.ledgers) {
    for (const [field, letter] of Object.entries(l.columns)) {
      if (l.kind === 'county') countyCells.set(`${l.sheet}\u0000${letter.replace(/\$/g, '').toUpperCase()}`, field);
      else cols.set(`${l.sheet}\u0000${letter.toUpperCase()}`, field);
    }
  }
  if (ledgers.county) {
    for (const f of Object.values(ledgers.county.figures)) {
      if (f) countyCells.set(`${f.ref.sheet}\u0000${columnLetter(f.ref.col)}${f.ref.row}`, f.item);
    }
  }
  return (f: Finding): string => {
    if (f.sheet === null || f.cell === null || f.sheet === '' || f.cell === '') return '';
    const cell = f.cell.replace(/\$/g, '').toUpperCase();
    const p = parseCell(cell);
    if (!p) return `@${f.sheet}!${cell}`;
    const county = countyCells.get(`${f.sheet}\u0000${cell}`);
    if (county) return `县:${county}`;
    const row = rows.get(`${f.sheet}\u0000${p.row}`);
    const col = cols.get(`${f.sheet}\u0000${columnLetter(p.col)}`) ?? columnLetter(p.col);
    return row ? `${row}|${col}` : `@${f.sheet}!${cell}`;
  };
}

/** The identity keys of the findings (order matters only among findings of one identity). */
export function findingKeys(findings: readonly Finding[], ledgers: LedgerSet): string[] {
  const disc = locator(ledgers, findings);
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const identity = JSON.stringify([f.kind, f.indicator, f.measure ?? '', f.school, f.stage, disc(f)]);
    const k = seen.get(identity) ?? 0;
    seen.set(identity, k + 1);
    return findingKeyHash(`${identity}#${k}`);
  });
}

// The stored format as zod schemas, lenient record by record and finding by finding (see the header).
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const StrOrNull = z.string().nullable();
const RunRecord = z.object({ at: Day, findings: z.array(z.unknown()) });
/** The seven fields a finding must have; firstSeen and kind (added later) may be missing or wrong. */
const FindingRecord = z
  .array(z.unknown())
  .min(7)
  .pipe(
    z.tuple(
      [
        z.string(),
        StrOrNull,
        StrOrNull,
        z.enum(STAGES).nullable().catch(null),
        StrOrNull,
        StrOrNull,
        z.union([z.number(), z.string()]).nullable().catch(null),
      ],
      z.unknown(),
    ),
  );

/** A finding's recorded unit: [unit text, decimals 0–6]. */
const UnitRecord = z.tuple([z.string(), z.number().int().min(0).max(6)]);

/** A history as read from a memory, with anything malformed left out (never throws). */
export function sanitizeHistory(raw: unknown): HistoryRun[] {
  const runs = z.array(z.unknown()).safeParse(raw);
  if (!runs.success) return [];
  const out: HistoryRun[] = [];
  for (const r of runs.data) {
    const run = RunRecord.safeParse(r);
    if (!run.success) continue;
    const at = run.data.at;
    const findings: HistoryFinding[] = [];
    for (const t of run.data.findings) {
      const f = FindingRecord.safeParse(t);
      if (!f.success) continue;
      const [key, indicator, school, stage, sheet, cell, actual, firstSeen, kind, unit] = f.data;
      const h: HistoryFinding = [key, indicator, school, stage, sheet, cell, actual, Day.safeParse(firstSeen).success ? (firstSeen as string) : at, kind === 'd' ? 'd' : 'c'];
      // The unit the run recorded (added later): [unit, decimals], else none (the bare number is shown).
      const u = typeof actual === 'number' ? UnitRecord.safeParse(unit) : null;
      if (u?.success) h.push(u.data);
      findings.push(h);
    }
    out.push({ at, findings });
  }
  return out;
}

/**
 * Statuses of this run's findings against the last previous record, the previous findings now gone, and the
 * history to store (see the header for the rules).
 */
export function trackFindings(
  findings: readonly Finding[],
  ledgers: LedgerSet,
  previous: readonly HistoryRun[],
  date: Date,
  std: Standard,
): Tracking {
  const today = isoDate(date);
  const prior = sanitizeHistory(previous);
  const last = prior.length > 0 ? prior[prior.length - 1] : null;
  const before = new Map<string, HistoryFinding>();
  for (const h of last?.findings ?? []) if (!before.has(h[0])) before.set(h[0], h);
  const keys = findingKeys(findings, ledgers);
  const tracks: FindingTrack[] = keys.map((key) => {
    const was = before.get(key);
    return was ? { key, status: '仍未整改', firstSeen: was[7] } : { key, status: '新发现', firstSeen: today };
  });
  const now = new Set(keys);
  const resolved: ResolvedFinding[] = [];
  for (const h of last?.findings ?? []) {
    if (now.has(h[0])) continue;
    resolved.push({
      key: h[0],
      kind: h[8] === 'd' ? 'data' : 'compliance',
      indicator: h[1],
      school: h[2],
      stage: h[3],
      sheet: h[4],
      cell: h[5],
      actual: h[6],
      ...(h[9] ? { unit: { unit: h[9][0], decimals: h[9][1] } } : {}),
      firstSeen: h[7],
      departments: departmentsOf(std, h[1]),
    });
  }
  const record: HistoryRun = {
    at: today,
    findings: findings.map((f, i) => {
      const actual = typeof f.actual === 'number' && !Number.isFinite(f.actual) ? null : f.actual;
      const h: HistoryFinding = [keys[i], f.indicator, f.school, f.stage, f.sheet, f.cell, actual, tracks[i].firstSeen, f.kind === 'data' ? 'd' : 'c'];
      const u = typeof actual === 'number' ? findingUnit(std, f) : null;
      if (u) h.push([u.unit, u.decimals]);
      return h;
    }),
  };
  const kept = last && last.at === today ? prior.slice(0, -1) : prior;
  const history = [...kept, record].slice(-HISTORY_LIMIT);
  return { today, previousAt: last ? last.at : null, tracks, resolved, history };
}
