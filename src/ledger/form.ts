/**
 * The one-school-per-sheet form schools return (学校填报表: 序号 | 类别 | 填报项目 | 单位 | 填报值 | 是否必填 |
 * 备注说明, one 填报项目 a row, one sheet per school). Each such sheet is one school of the county: its items
 * are matched like school-ledger headers (the synonym table), the 单位 column gives each value's unit, and
 * the school joins the school records exactly as a row of a school ledger would ("*" cells are kept in
 * `notApplicable`, for the checks to decide). Pure.
 */
import type { Standard } from '../standard/schema';
import { inferSchoolType, parseSchoolType } from './coerce';
import { cellAddress, type CellValue, type SheetGrid } from './grid';
import { matchHeaderText, type ColumnMatch } from './header';
import { isNotApplicable } from './layout';
import { hasRange, type Tracked } from './magnitude';
import { normalizeHeader, normalizeText, parseUnit, STAGE_AFFIXES, type UnitInfo } from './normalize';
import { isNoteText } from './rows';
import { SheetReader, asStage, columnKey, columnLabel, dateOrText, textOf } from './sheet-reader';
import { DEGREE_ITEM, FORM_HEADERS, FORM_MIN_ITEMS, SCHOOL_LEDGER, type FieldDef } from './synonyms';
import { SCHOOL_ATTRIBUTES, type CellRef, type DetectedLedger, type SchoolQuantity, type SchoolRecord, type SchoolType, type StageKey, type StageSplit } from './types';

function keyOf(text: string, list: readonly string[]): boolean {
  const k = normalizeHeader(text).key;
  return k !== '' && list.some((w) => normalizeHeader(w).key === k);
}

/** 学段 prefix of a normalised key ("小学专科及以上…") and the rest. */
function stagePrefix(key: string): { stage: StageKey | null; rest: string } {
  for (const [affix, stage] of STAGE_AFFIXES) if (key.length > affix.length && key.startsWith(affix)) return { stage, rest: key.slice(affix.length) };
  return { stage: null, rest: key };
}

/** "专科及以上学历教师人数（小学）" → 高于规定学历教师数 of the 学段 whose required degree is 专科; null otherwise. */
function degreeItem(text: string, std: Standard): { field: FieldDef; stage: StageKey; unit: UnitInfo | null } | null {
  const n = normalizeHeader(text);
  const p = stagePrefix(n.key);
  const m = DEGREE_ITEM.exec(p.rest);
  if (!m) return null;
  const ladder = std.settings.degreeLadder;
  const levelOf = (w: string): number => ladder.findIndex((lvl) => lvl.some((x) => normalizeText(x) === normalizeText(w)));
  const level = levelOf(m[1]);
  if (level < 0) return null;
  const stageNamed = p.stage ?? (n.stage && n.stage !== 'all' ? n.stage : null);
  const fits = (['小学', '初中'] as const).filter((s) => levelOf(std.settings.requiredDegree[s]) === level);
  const stage = stageNamed ? (fits.some((s) => s === stageNamed) ? stageNamed : null) : fits.length === 1 ? fits[0] : null;
  const field = SCHOOL_LEDGER.fields.find((f) => f.field === 'degreeTeachers');
  return stage && field ? { field, stage, unit: n.unit } : null;
}

interface FormItem {
  r: number;
  item: string;
  field: FieldDef;
  stage: StageKey | null;
  unit: UnitInfo | null;
  unitCol: number | null;
}

interface FormShape {
  headerRow: number;
  valueCol: number;
  unitCol: number | null;
  items: FormItem[];
}

