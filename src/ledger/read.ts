/**
 * Reading the data rows of a recognised ledger into typed records, raising a data finding for every cell
 * that cannot be read. Pure and synchronous.
 */
import type { Standard } from '../standard/schema';
import { cellAddress, columnLetter, type SheetGrid } from './grid';
import { inferSchoolType, parseGrade, parseSchoolType, stageOfGrade } from './coerce';
import { readChecklistRows, readCountyFigures } from './county';
import { detectHeader, type ColumnMatch, type HeaderMatch } from './header';
import { normalizeText } from './normalize';
import { applyOverrides } from './overrides';
import { readTeacherRows } from './people';
import { mergeIndex, mergedValue, type MergeIndex } from './rows';
import {
  FindingSink, SchoolColumn, SheetReader, actualOf, asStage, columnKey, dataRows, hasAnyNumber, isRepeatedHeader, textCell, textOf,
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

/** Reads a school ledger. */
function readSchoolRows(reader: SheetReader, match: HeaderMatch, ledger: DetectedLedger, out: SchoolRecord[]): void {
  const { grid, sink, sheet } = reader;
  const nameCol = match.columns.find((m) => m.field.field === 'name');
  if (!nameCol) return;
  const typeCol = match.columns.find((m) => m.field.field === 'type') ?? null;
  const numeric = match.columns.filter((m) => m.field.value !== 'text');
  const attrCols = SCHOOL_ATTRIBUTES.map((a) => [a, match.columns.find((m) => m.field.field === a) ?? null] as const).filter(
    (x): x is readonly [SchoolAttribute, ColumnMatch] => x[1] !== null,
  );
  const seen = new Map<string, string>();
  for (const { r, row, afterNote } of dataRows(grid, match)) {
    const nameValue = row ? row[nameCol.col] : undefined;
    const name = textOf(nameValue);
    if (afterNote && (!name || !hasAnyNumber(row, numeric))) continue;
    if (name && isRepeatedHeader(name, nameCol)) continue;
    if (!name) {
      if (hasAnyNumber(row, numeric)) {
        sink.data({
          indicator: null, sheet, cell: reader.addr(r, nameCol.col), school: null, stage: null, actual: null,
          message: `第 ${grid.top + r} 行有数据但「学校名称」为空，该行无法归属到学校，未计入`,
        });
      }
      continue;
    }
    const key = normalizeText(name);
    const first = seen.get(key);
    if (first) {
      sink.data({
        indicator: null, sheet, cell: reader.addr(r, nameCol.col), school: name, stage: null, actual: name,
        message: `学校“${name}”在本表中重复出现（首次出现在 ${first}），该行未重复计入，请核实`,
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
    for (const m of numeric) {
      const q = m.field.field as SchoolQuantity;
      const split = quantities[q] ?? (quantities[q] = {});
      split[m.stage ?? 'all'] = reader.num(r, m, name, asStage(m.stage));
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
    if (attrCols.length > 0) {
      const attributes: Partial<Record<SchoolAttribute, TextCell>> = {};
      for (const [a, m] of attrCols) attributes[a] = textCell(reader, r, m) ?? undefined;
      record.attributes = attributes;
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
  for (const grid of grids) {
    const detected = detectHeader(grid, LEDGER_DEFS);
    if (!detected) {
      unrecognised.push(grid);
      continue;
    }
    const match = applyOverrides(grid, detected, overrides);
    const ledger = describe(grid, match);
    const reader = new SheetReader(grid, sink);
    if (match.def === SCHOOL_LEDGER) readSchoolRows(reader, match, ledger, schools);
    else if (match.def === CLASS_LEDGER) readClassRows(reader, match, ledger, classes);
    else if (match.def === TEACHER_LEDGER) readTeacherRows(reader, match, ledger, teachers);
    else if (match.def === CHECKLIST_LEDGER) readChecklistRows(reader, match, ledger, checklist);
    else continue;
    ledgers.push(ledger);
    const list = byKind.get(match.def) ?? [];
    list.push({ ledger, grid, match });
    byKind.set(match.def, list);
  }
  // A 县级数据 sheet: item names in a column, values beside them (the first such sheet).
  for (const grid of unrecognised) {
    const found = readCountyFigures(new SheetReader(grid, sink));
    if (!found) continue;
    county = found.figures;
    ledgers.push(found.ledger);
    break;
  }
  const kinds = new Set([...byKind.keys()].map((d) => d.kind));

  // Missing columns: listed per ledger; a finding only when no ledger of that kind has the column.
  for (const [def, list] of byKind) {
    const all = new Set<string>();
    const applies = (rule: NeedRule, fields: Set<string>): boolean =>
      !rule.onlyWith || rule.onlyWith.some((f) => fields.has(f));
    for (const { match } of list) {
      const own = new Set(match.columns.map((m) => m.field.field));
      for (const f of own) all.add(f);
      const ledger = list.find((x) => x.match === match)!.ledger;
      for (const rule of def.needs) if (applies(rule, own) && !needSatisfied(rule, own)) ledger.missing.push(needLabel(rule, def, own));
    }
    const first = list[0];
    for (const rule of def.needs) {
      if (!applies(rule, all) || needSatisfied(rule, all)) continue;
      if (rule.derivableFrom && kinds.has(rule.derivableFrom)) continue;
      const label = needLabel(rule, def, all);
      sink.data({
        indicator: rule.indicator,
        sheet: first.grid.name,
        cell: cellAddress(first.grid.top + first.match.rows[0], first.grid.left),
        school: null,
        stage: null,
        actual: null,
        message: `${def.label}缺少「${label}」列，无法${purposeOf(rule, std)}`,
      });
    }
  }
  return { ledgers, schools, classes, teachers, county, checklist, findings: sink.findings };
}
