import ExcelJS from 'exceljs';

export interface CellSnap {
  value: string;
  style: string;
  fill: string;
  note: string;
}

/** Every cell of every sheet: value (incl. formula), style without fill, fill, note — as comparable strings. */
export function snapshot(wb: ExcelJS.Workbook, only?: string[]): Map<string, CellSnap> {
  const out = new Map<string, CellSnap>();
  for (const ws of wb.worksheets) {
    if (only && !only.includes(ws.name)) continue;
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const { fill, ...rest } = cell.style ?? {};
        out.set(`${ws.name}!${cell.address}`, {
          value: JSON.stringify(cell.value),
          style: JSON.stringify(rest),
          fill: JSON.stringify(fill ?? null),
          note: JSON.stringify(cell.note ?? null),
        });
      });
    });
  }
  return out;
}

export async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(buf as ArrayBuffer);
  return again;
}

/**
 * A re-run is judged against the run before it (整改 tracking, src/report/history.ts), so check → check
 * cannot equal check in ONE place: the 状态 column of 问题清单 (column M, data rows 4…), which reads 新发现 after
 * the first run and 仍未整改 after the second (a different word, and its style). Everything else — ledger
 * values, marks, notes, the other summary sheets, 首次发现日期 and 整改进度 (a same-day re-run replaces that day's
 * record) and the run memory — must be identical, but for one consequence in the memory: the content hash of
 * 问题清单 (src/host/tool-sheets.ts), which hashes those words. This splits those status cells off a snapshot
 * so the rest can be compared exactly and the statuses asserted on their own, and blanks that one hash.
 */
export function splitStatus<V extends { value: string }>(m: Map<string, V>): { rest: Map<string, V>; statuses: string[] } {
  const rest = new Map<string, V>();
  const statuses: string[] = [];
  // The 状态 column, found by its header (row 3), so a column added before it does not move the split.
  let col = 'M';
  for (const [k, v] of m) {
    const h = /^问题清单[^!]*!([A-Z]+)3$/.exec(k);
    if (h && v.value === JSON.stringify('状态')) col = h[1];
  }
  for (const [k, v] of m) {
    const hit = new RegExp(`^问题清单[^!]*!${col}(\\d+)$`).exec(k);
    if (hit && Number(hit[1]) >= 4) {
      if (v.value !== 'null') statuses.push(JSON.parse(v.value) as string);
    } else if (/^_junheng!A(\d+)$/.test(k) && k !== '_junheng!A1') {
      rest.set(k, { ...v, value: blankStatusHash(v.value) });
    } else rest.set(k, v);
  }
  return { rest, statuses };
}

/** A memory's JSON (as a snapshot value or plain) with the content hash of 问题清单 sheets blanked. */
export function blankStatusHash(text: string): string {
  return text.replace(/(问题清单[^{}]*?hash\\*":\\*")[0-9a-f]{8}/g, '$1--------');
}
