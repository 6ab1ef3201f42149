/**
 * The 县级数据 sheet (county figures: item names in one column, values beside them, any layout) and the
 * 核查清单 sheet (the checklist the tool wrote once, with the user's answers). Pure.
 */
import { parseLevel, parseYesNo, readNumber, readPercent } from './coerce';
import { columnLetter, type CellValue } from './grid';
import type { HeaderMatch } from './header';
import { normalizeHeader, normalizeText, parseUnit, type UnitInfo } from './normalize';
import { classifyRow, isNoteText } from './rows';
import { SheetReader, actualOf, ambiguousMessage, labelColumns, textCell, textOf } from './sheet-reader';
import { COUNTY_ITEM_DEFS, type CountyItemDef } from './synonyms';
import { isToolSheetName } from './tool-sheets';
import type { CheckStatus, ChecklistAnswer, CountyFigure, CountyFigures, CountyItem, DetectedLedger } from './types';

const ITEM_PREFIX = /^(?:[GQSR]\d{1,2})?(?:全县|县域内|县域|本县|全区|本区|全市)?/i;

function itemKey(text: string): { key: string; unit: UnitInfo | null } {
  const n = normalizeHeader(text);
  return { key: n.key.replace(ITEM_PREFIX, '').replace(/[%％]$/, ''), unit: n.unit };
}

let itemLookup: Map<string, CountyItemDef> | null = null;

function lookup(): Map<string, CountyItemDef> {
  if (itemLookup) return itemLookup;
  const m = new Map<string, CountyItemDef>();
  for (const d of COUNTY_ITEM_DEFS) {
    for (const s of [d.label, ...d.synonyms]) {
      const k = itemKey(s).key;
      if (k && !m.has(k)) m.set(k, d);
    }
  }
  itemLookup = m;
  return m;
}

function itemOf(v: CellValue | undefined): { def: CountyItemDef; unit: UnitInfo | null } | null {
  if (typeof v !== 'string' || v.length > 60) return null;
  const { key, unit } = itemKey(v);
  const def = key ? lookup().get(key) : undefined;
  return def ? { def, unit } : null;
}


function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

const UNIT_CELL = /^(元|万元|千元|人|名|%|元\/年|万元\/年|元\/人年|元\/人\/年|单位)$/;

const SCAN_ROWS = 300;
const SCAN_COLS = 12;

/**
 * Reads a 县级数据 sheet: every cell (first 300 rows, 12 columns) whose text names a county item; its value
 * is the first non-blank cell to its right that is not a unit ("元", "%") — so 指标 | 数值 | 说明 and
 * 指标 | 单位 | 数值 both work. The sheet is taken when it names at least two items. Unreadable values and
 * ambiguous percentages (a bare 1) become data findings at the value cell. Null when the sheet is not one.
 */
export function readCountyFigures(reader: SheetReader): { figures: CountyFigures; ledger: DetectedLedger } | null {
  const { grid, sheet } = reader;
  if (isToolSheetName(sheet)) return null;
  type Hit = { def: CountyItemDef; unit: UnitInfo | null; r: number; c: number };
  const hits: Hit[] = [];
  const seen = new Set<string>();
  const rows = Math.min(grid.values.length, SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const row = grid.values[r];
    if (!row) continue;
    const cols = Math.min(row.length, SCAN_COLS);
    for (let c = 0; c < cols; c++) {
      const it = itemOf(row[c]);
      if (!it || seen.has(it.def.item)) continue;
      seen.add(it.def.item);
      hits.push({ ...it, r, c });
      break; // one item per row: the label column
    }
  }
  if (hits.length < 2) return null;
  const figures: Partial<Record<CountyItem, CountyFigure>> = {};
  const columns: Record<string, string> = {};
  for (const h of hits) {
    const row = grid.values[h.r] ?? [];
    let unit = h.unit;
    let vc = -1;
    for (let c = h.c + 1; c < row.length; c++) {
      const v = row[c];
      if (isBlank(v)) continue;
      if (typeof v === 'string') {
        const t = normalizeText(v);
        if (UNIT_CELL.test(t) || parseUnit(t)) {
          unit = unit ?? parseUnit(t);
          continue;
        }
        if (itemOf(v) || isNoteText(v)) break;
      }
      vc = c;
      break;
    }
    const labelText = textOf(row[h.c]);
    const labelRef = reader.ref(h.r, h.c);
    const col = vc >= 0 ? vc : h.c + 1;
    const ref = reader.ref(h.r, col);
    const v = vc >= 0 ? row[vc] : undefined;
    const fig: CountyFigure = { item: h.def.item as CountyItem, label: labelText, labelRef, value: null, text: textOf(v), ref, problem: 'blank' };
    columns[h.def.item] = `${columnLetter(ref.col)}${ref.row}`;
    if (vc >= 0) parseFigure(reader, h.def, fig, v, h.r, vc, unit);
    figures[h.def.item as CountyItem] = fig;
  }
  const ledger: DetectedLedger = { sheet, kind: 'county', headerRows: [], columns, units: {}, rows: hits.length, missing: [] };
  return { figures: { sheet, figures }, ledger };
}