const SCAN_ROWS = 20;

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Finds the form's header row and its items; null when the sheet is not a one-school form. */
export function detectForm(grid: SheetGrid, std: Standard): FormShape | null {
  let seen = 0;
  for (let r = 0; r < grid.values.length && seen < SCAN_ROWS; r++) {
    const row = grid.values[r];
    if (!row || row.every(isBlank)) continue;
    seen++;
    let itemCol = -1;
    let valueCol = -1;
    let unitCol: number | null = null;
    row.forEach((v, c) => {
      if (typeof v !== 'string') return;
      if (itemCol < 0 && keyOf(v, FORM_HEADERS.item)) itemCol = c;
      else if (valueCol < 0 && keyOf(v, FORM_HEADERS.value)) valueCol = c;
      else if (unitCol === null && keyOf(v, FORM_HEADERS.unit)) unitCol = c;
    });
    if (itemCol < 0 || valueCol < 0) continue;
    const items: FormItem[] = [];
    for (let i = r + 1; i < grid.values.length; i++) {
      const cells = grid.values[i];
      const text = textOf(cells?.[itemCol]);
      if (!text) continue;
      if (isNoteText(text)) break;
      const m = matchHeaderText(SCHOOL_LEDGER, text) ?? degreeItem(text, std);
      if (!m) continue;
      items.push({ r: i, item: text, field: m.field, stage: m.stage, unit: m.unit, unitCol });
    }
    const named = items.some((x) => x.field.field === 'name');
    const numeric = items.filter((x) => x.field.value !== 'text').length;
    // Without a 学校名称 item only a 填报值 column says it is a school's form (指标 | 数值 is a 县级数据 sheet).
    const filed = normalizeHeader(textOf(row[valueCol])).key.startsWith('填报');
    if ((named && numeric >= 1) || (filed && numeric >= FORM_MIN_ITEMS)) return { headerRow: r, valueCol, unitCol, items };
  }
  return null;
}

export interface FormSchool {
  record: SchoolRecord;
  ledger: DetectedLedger;
}

/**
 * Reads one form into a school record: 学校名称 and 学校类型 from their items (the type else from the name),
 * every numeric item through the same cell reader as a ledger column, the 单位 cell's unit when it is of
 * the item's dimension (else the item's own "（万元）"). Data findings at the 填报值 cell.
 */
