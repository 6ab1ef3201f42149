/**
 * Reading the data rows of a recognised ledger into typed records, raising a data finding for every cell
 * that cannot be read. Pure and synchronous.
 */
import type { Standard } from '../standard/schema';
import { cellAddress, columnLetter, type SheetGrid } from './grid';
import { inferSchoolType, parseGrade, parseSchoolType, stageOfGrade } from './coerce';
import { isToolSheetName } from './tool-sheets';
import { readChecklistRows, readCountyFigures } from './county';
import { detectForm, readForm } from './form';
import { detectHeader, type ColumnMatch, type HeaderMatch } from './header';
import { cleanLayout, isEllipsis, isNotApplicable, withSheetUnits } from './layout';
import { checkMagnitudes, hasRange, type Tracked } from './magnitude';
import { normalizeText } from './normalize';
import { applyOverrides } from './overrides';
import { readTeacherRows } from './people';
import { GIVEN_FOR, sectionRow, stageOfName } from './sections';
import { mergeIndex, mergedValue, type MergeIndex } from './rows';
import {
  FindingSink, SchoolColumn, attributeCell, SheetReader, actualOf, asStage, columnKey, columnLabel, dataRows, hasAnyNumber, isRepeatedHeader, textOf,
} from './sheet-reader';
import {
  CHECKLIST_LEDGER, CLASS_LEDGER, LEDGER_DEFS, SCHOOL_LEDGER, TEACHER_LEDGER, type FieldDef, type LedgerDef, type NeedRule,
} from './synonyms';
import {
  SCHOOL_ATTRIBUTES,
  type CellRef, type ChecklistAnswer, type ClassRecord, type ColumnOverrides, type CountyFigures, type DetectedLedger, type LedgerKind, type LedgerSet,
  type Num, type SchoolAttribute, type SchoolQuantity, type SchoolRecord, type StageSplit, type TeacherRecord, type TextCell,
} from './types';

export { FindingSink } from './sheet-reader';

function describe(grid: SheetGrid, match: HeaderMatch): DetectedLedger {
  const columns: Record<string, string> = {};
  const units: Record<string, { unit: string; factor: number }> = {};
  for (const m of match.columns) {
    const key = columnKey(m);
    columns[key] = columnLetter(grid.left + m.col);
    if (m.unit && m.field.value !== 'text') {
      units[key] = { unit: m.unit.unit, factor: m.unit.dim === m.field.dim ? m.unit.factor : 1 };
    }
  }
  return {
    sheet: grid.name,
    kind: match.def.kind as LedgerKind,
    headerRows: match.rows.map((r) => grid.top + r),
    columns,
    units,
    rows: 0,
    missing: [],
  };
}

/** The cell a finding about a whole column goes to: its header cell (the child's when the child row names it). */
function headerCellOf(reader: SheetReader, match: HeaderMatch, m: ColumnMatch): string {
  const last = match.rows[match.rows.length - 1];
  const own = reader.grid.values[last]?.[m.col];
  const r = match.rows.length > 1 && typeof own === 'string' && own.trim() !== '' ? last : match.rows[0];
  return reader.addr(r, m.col);
}

