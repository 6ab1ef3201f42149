/**
 * Test kits: the same questions asked of a workbook held by either host (ExcelJS workbook or strict fake),
 * and the workbooks the contract and sync tests run on.
 */
import ExcelJS from 'exceljs';
import { buildDemoWorkbook } from '../../src/sample/demo';
import { decodeMemory, noteText, type FillDesc, type RunMemory } from '../../src/host/memory';
import type { SheetInfo, WorkbookHost } from '../../src/host/port';
import { fillRestore, type OfficeFillDesc } from '../../src/office/fill';
import { OfficeHost } from '../../src/office/host';
import { XlsxHost, loadWorkbook, saveWorkbook } from '../../src/xlsx/host';
import { openXlsx, type SurgicalXlsxHost } from '../../src/xlsx/surgical';
import { FakeExcel, colLetter, keyPos, parseRef, cellKey } from './fake-excel';
import { RichApiExcel } from './richapi/simulator';

export const reload = async (wb: ExcelJS.Workbook) => loadWorkbook(await saveWorkbook(wb));

export type CellLook = { fill: string | null; note: string | null };

export interface Kit {
  label: string;
  /** False when this host writes no notes (the shipped office.js has no notes API). */
  notes: boolean;
  /** A fresh host on the workbook (for Office: a new request context, as a new Excel.run gives). */
  host(): WorkbookHost;
  /** Sends what the host queued. */
  done(h: WorkbookHost): Promise<void>;
  look(sheet: string, cell: string): CellLook;
  sheets(): SheetInfo[];
  /** Non-empty cell values of a sheet, by A1 address (hyperlinks as their text). */
  values(sheet: string): Record<string, string | number | boolean>;
  /** Cells of a sheet that hold a formula. */
  formulas(sheet: string): string[];
}

const V = ExcelJS.ValueType;

export function xlsxKit(wb: ExcelJS.Workbook): Kit {
  const ws = (name: string) => wb.worksheets.find((w) => w.name === name)!;
  return {
    label: 'ExcelJS',
    notes: true,
    host: () => new XlsxHost(wb),
    done: async () => undefined,
    look(sheet, cell) {
      const c = ws(sheet).getCell(cell);
      const f = c.style?.fill as ExcelJS.FillPattern | undefined;
      const argb = f && f.type === 'pattern' && f.pattern === 'solid' ? (f.fgColor?.argb ?? 'theme') : f ? `${f.type}:${String(f.pattern ?? '')}` : null;
      return { fill: argb, note: c.note ? noteText(c.note) : null };
    },
    sheets: () => wb.worksheets.map((w) => ({ name: w.name, state: (w.state || 'visible') as SheetInfo['state'] })),
    values(sheet) {
      const out: Record<string, string | number | boolean> = {};
      ws(sheet).eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (c) => {
          if (c.type === V.Merge || c.type === V.Null) return;
          let v: unknown = c.value;
          if (c.type === V.Hyperlink) v = (c.value as ExcelJS.CellHyperlinkValue).text;
          if (v === '' || v === null || v === undefined) return;
          out[c.address] = v as string | number | boolean;
        }),
      );
      return out;
    },
    formulas(sheet) {
      const out: string[] = [];
      ws(sheet).eachRow((row) => row.eachCell((c) => void (c.type === V.Formula && out.push(c.address))));
      return out;
    },
  };
}

