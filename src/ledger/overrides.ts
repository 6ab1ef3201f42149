import { parseCell, type SheetGrid } from './grid';
import type { ColumnMatch, HeaderMatch } from './header';
import { normalizeHeader } from './normalize';
import { columnKey } from './sheet-reader';
import type { ColumnOverrides } from './types';

function columnIndex(letter: string): number | null {
  const p = parseCell(`${letter}1`);
  return p ? p.col : null;
}

/**
 * A header match with the user's corrections applied (from the task pane's 台账识别 drop-downs):
 * `{ "floorArea": "H" }` reads 教学及辅助用房面积 from column H, `{ "students.小学": "" }` unmaps it.
 * A column is used for one field only, so a corrected column is taken away from any field that had it.
 * Unknown fields and columns outside the sheet are ignored.
 */
export function applyOverrides(grid: SheetGrid, match: HeaderMatch, overrides: ColumnOverrides | undefined): HeaderMatch {
  const forSheet = overrides?.[grid.name];
  if (!forSheet || Object.keys(forSheet).length === 0) return match;
  let columns: ColumnMatch[] = match.columns.slice();
  const headerRow = grid.values[match.rows[match.rows.length - 1]] ?? [];
  for (const [key, letter] of Object.entries(forSheet)) {
    const [fieldKey, stage] = key.split('.') as [string, string | undefined];
    const field = match.def.fields.find((f) => f.field === fieldKey);
    if (!field || (stage !== undefined && !field.split) || (stage !== undefined && !['小学', '初中', '高中'].includes(stage))) continue;
    columns = columns.filter((m) => columnKey(m) !== key);
    if (!letter) continue;
    const abs = columnIndex(letter);
    if (abs === null) continue;
    const col = abs - grid.left;
    if (col < 0) continue;
    columns = columns.filter((m) => m.col !== col);
    const text = headerRow[col];
    const textValue = typeof text === 'string' ? text : text === null || text === undefined ? '' : String(text);
    columns.push({
      field,
      stage: (stage ?? null) as ColumnMatch['stage'],
      col,
      unit: normalizeHeader(textValue).unit,
      text: textValue,
    });
  }
  columns.sort((a, b) => a.col - b.col);
  return { ...match, columns };
}
