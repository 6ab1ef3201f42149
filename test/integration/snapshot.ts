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