export function officeKit(x: FakeExcel, opts: { notesSupported?: boolean; budgetBytes?: number } = {}): Kit {
  const sheet = (name: string) => x.sheet(name)!;
  return {
    label: 'Office.js',
    notes: opts.notesSupported ?? x.notesSupported,
    host: () => new OfficeHost(x.context() as unknown as Excel.RequestContext, { notesSupported: opts.notesSupported ?? x.notesSupported, budgetBytes: opts.budgetBytes }),
    done: async (h) => (h as OfficeHost).flush(),
    look(name, cell) {
      const r = parseRef(cell);
      const s = sheet(name);
      const c = x.cell(s, r.top, r.left);
      const f = c?.fill;
      const fill = f ? (f.pattern === 'Solid' ? `FF${f.color.slice(1).toUpperCase()}` : `pattern:${f.pattern}`) : null;
      return { fill, note: s.notes.get(cellKey(r.top, r.left)) ?? null };
    },
    sheets: () => x.sheets.map((s) => ({ name: s.name, state: ({ Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' } as const)[s.visibility] })),
    values(name) {
      const out: Record<string, string | number | boolean> = {};
      for (const [k, c] of sheet(name).cells) {
        if (c.value === null || c.value === '') continue;
        const p = keyPos(k);
        out[`${colLetter(p.col)}${p.row}`] = c.value;
      }
      return out;
    },
    formulas(name) {
      return [...sheet(name).cells].filter(([, c]) => c.formula).map(([k]) => `${colLetter(keyPos(k).col)}${keyPos(k).row}`);
    },
  };
}

/**
 * The Office host on the REAL office.js (richapi/simulator.ts) over the fake's model: notes as the library
 * allows (the shipped 1.1.110 has none), detected by the host itself (no notesSupported option).
 */
export function simKit(x: FakeExcel, opts: { budgetBytes?: number } = {}): Kit & { sim: RichApiExcel } {
  const sim = new RichApiExcel(x);
  const base = officeKit(x);
  return {
    ...base,
    label: 'office.js (RichApi)',
    notes: 'NoteCollection' in sim.lib.Excel,
    sim,
    host: () => new OfficeHost(sim.context(), { budgetBytes: opts.budgetBytes }),
  };
}

/** A remembered fill as the fill Office would put back: {color, pattern, tint} or null. */
export function restoredLook(d: FillDesc | null): { color: string; pattern: string; tint: number } | null {
  const r = fillRestore(d as OfficeFillDesc | null);
  if (r.kind === 'clear') return null;
  if (r.kind === 'solid') return { color: r.color.toUpperCase(), pattern: 'Solid', tint: 0 };
  if (r.kind === 'unwritable') return { color: '', pattern: 'gradient', tint: 0 };
  return { color: (r.fill.color ?? '#FFFFFF').toUpperCase(), pattern: r.fill.pattern ?? 'Solid', tint: r.fill.tintAndShade ?? 0 };
}

/** A memory with host-specific detail taken out: fills as what they restore, notes as their text. */
export function normaliseMemory(m: RunMemory) {
  return {
    ...m,
    cells: m.cells.map((c) => ({ ...c, fill: restoredLook(c.fill), note: c.note === null ? null : noteText(c.note) })),
  };
}

export async function readMemoryOf(kit: Kit): Promise<RunMemory> {
  const h = kit.host();
  const rows = await h.readMemory();
  await kit.done(h);
  if (!rows) throw new Error('no memory');
  const d = decodeMemory(rows);
  if (d.status !== 'ok') throw new Error(`memory ${d.status}`);
  return d.memory;
}

// -------------------------------------------------------------------------------------------------
// Workbooks

/** A small school ledger that the real engine marks on A2 (data), H4 and H6 (fail), with fills, notes,
 *  merges, formulas, a date, a hidden sheet and a school name that looks like a formula. */
export function ledgerFixture(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学校台账');
  ws.addRow(['某县小学办学条件统计表']);
  ws.mergeCells('A1:L1');
  ws.addRow(['学校名称', '学校类型', '在校生数', '班级数', '高于规定学历教师数', '县级及以上骨干教师数', '体育艺术专任教师数',
    '教学及辅助用房面积（㎡）', '体育运动场馆面积（㎡）', '教学仪器设备值（元）', '网络多媒体教室数（间）', '生均']);
  const students = [45, 37, 89, 76, 55];
  const floor = [279, 137, 935, 160, 402];
  students.forEach((p, i) => {
    const r = 3 + i;
    ws.addRow([i === 2 ? '=HYPERLINK("http://example.com","第3小学")' : `第${i + 1}小学`, '小学', p, 6, 10, 3, 3, floor[i], 1000, 200000, 6]);
    ws.getCell(`L${r}`).value = { formula: `H${r}/C${r}`, result: floor[i] / p } as ExcelJS.CellFormulaValue;
  });
  ws.getCell('A2').style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }, font: { bold: true } };
  ws.getCell('A2').note = '原批注：表头按 2022 年口径';
  ws.getCell('H4').style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } } }; // white, not No Fill
  ws.getCell('H6').style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: 0.6 } as unknown as ExcelJS.Color } };
  ws.getCell('H6').note = { texts: [{ text: '李四:', font: { bold: true } }, { text: '\n已核实' }] } as ExcelJS.Comment;
  const info = wb.addWorksheet('说明');
  info.getCell('A1').value = '填表日期';
  info.getCell('B1').value = new Date(Date.UTC(2022, 8, 1));
  info.getCell('B1').numFmt = 'yyyy-mm-dd';
  info.getCell('A2').value = '=不是公式';
  const opts = wb.addWorksheet('选项', { state: 'hidden' });
  opts.getCell('A1').value = '小学';
  return wb;
}