/** Reads a school ledger. Cells of quantities with a plausible range are added to `tracked`. */
function readSchoolRows(reader: SheetReader, match: HeaderMatch, ledger: DetectedLedger, out: SchoolRecord[], tracked: Tracked[]): void {
  const { grid, sink, sheet } = reader;
  const nameCol = match.columns.find((m) => m.field.field === 'name');
  if (!nameCol) return;
  const typeCol = match.columns.find((m) => m.field.field === 'type') ?? null;
  const fields = new Set(match.columns.map((m) => m.field.field));
  const numeric = match.columns.filter(
    (m) => m.field.value !== 'text' && !GIVEN_FOR[m.field.field as SchoolQuantity]?.some((q) => fields.has(q)),
  );
  const attrCols = SCHOOL_ATTRIBUTES.map((a) => [a, match.columns.find((m) => m.field.field === a) ?? null] as const).filter(
    (x): x is readonly [SchoolAttribute, ColumnMatch] => x[1] !== null,
  );
  const seen = new Map<string, string>();
  // A 表Ⅱ-2 sheet: indicator values per row, schools in 学段 sections (a school may be in both).
  const givesValues = numeric.some((m) => GIVEN_FOR[m.field.field as SchoolQuantity] !== undefined);
  let section: '小学' | '初中' | null = null;
  for (const { r, row, afterNote } of dataRows(grid, match)) {
    const nameValue = row ? row[nameCol.col] : undefined;
    const name = textOf(nameValue);
    const label = sectionRow(row, numeric);
    if (label) {
      section = label;
      continue;
    }
    if (afterNote && (!name || !hasAnyNumber(row, numeric))) continue;
    if (name && isRepeatedHeader(name, nameCol)) continue;
    if (isNotApplicable(nameValue) || isEllipsis(nameValue)) continue; // a "*" or "…" row of a printed form
    if (!name) {
      if (hasAnyNumber(row, numeric)) {
        sink.data({
          indicator: null, sheet, cell: reader.addr(r, nameCol.col), school: null, stage: null, actual: null,
          message: `第 ${grid.top + r} 行有数据但「学校名称」为空，该行无法归属到学校，未计入`,
        });
      }
      continue;
    }
    const rowStage = givesValues ? (section ?? stageOfName(name)) : null;
    const key = `${normalizeText(name)}\u0000${rowStage ?? ''}`;
    const first = seen.get(key);
    if (first) {
      sink.data({
        indicator: null, sheet, cell: reader.addr(r, nameCol.col), school: name, stage: rowStage, actual: name,
        message: `学校“${name}”在本表中${rowStage ? `${rowStage}部分` : ''}重复出现（首次出现在 ${first}），该行未重复计入，请核实`,
      });
      continue;
    }
    seen.set(key, reader.addr(r, nameCol.col));
    ledger.rows++;

    // 学校类型: the column, else the name.
    let type = null as SchoolRecord['type'];
    let typeInferred = false;
    let typeRef: CellRef | null = null;
    let typeText = '';
    if (typeCol) {
      typeRef = reader.ref(r, typeCol.col);
      typeText = textOf(row ? row[typeCol.col] : undefined);
      if (typeText) type = parseSchoolType(typeText);
    }
    if (!type) {
      const inferred = inferSchoolType(name);
      if (inferred) {
        type = inferred;
        typeInferred = true;
      }
    }
    if (!type && rowStage && !typeText) {
      // A 表Ⅱ-2 row of the 小学 (初中) section: the section says what the row is.
      type = rowStage;
      typeInferred = true;
    }
    if (!type) {
      const cellCol = typeCol ? typeCol.col : nameCol.col;
      sink.data({
        indicator: null, sheet, cell: reader.addr(r, cellCol), school: name, stage: null, actual: typeText || null,
        message: typeText
          ? `学校“${name}”的「学校类型」“${typeText}”无法识别，也无法从校名判断（应为 小学、初中、九年一贯制、十二年一贯制、完全中学、教学点、特殊教育学校 之一）`
          : `学校“${name}”的学校类型无法确定：${typeCol ? '「学校类型」为空' : '台账没有「学校类型」列'}，也无法从校名判断`,
      });
    }

    const quantities: Partial<Record<SchoolQuantity, StageSplit>> = {};
    const notApplicable: NonNullable<SchoolRecord['notApplicable']> = {};
    const reads: { m: ColumnMatch; read: ReturnType<SheetReader['numRead']> }[] = [];
    for (const m of numeric) {
      const q = m.field.field as SchoolQuantity;
      const v = row ? row[m.col] : undefined;
      if (isNotApplicable(v)) {
        (notApplicable[q] ??= {})[m.stage ?? 'all'] = { text: textOf(v), ref: reader.ref(r, m.col) };
        continue;
      }
      const split = quantities[q] ?? (quantities[q] = {});
      const read = reader.numRead(r, m, name, asStage(m.stage));
      split[m.stage ?? 'all'] = read.num;
      if (read.raw !== null && hasRange(q)) reads.push({ m, read });
    }
    const record: SchoolRecord = {
      sheet,
      row: grid.top + r,
      name,
      nameRef: reader.ref(r, nameCol.col),
      type,
      typeInferred,
      typeRef,
      quantities,
    };
    if (Object.keys(notApplicable).length > 0) record.notApplicable = notApplicable;
    if (rowStage) record.stage = rowStage;
    if (attrCols.length > 0) {
      const attributes: Partial<Record<SchoolAttribute, TextCell>> = {};
      for (const [a, m] of attrCols) attributes[a] = attributeCell(reader, r, m, a);
      record.attributes = attributes;
    }
    for (const { m, read } of reads) {
      const key = columnKey(m);
      tracked.push({
        group: `${sheet}\u0000${key}`, quantity: m.field.field as SchoolQuantity, stage: m.stage ?? 'all', num: read.num,
        raw: read.raw ?? 0, factor: read.factor, ownUnit: read.own, record, label: columnLabel(m), dim: m.field.dim ?? 'count',
        indicator: m.field.indicator ?? null, header: { sheet, cell: headerCellOf(reader, match, m), place: '表头' },
        unit: m.unit && m.unit.dim === m.field.dim ? m.unit.unit : null,
        onUnit: (unit, factor) => (ledger.units[key] = { unit, factor }),
      });
    }
    out.push(record);
  }
}

