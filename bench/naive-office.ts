/**
 * A NAIVE add-in, for comparison only: the pattern most Office.js samples and first versions follow.
 * Same engine, same results, but it talks to Excel the obvious way:
 *  - one `sync` per sheet to read its used range;
 *  - per mark: read the cell's current fill (to be able to restore it) and sync, then paint it and add the
 *    note and sync (2 syncs per marked cell);
 *  - per summary sheet: add it, then write it one row at a time with a `sync` per row (and a bold header row).
 * It writes no run memory (a real one would add more). Never used by the product.
 */
import type { CellValue, SheetGrid } from '../src/ledger/grid';
import type { EngineFn } from '../src/host/run';
import type { Standard } from '../src/standard/schema';
import type { RunMeta } from '../src/report/engine-types';

const COLOURS = { fail: '#FFC7CE', data: '#FFEB9C' };

export async function naiveCheck(context: Excel.RequestContext, engine: EngineFn, std: Standard, meta: RunMeta, notes: boolean): Promise<number> {
  const wss = context.workbook.worksheets;
  wss.load('items/name');
  await context.sync();
  const names = wss.items.map((w) => w.name);

  const grids: SheetGrid[] = [];
  for (const name of names) {
    const used = context.workbook.worksheets.getItem(name).getUsedRange(true);
    used.load('values,numberFormat,rowIndex,columnIndex');
    await context.sync();
    const values: CellValue[][] = (used.values as unknown[][]).map((row) => row.map((v) => (v === '' ? null : (v as CellValue))));
    grids.push({ name, top: used.rowIndex + 1, left: used.columnIndex + 1, values, formats: used.numberFormat as string[][], merges: [] });
  }

  const out = engine(grids, std, meta);

  const originals: { sheet: string; cell: string; color: unknown }[] = [];
  for (const m of out.marks) {
    const range = context.workbook.worksheets.getItem(m.sheet).getRange(m.cell);
    const props = range.getCellProperties({ format: { fill: { color: true } } });
    await context.sync();
    originals.push({ sheet: m.sheet, cell: m.cell, color: props.value[0][0].format?.fill?.color });
    range.format.fill.color = COLOURS[m.style];
    if (notes) context.workbook.notes.add(range, m.note);
    await context.sync();
  }

  for (const model of out.sheets) {
    const ws = context.workbook.worksheets.add(model.name);
    ws.getRange('A1').values = [[model.title]];
    const header = ws.getRangeByIndexes(2, 0, 1, model.columns.length);
    header.values = [model.columns.map((c) => c.header)];
    header.format.font.bold = true;
    await context.sync();
    for (let r = 0; r < model.rows.length; r++) {
      const row = model.rows[r];
      if (!row.length) continue;
      const range = ws.getRangeByIndexes(3 + r, 0, 1, row.length);
      range.numberFormat = [row.map(() => '@')];
      range.values = [row.map((c) => (c === null || c.value === null || c.value === undefined ? '' : c.value))];
      await context.sync();
    }
  }
  return originals.length;
}