/** Ledgers of the demo replicated by scaledDemo: first data row and the school-name column. */
const REPLICATE: Record<string, { first: number; nameCol: number }> = {
  学校基本情况台账: { first: 5, nameCol: 2 },
  班级台账: { first: 3, nameCol: 2 },
  教师台账: { first: 3, nameCol: 3 },
};

/** The demo county, with every school and class row (and with `teachers`, teacher row) replicated `k` times. */
export async function scaledDemo(k: number, opts: { teachers?: boolean } = {}): Promise<ExcelJS.Workbook> {
  const src = await reload(buildDemoWorkbook());
  if (k <= 1) return src;
  const out = new ExcelJS.Workbook();
  for (const ws of src.worksheets) {
    const dst = out.addWorksheet(ws.name);
    // Data rows: a number in column A below the header; the school name column gets a suffix per copy.
    const spec = ws.name === '教师台账' && !opts.teachers ? undefined : REPLICATE[ws.name];
    const first = spec ? spec.first : Infinity;
    const nameCol = spec?.nameCol ?? 0;
    let last = first - 1;
    while (Number.isFinite(first) && typeof ws.getCell(last + 1, 1).value === 'number') last++;
    const n = last - first + 1;
    const copyRow = (from: number, to: number, suffix: string) => {
      ws.getRow(from).eachCell({ includeEmpty: true }, (c, col) => {
        const d = dst.getCell(to, col);
        let v = c.value;
        if (col === nameCol && typeof v === 'string' && suffix && from >= first && from <= last) v = `${v}${suffix}`;
        if (c.type === V.Merge) v = null;
        d.value = v as ExcelJS.CellValue;
        d.style = c.style;
      });
    };
    let to = 1;
    const rowCount = ws.rowCount;
    for (let r = 1; r <= rowCount; r++) {
      if (r === first) {
        for (let i = 0; i < k; i++) {
          for (let rr = first; rr <= last; rr++) copyRow(rr, to++, i === 0 ? '' : `（${i + 1}）`);
        }
        r = last;
        continue;
      }
      copyRow(r, to++, '');
    }
    // Merges: header merges kept; data merges replicated; merges below the data shifted.
    const merges = (ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
    for (const m of Object.values(merges)) {
      if (m.bottom < first || !Number.isFinite(first)) dst.mergeCells(m.top, m.left, m.bottom, m.right);
      else if (m.top > last) dst.mergeCells(m.top + (k - 1) * n, m.left, m.bottom + (k - 1) * n, m.right);
      else for (let i = 0; i < k; i++) dst.mergeCells(m.top + i * n, m.left, m.bottom + i * n, m.right);
    }
    ws.columns.forEach((c, i) => {
      if (c.width) dst.getColumn(i + 1).width = c.width;
    });
  }
  return reload(out);
}

/**
 * The surgical .xlsx host (src/xlsx/surgical.ts) on a file's bytes: each host() opens the current bytes,
 * done() saves them; the questions are answered by ExcelJS reading the saved file (an independent reader).
 */
export interface BytesKit extends Kit {
  bytes(): Uint8Array;
  workbook(): ExcelJS.Workbook;
}

export async function surgicalKit(start: Uint8Array | ExcelJS.Workbook): Promise<BytesKit> {
  let bytes = start instanceof Uint8Array ? start : new Uint8Array(await saveWorkbook(start));
  let wb = await loadWorkbook(bytes);
  let view = xlsxKit(wb);
  return {
    label: 'surgical .xlsx',
    notes: true,
    host: () => openXlsx(bytes),
    done: async (h) => {
      bytes = (h as SurgicalXlsxHost).save();
      wb = await loadWorkbook(bytes);
      view = xlsxKit(wb);
    },
    look: (s, c) => view.look(s, c),
    sheets: () => view.sheets(),
    values: (s) => view.values(s),
    formulas: (s) => view.formulas(s),
    bytes: () => bytes,
    workbook: () => wb,
  };
}