function parseFigure(reader: SheetReader, def: CountyItemDef, fig: CountyFigure, v: CellValue | undefined, r: number, c: number, unit: UnitInfo | null): void {
  const format = reader.grid.formats?.[r]?.[c] ?? null;
  const bad = (message: string) => {
    fig.problem = 'unreadable';
    reader.sink.data({
      indicator: def.indicator, sheet: reader.sheet, cell: reader.addr(r, c), school: null, stage: null, actual: actualOf(v), message,
    });
  };
  const label = def.label;
  delete fig.problem;
  switch (def.value) {
    case 'percent': {
      const p = readPercent(v, format);
      if ('blank' in p) fig.problem = 'blank';
      else if ('error' in p) bad(`「${label}」单元格${p.error}`);
      else if ('ambiguous' in p) bad(ambiguousMessage(label, p.ambiguous));
      else fig.value = p.value;
      return;
    }
    case 'amount':
    case 'count': {
      const n = readNumber(v, format);
      if ('blank' in n) fig.problem = 'blank';
      else if ('error' in n) bad(`「${label}」单元格${n.error}`);
      else {
        const factor = n.factor ?? (unit && unit.dim === 'money' && def.value === 'amount' ? unit.factor : 1);
        const value = Number((n.value * factor).toPrecision(12));
        if (value < 0) bad(`「${label}」单元格为负数`);
        else if (def.value === 'count' && !Number.isInteger(value)) bad(`「${label}」单元格为 ${value}，不是整数`);
        else fig.value = value;
      }
      return;
    }
    case 'yesno': {
      const yn = typeof v === 'number' ? (v === 1 ? true : v === 0 ? false : null) : typeof v === 'boolean' ? v : parseYesNo(textOf(v));
      if (yn === null) bad(`「${label}」单元格内容“${textOf(v) || String(actualOf(v))}”无法识别（应填 是 或 否）`);
      else {
        fig.value = yn ? 1 : 0;
        fig.yes = yn;
      }
      return;
    }
    case 'level': {
      const l = parseLevel(v);
      if (l === null) bad(`「${label}」单元格内容“${textOf(v) || String(actualOf(v))}”无法识别（应填 Ⅲ级、Ⅳ级 等等级，或 是/否）`);
      else if (typeof l === 'number') fig.value = l;
      else fig.yes = l === 'yes';
      return;
    }
  }
}

const STATUS_WORDS: Record<string, CheckStatus> = {
  达标: '达标', 已达标: '达标', 符合: '达标', 是: '达标', '✓': '达标', '√': '达标', 合格: '达标', 通过: '达标',
  未达标: '未达标', 不达标: '未达标', 不符合: '未达标', 否: '未达标', '✗': '未达标', '×': '未达标', 不合格: '未达标',
  待核实: '待核实', 未核实: '待核实', 待定: '待核实', 待确认: '待核实', 核实中: '待核实',
};

/**
 * A 一票否决 line (F1 …) asks whether a situation exists: 存在 is 未达标, 不存在 达标. 是/否 and ticks would
 * read the wrong way round there, so they are not accepted on those lines.
 */
const VETO_WORDS: Record<string, CheckStatus> = {
  存在: '未达标', 有: '未达标', 存在该情形: '未达标', 不存在: '达标', 无: '达标', 没有: '达标', 不存在该情形: '达标',
};
const VETO_AMBIGUOUS = new Set(['是', '否', '✓', '√', '✗', '×']);

const ID_RE = /^([RGQSF])\s*(\d{1,2})$/i;

/** Reads the 核查清单: one answer per indicator id (the first row of an id wins). */
export function readChecklistRows(reader: SheetReader, match: HeaderMatch, ledger: DetectedLedger, out: ChecklistAnswer[]): void {
  const { grid, sink, sheet } = reader;
  const col = (f: string) => match.columns.find((m) => m.field.field === f) ?? null;
  const idCol = col('id');
  const statusCol = col('status');
  if (!idCol || !statusCol) return;
  const labels = labelColumns(match);
  const start = match.rows[match.rows.length - 1] + 1;
  const seen = new Set<string>();
  for (let r = start; r < grid.values.length; r++) {
    const row = grid.values[r];
    if (classifyRow(row, labels) === 'blank') continue;
    const idText = normalizeText(textOf(row ? row[idCol.col] : undefined));
    const m = ID_RE.exec(idText);
    if (!m) continue;
    const id = `${m[1].toUpperCase()}${Number(m[2])}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const st = textCell(reader, r, statusCol);
    const statusText = st ? normalizeText(st.text) : '';
    const veto = id.startsWith('F');
    let status: CheckStatus | undefined =
      statusText === ''
        ? '待核实'
        : veto && VETO_AMBIGUOUS.has(statusText)
          ? undefined
          : ((veto ? VETO_WORDS[statusText] : undefined) ?? STATUS_WORDS[statusText] ?? STATUS_WORDS[statusText.toLowerCase()]);
    if (!status) {
      status = '待核实';
      sink.data({
        indicator: null, sheet, cell: reader.addr(r, statusCol.col), school: null, stage: null, actual: st?.text ?? null,
        message: veto
          ? `核查清单 ${id}（一票否决项）的「状态」“${st?.text ?? ''}”无法识别（应为 达标 = 不存在该情形、未达标 = 存在该情形，或 待核实），按待核实处理`
          : `核查清单 ${id} 的「状态」“${st?.text ?? ''}”无法识别（应为 达标、未达标 或 待核实），按待核实处理`,
      });
    }
    ledger.rows++;
    out.push({
      sheet,
      row: grid.top + r,
      id,
      status,
      statusRef: reader.ref(r, statusCol.col),
      evidence: textCell(reader, r, col('evidence'))?.text ?? '',
      remark: textCell(reader, r, col('remark'))?.text ?? '',
    });
  }
}
