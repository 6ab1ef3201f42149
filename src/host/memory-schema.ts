/**
 * The run memory's JSON record, validated with zod (the format is documented in memory.ts). Everything a
 * later clear or re-check will act on is checked before use: every address is an A1 cell inside Excel's
 * grid, every sheet name a name Excel accepts, no cell is listed twice, and the sheets the run added never
 * include a sheet the run read as a ledger (a tampered record must not make 清除标记 delete 班级台账). A
 * record that fails is "damaged": the caller refuses and changes nothing.
 */
import { z } from 'zod';
import { sanitizeHistory } from '../report/history';
import type { AddedSheet, FillDesc, MarkedCell, NoteValue, RunMemory } from './memory';

// No `new Function` probing: the task pane's Content Security Policy forbids eval (as in standard/schema.ts).
z.config({ jitless: true });

/** Excel's grid: 16 384 columns (XFD), 1 048 576 rows. */
export const MAX_COL = 16384;
export const MAX_ROW = 1048576;

/** A plain A1 cell address (no `$`, upper case) inside Excel's grid. */
export function isA1Cell(s: string): boolean {
  const m = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(s);
  if (!m) return false;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col <= MAX_COL && Number(m[2]) <= MAX_ROW;
}

/** A name Excel accepts for a worksheet: 1–31 characters, none of \ / ? * [ ] :, no ' at either end, not History. */
export function isSheetName(s: string): boolean {
  return (
    s.length >= 1 &&
    s.length <= 31 &&
    !/[\\/?*[\]:]/.test(s) &&
    !s.startsWith("'") &&
    !s.endsWith("'") &&
    s.toLowerCase() !== 'history'
  );
}

const argb = z.string().regex(/^[0-9A-Fa-f]{8}$/);
const sheetName = z.string().refine(isSheetName);
const hash = z.string().regex(/^[0-9a-f]{8}$/);

const fill = z.looseObject({ pattern: z.string(), fgColor: z.string().optional(), x: z.unknown().optional() });
const richNote = z.looseObject({ texts: z.array(z.looseObject({ text: z.string() })) });
const note = z.union([z.null(), z.string(), richNote]);
const cell = z.tuple([z.string().refine(isA1Cell), z.enum(['f', 'd']), z.number().int().nonnegative().nullable(), note, hash]).rest(z.unknown());
const added = z.looseObject({
  name: sheetName,
  base: z.string(),
  index: z.number().int(),
  hash: hash.optional(),
  once: z.boolean().optional(),
});

const record = z.looseObject({
  v: z.number(),
  tool: z.literal('junheng'),
  at: z.string().optional(),
  colours: z.looseObject({ fail: argb, data: argb }),
  sheets: z.array(added),
  /** Present in records written since every added sheet carries its content hash (then `once` marks write-once sheets). */
  sheetHashes: z.literal(true).optional(),
  /** Sheets the run read as ledgers (records since sheetHashes). */
  ledgers: z.array(sheetName).optional(),
  fills: z.array(fill),
  marks: z.array(z.looseObject({ sheet: sheetName, cells: z.array(cell) })),
  history: z.unknown().optional(),
});

export type ParsedRecord = { ok: true; memory: RunMemory } | { ok: false; reason: string };

const key = (s: string) => s.toLowerCase();

/** Validates a parsed JSON record and builds the memory (version = the header's). */
export function parseRecord(j: unknown, version: number): ParsedRecord {
  const r = record.safeParse(j);
  if (!r.success) return { ok: false, reason: reasonOf(r.error) };
  // The record as written, now known to have the shape: zod's output of a loose object puts the declared keys
  // first, and a restored rich note must keep its own key order (a re-run records it again byte for byte).
  const d = j as typeof r.data;
  const fills = d.fills as FillDesc[];
  const cells: MarkedCell[] = [];
  const seen = new Set<string>();
  for (const g of d.marks) {
    for (const [address, st, fi, n, applied] of g.cells) {
      if (fi !== null && fi >= fills.length) return { ok: false, reason: '标记记录引用了不存在的填充' };
      const k = `${key(g.sheet)}\u0000${address}`;
      if (seen.has(k)) return { ok: false, reason: `单元格「${g.sheet}」${address} 重复记录` };
      seen.add(k);
      cells.push({ sheet: g.sheet, cell: address, style: st === 'f' ? 'fail' : 'data', fill: fi === null ? null : fills[fi], note: n as NoteValue | null, applied });
    }
  }
  const ledgers = d.ledgers ?? [];
  // The sheets the run read: its ledgers, and every sheet it marked. None of them can be one it added.
  const read = new Set([...ledgers, ...cells.map((c) => c.sheet)].map(key));
  const names = new Set<string>();
  const sheets: AddedSheet[] = [];
  for (const s of d.sheets) {
    if (/^_junheng(?:_\d+|_settings)?$/i.test(s.name)) return { ok: false, reason: `记录中本工具生成的工作表「${s.name}」是本工具的隐藏工作表` };
    if (read.has(key(s.name))) return { ok: false, reason: `记录中本工具生成的工作表「${s.name}」是检查时读取的台账` };
    if (names.has(key(s.name))) return { ok: false, reason: `工作表「${s.name}」重复记录` };
    names.add(key(s.name));
    // Before sheetHashes, only write-once sheets carried a hash; since, every sheet does and `once` says which.
    const once = d.sheetHashes ? s.once === true : s.hash !== undefined;
    const a: AddedSheet = { name: s.name, base: s.base, index: s.index };
    if (s.hash !== undefined) a.hash = s.hash;
    if (once) a.once = true;
    sheets.push(a);
  }
  const memory: RunMemory = { version, at: d.at ?? '', colours: { fail: d.colours.fail, data: d.colours.data }, sheets, cells };
  if (d.ledgers) memory.ledgers = d.ledgers;
  if (d.history !== undefined) memory.history = sanitizeHistory(d.history);
  return { ok: true, memory };
}

/** One Chinese phrase for the first problem zod found. */
function reasonOf(e: z.ZodError): string {
  const issue = e.issues[0];
  const path = issue?.path ?? [];
  const top = String(path[0] ?? '');
  if (top === 'tool') return '记录内容无效';
  if (top === 'colours') return '颜色记录无效';
  if (top === 'fills') return '填充记录无效';
  if (top === 'sheets') return path[2] === 'name' ? '工作表记录中有 Excel 不允许的工作表名' : '工作表记录无效';
  if (top === 'ledgers') return '台账记录中有 Excel 不允许的工作表名';
  if (top === 'marks') {
    if (path[2] === 'sheet') return '标记记录中有 Excel 不允许的工作表名';
    if (path[2] === 'cells' && path[4] === 0) return '标记记录中有无效的单元格地址';
    return '标记记录无效';
  }
  return '记录结构无效';
}