export function readForm(reader: SheetReader, shape: FormShape, tracked: Tracked[]): FormSchool | null {
  const { grid, sink, sheet } = reader;
  const row = (r: number) => grid.values[r];
  const valueAt = (r: number) => row(r)?.[shape.valueCol];
  const nameItem = shape.items.find((x) => x.field.field === 'name');
  const typeItem = shape.items.find((x) => x.field.field === 'type');
  let name = nameItem ? textOf(valueAt(nameItem.r)) : '';
  const nameRef: CellRef = reader.ref(nameItem ? nameItem.r : shape.headerRow, nameItem ? shape.valueCol : 0);
  if (!name) {
    name = sheet.trim();
    sink.data({
      indicator: null, sheet, cell: cellAddress(nameRef.row, nameRef.col), school: name, stage: null, actual: null,
      message: nameItem
        ? `本表「学校名称」的填报值为空，按工作表名“${name}”作为学校名称，请填写`
        : `本表没有「学校名称」一项，按工作表名“${name}”作为学校名称，请补充`,
    });
  }
  let type: SchoolType | null = null;
  let typeInferred = false;
  let typeRef: CellRef | null = null;
  const typeText = typeItem ? textOf(valueAt(typeItem.r)) : '';
  if (typeItem) {
    typeRef = reader.ref(typeItem.r, shape.valueCol);
    if (typeText) type = parseSchoolType(typeText);
  }
  if (!type) {
    type = inferSchoolType(name);
    typeInferred = type !== null;
  }
  if (!type) {
    sink.data({
      indicator: null, sheet, cell: typeRef ? cellAddress(typeRef.row, typeRef.col) : cellAddress(nameRef.row, nameRef.col), school: name, stage: null,
      actual: typeText || null,
      message: typeText
        ? `学校“${name}”的「学校类型」“${typeText}”无法识别，也无法从校名判断（应为 小学、初中、九年一贯制、十二年一贯制、完全中学、教学点、特殊教育学校 之一）`
        : `学校“${name}”的学校类型无法确定：${typeItem ? '「学校类型」为空' : '本表没有「学校类型」一项'}，也无法从校名判断`,
    });
  }
  const ledger: DetectedLedger = { sheet, kind: 'school', headerRows: [], columns: {}, units: {}, rows: 1, missing: [] };
  const record: SchoolRecord = { sheet, row: nameRef.row, name, nameRef, type, typeInferred, typeRef, quantities: {} };
  if (nameItem) ledger.columns.name = reader.addr(nameItem.r, shape.valueCol);
  if (typeItem) ledger.columns.type = reader.addr(typeItem.r, shape.valueCol);
  const notApplicable: NonNullable<SchoolRecord['notApplicable']> = {};
  const first = new Map<string, string>();
  for (const it of shape.items) {
    const attr = SCHOOL_ATTRIBUTES.find((a) => a === it.field.field);
    if (attr && !record.attributes?.[attr]) {
      const text = attr === 'builtYear' ? dateOrText(valueAt(it.r), reader.grid.formats?.[it.r]?.[shape.valueCol]) : textOf(valueAt(it.r));
      (record.attributes ??= {})[attr] = { text, ref: reader.ref(it.r, shape.valueCol) };
      ledger.columns[attr] = reader.addr(it.r, shape.valueCol);
    }
    if (it.field.value === 'text') continue;
    const cellUnit = it.unitCol !== null ? parseUnit(textOf(row(it.r)?.[it.unitCol])) : null;
    const unit = cellUnit && cellUnit.dim === it.field.dim ? cellUnit : it.unit;
    const m: ColumnMatch = { field: it.field, stage: it.stage, col: shape.valueCol, unit, text: it.item };
    const key = columnKey(m);
    const at = reader.addr(it.r, shape.valueCol);
    const seenAt = first.get(key);
    if (seenAt) {
      sink.data({
        indicator: it.field.indicator ?? null, sheet, cell: at, school: name, stage: asStage(it.stage), actual: textOf(valueAt(it.r)) || null,
        message: `「${columnLabel(m)}」在本表中重复填报（首次在 ${seenAt}），未重复计入，请核实`,
      });
      continue;
    }
    first.set(key, at);
    ledger.columns[key] = at;
    if (unit && unit.dim === it.field.dim) ledger.units[key] = { unit: unit.unit, factor: unit.factor };
    const q = it.field.field as SchoolQuantity;
    if (isNotApplicable(valueAt(it.r))) {
      (notApplicable[q] ??= {})[it.stage ?? 'all'] = { text: textOf(valueAt(it.r)), ref: reader.ref(it.r, shape.valueCol) };
      continue;
    }
    const read = reader.numRead(it.r, m, name, asStage(it.stage));
    const split: StageSplit = record.quantities[q] ?? (record.quantities[q] = {});
    split[it.stage ?? 'all'] = read.num;
    if (read.raw !== null && hasRange(q) && it.field.dim) {
      const headerAt = it.unitCol !== null ? reader.addr(it.r, it.unitCol) : at;
      tracked.push({
        group: `form\u0000${sheet}\u0000${key}`, quantity: q, stage: it.stage ?? 'all', num: read.num, raw: read.raw, factor: read.factor,
        ownUnit: read.own, record, label: columnLabel(m), dim: it.field.dim, indicator: it.field.indicator ?? null,
        header: { sheet, cell: headerAt, place: it.unitCol !== null ? '「单位」栏' : '填报项目中' },
        unit: unit && unit.dim === it.field.dim ? unit.unit : null,
        onUnit: (u, factor) => (ledger.units[key] = { unit: u, factor }),
      });
    }
  }
  if (Object.keys(notApplicable).length > 0) record.notApplicable = notApplicable;
  return { record, ledger };
}