/** Reads a class ledger (one row per class). */
function readClassRows(reader: SheetReader, match: HeaderMatch, ledger: DetectedLedger, out: ClassRecord[]): void {
  const { grid, sink, sheet } = reader;
  const find = (f: string): ColumnMatch | null => match.columns.find((m) => m.field.field === f) ?? null;
  const schoolCol = find('school');
  const gradeCol = find('grade');
  const classCol = find('className');
  const studentsCol = find('students');
  const start = match.rows[match.rows.length - 1] + 1;
  const schools = new SchoolColumn(reader, schoolCol ?? undefined, start);
  const gradeIdx: MergeIndex | null = gradeCol ? mergeIndex(grid, gradeCol.col, start) : null;
  for (const { r, row, afterNote } of dataRows(grid, match)) {
    const { school, ref: schoolRef } = schools.at(r);
    const className = classCol ? textOf(row ? row[classCol.col] : undefined) : '';
    const studentsRaw = studentsCol && row ? row[studentsCol.col] : undefined;
    const studentsBlank = studentsRaw === null || studentsRaw === undefined || (typeof studentsRaw === 'string' && studentsRaw.trim() === '');
    if (!className && studentsBlank) continue; // a school heading row or a row with nothing to check
    if (classCol && className && isRepeatedHeader(className, classCol)) continue;
    if (afterNote && (studentsBlank || (!className && !gradeCol))) continue;

    let grade: number | null = null;
    let gradeRef: CellRef | null = null;
    if (gradeCol) {
      const gv = mergedValue(grid, r, gradeCol.col, gradeIdx);
      gradeRef = reader.ref(gv.r, gv.c);
      grade = parseGrade(gv.v);
      const gt = textOf(gv.v);
      if (grade === null && className) grade = parseGrade(className);
      if (grade === null && (gt || (gv.v !== null && gv.v !== undefined && typeof gv.v !== 'string'))) {
        sink.data({
          indicator: 'G5', sheet, cell: reader.addr(gv.r, gv.c), school, stage: null, actual: actualOf(gv.v),
          message: `「年级」单元格内容“${gt || String(actualOf(gv.v))}”无法识别为年级（应为 一年级…九年级、初一…初三、七年级 或 1–9）`,
        });
      }
    } else if (className) {
      grade = parseGrade(className);
      if (grade !== null && classCol) gradeRef = reader.ref(r, classCol.col);
    }
    const stage = stageOfGrade(grade);
    const students: Num = studentsCol
      ? reader.num(r, studentsCol, school, asStage(stage))
      : { value: null, ref: reader.ref(r, 0), problem: 'blank' };
    ledger.rows++;
    out.push({ sheet, row: grid.top + r, school, schoolRef, grade, gradeRef, stage, className, students });
  }
}

function needSatisfied(rule: NeedRule, fields: Set<string>): boolean {
  return rule.anyOf.some((alt) => alt.every((f) => fields.has(f)));
}

function needLabel(rule: NeedRule, def: LedgerDef, fields: Set<string>): string {
  // When one alternative is partly present (体育、音乐 but no 美术), name what it still lacks.
  let best: readonly string[] | null = null;
  let bestCount = 0;
  for (const alt of rule.anyOf) {
    const n = alt.filter((f) => fields.has(f)).length;
    if (n > bestCount) {
      best = alt;
      bestCount = n;
    }
  }
  if (!best) return rule.label;
  const labelOf = (f: string): string => def.fields.find((d: FieldDef) => d.field === f)?.label ?? f;
  return best.filter((f) => !fields.has(f)).map(labelOf).join('」「');
}

function purposeOf(rule: NeedRule, std: Standard): string {
  if (rule.purpose) return rule.purpose;
  if (rule.indicator) return `计算 ${std.indicators[rule.indicator].name}（${rule.indicator}）`;
  return '完成检查';
}

/**
 * Reads every sheet grid: recognises school, class, teacher and checklist ledgers and a 县级数据 sheet (nothing named by the user), reads their
 * rows into typed records and raises data findings for every cell it cannot read, every duplicate school
 * and every column an indicator needs that no ledger of that kind has.
 */
export function readLedgers(grids: readonly SheetGrid[], std: Standard, overrides?: ColumnOverrides): LedgerSet {
  const sink = new FindingSink(std);
  const ledgers: DetectedLedger[] = [];
  const schools: SchoolRecord[] = [];
  const classes: ClassRecord[] = [];
  const teachers: TeacherRecord[] = [];
  const checklist: ChecklistAnswer[] = [];
  let county: CountyFigures | null = null;
  const byKind = new Map<LedgerDef, { ledger: DetectedLedger; grid: SheetGrid; match: HeaderMatch }[]>();
  const unrecognised: SheetGrid[] = [];
  const tracked: Tracked[] = [];
  const forms: { ledger: DetectedLedger; grid: SheetGrid; cell: string; fields: Set<string> }[] = [];
  for (const input of grids) {
    // The tool's own sheets (the summary, the national tables, 学校自评表) are never ledgers, whoever edited them.
    if (isToolSheetName(input.name)) continue;
    let grid = cleanLayout(input).grid;
    const form = detectForm(grid, std);
    if (form) {
      const reader = new SheetReader(grid, sink);
      const read = readForm(reader, form, tracked);
      if (!read) continue;
      const dup = schools.find((s) => normalizeText(s.name) === normalizeText(read.record.name));
      if (dup) {
        sink.data({
          indicator: null, sheet: grid.name, cell: cellAddress(read.record.nameRef.row, read.record.nameRef.col), school: read.record.name, stage: null,
          actual: read.record.name,
          message: `学校“${read.record.name}”已在工作表“${dup.sheet}”中填报，本表未重复计入，请核实`,
        });
        continue;
      }
      schools.push(read.record);
      ledgers.push(read.ledger);
      const fields = new Set<string>(Object.keys(read.ledger.columns).map((k) => k.split('.')[0]));
      forms.push({ ledger: read.ledger, grid, cell: reader.addr(form.headerRow, 0), fields });
      continue;
    }
    const detected = detectHeader(grid, LEDGER_DEFS);
    if (!detected) {
      unrecognised.push(grid);
      continue;
    }
    let match = applyOverrides(grid, detected, overrides);
    if (match.def === SCHOOL_LEDGER) ({ grid, match } = withSheetUnits(grid, match));
    const ledger = describe(grid, match);
    const reader = new SheetReader(grid, sink);
    if (match.def === SCHOOL_LEDGER) readSchoolRows(reader, match, ledger, schools, tracked);
    else if (match.def === CLASS_LEDGER) readClassRows(reader, match, ledger, classes);
    else if (match.def === TEACHER_LEDGER) readTeacherRows(reader, match, ledger, teachers);
    else if (match.def === CHECKLIST_LEDGER) readChecklistRows(reader, match, ledger, checklist);
    else continue;
    ledgers.push(ledger);
    const list = byKind.get(match.def) ?? [];
    list.push({ ledger, grid, match });
    byKind.set(match.def, list);
  }
  checkMagnitudes(tracked, std, sink);
  // A 县级数据 sheet: item names in a column, values beside them (the first such sheet).
  for (const grid of unrecognised) {
    const found = readCountyFigures(new SheetReader(grid, sink));
    if (!found) continue;
    county = found.figures;
    ledgers.push(found.ledger);
    break;
  }
  const kinds = new Set<string>([...byKind.keys()].map((d) => d.kind));

  // Missing columns: listed per ledger; a finding only when no ledger of that kind has the column. The
  // one-school forms are school ledgers too (an item they lack is a column the school ledger lacks).
  const entries = new Map<LedgerDef, { ledger: DetectedLedger; fields: Set<string>; sheet: string; cell: string; form: boolean }[]>();
  for (const [def, list] of byKind) {
    entries.set(def, list.map(({ ledger, grid, match }) => ({
      ledger, fields: new Set(match.columns.map((m) => m.field.field)), sheet: grid.name,
      cell: cellAddress(grid.top + match.rows[0], grid.left), form: false,
    })));
  }
  if (forms.length > 0) {
    const list = entries.get(SCHOOL_LEDGER) ?? [];
    for (const f of forms) list.push({ ledger: f.ledger, fields: f.fields, sheet: f.grid.name, cell: f.cell, form: true });
    entries.set(SCHOOL_LEDGER, list);
    kinds.add('school');
  }
  for (const [def, list] of entries) {
    const all = new Set<string>();
    const applies = (rule: NeedRule, fields: Set<string>): boolean =>
      !rule.onlyWith || rule.onlyWith.some((f) => fields.has(f));
    for (const e of list) {
      for (const f of e.fields) all.add(f);
      for (const rule of def.needs) if (applies(rule, e.fields) && !needSatisfied(rule, e.fields)) e.ledger.missing.push(needLabel(rule, def, e.fields));
    }
    const first = list[0];
    for (const rule of def.needs) {
      if (!applies(rule, all) || needSatisfied(rule, all)) continue;
      if (rule.derivableFrom && kinds.has(rule.derivableFrom)) continue;
      const label = needLabel(rule, def, all);
      sink.data({
        indicator: rule.indicator,
        sheet: first.sheet,
        cell: first.cell,
        school: null,
        stage: null,
        actual: null,
        message: first.form && list.every((e) => e.form)
          ? `学校填报表（每校一表）缺少「${label}」一项，无法${purposeOf(rule, std)}`
          : `${def.label}缺少「${label}」列，无法${purposeOf(rule, std)}`,
      });
    }
  }
  return { ledgers, schools, classes, teachers, county, checklist, findings: sink.findings };
}
