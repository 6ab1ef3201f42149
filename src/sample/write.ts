/**
 * Writes a sample county workbook the messy way real 台账 are kept — merged title, unit line, two-row merged
 * header, a 合计 row of SUM formulas, a 填表说明 block, a class ledger with the school name merged down, an
 * unrelated 说明 sheet. The one writer of the demo, the benchmark and the tests: a plan says what is in the
 * ledgers (a `SampleCounty`), this says how it looks (`layout.ts` says where).
 */
import ExcelJS from 'exceljs';
import { columnLetter } from '../ledger/grid';
import {
  FIRST_ROWS,
  SAMPLE_SHEETS,
  SCHOOL_COLUMNS as C,
  SCHOOL_GROUP_HEADERS,
  SCHOOL_SINGLE_HEADERS,
  cellAddr,
  sampleTitles,
  schoolNumFmt,
} from './layout';

export type SampleValue = string | number | Date | null;

export interface SampleClass {
  grade: string;
  name: string;
  students: number;
}

export interface SampleSchool {
  name: string;
  /** The school ledger row as written, by column (index = SCHOOL_COLUMNS value − 1). */
  row: SampleValue[];
  classes: SampleClass[];
}

/** A teacher-ledger column: its header, width, and how its cells look. */
export interface SampleColumn {
  header: string;
  width: number;
  align?: 'left';
  numFmt?: string;
}

export interface SampleCounty {
  /** 示例县, 示例市（10倍）…: in every title and as the workbook's author (…教育局). */
  county: string;
  /** The school ledger's last column: SCHOOL_COLUMNS.remark, or .charter with the finance columns. */
  lastSchoolColumn: number;
  schools: SampleSchool[];
  teachers: { columns: SampleColumn[]; rows: SampleValue[][]; note?: string };
  /** The 县级数据 sheet's rows (指标, 数值, 说明); no sheet when absent. */
  countyRows?: [string, string | number, string][];
  /** The 说明 sheet, one line per row ('' = an empty row). */
  notes: string[];
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const BODY_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10 };
const BOLD_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10, bold: true };

const FILL_IN_NOTES = [
  '填表说明：',
  '1. 在校生数、班级数、高于规定学历教师数按学段分列；九年一贯制、十二年一贯制学校分学段填写，完全中学高中部单列。',
  '2. 教学及辅助用房面积、体育运动场馆面积、仪器设备值、网络多媒体教室为全校数，不分学段。',
  '3. 教学仪器设备总值以万元为单位，保留两位小数；教学点、特殊教育学校一并填报。',
  '填表人：王晓燕　　审核人：李建国　　联系电话：0356-6201234　　填表日期：2022年9月1日',
];

/**
 * The school ledger's two-row header on rows 3–4, the way county offices draw it: single columns merged
 * down over both rows, and parent headers (在校生数 …) merged across their 学段 / 间数·面积 children.
 */
function writeTwoRowHeader(ws: ExcelJS.Worksheet, single: [number, string][], groups: [number, string, string[]][]): void {
  for (const [col, text] of single) {
    ws.getCell(3, col).value = text;
    ws.mergeCells(3, col, 4, col);
  }
  for (const [col, parent, children] of groups) {
    ws.getCell(3, col).value = parent;
    ws.mergeCells(3, col, 3, col + children.length - 1);
    children.forEach((c, i) => {
      ws.getCell(4, col + i).value = c;
    });
  }
}

/** One style object per (alignment, format), so a large county does not build one per cell. */
function bodyStyles(): (col: number, numeric: boolean) => Partial<ExcelJS.Style> {
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  return (col, numeric) => {
    const fmt = numeric ? schoolNumFmt(col) : undefined;
    const left = col === C.name || col === C.remark;
    const key = `${left}|${fmt}`;
    let s = styles.get(key);
    if (!s) {
      s = { font: BODY_FONT, border: THIN, alignment: { vertical: 'middle', horizontal: left ? 'left' : 'center' }, ...(fmt ? { numFmt: fmt } : {}) };
      styles.set(key, s);
    }
    return s;
  };
}

function schoolSheet(wb: ExcelJS.Workbook, county: SampleCounty): void {
  const lastCol = county.lastSchoolColumn;
  const ws = wb.addWorksheet(SAMPLE_SHEETS.school, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 4 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const last = columnLetter(lastCol);

  ws.getCell('A1').value = sampleTitles(county.county).school;
  ws.mergeCells(`A1:${last}1`);
  ws.getCell('A1').style = { font: { name: '宋体', size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } };
  ws.getRow(1).height = 30;

  ws.getCell('A2').value = `填报单位（盖章）：${county.county}教育局`;
  ws.mergeCells('A2:K2');
  ws.getCell('L2').value = '单位：人、个、㎡、万元';
  ws.mergeCells(`L2:${last}2`);
  ws.getCell('L2').style = { alignment: { horizontal: 'right' } };

  writeTwoRowHeader(
    ws,
    SCHOOL_SINGLE_HEADERS.filter(([col]) => col <= lastCol),
    SCHOOL_GROUP_HEADERS,
  );
  const head: Partial<ExcelJS.Style> = { font: BOLD_FONT, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, fill: HEADER_FILL, border: THIN };
  for (const r of [3, 4]) {
    ws.getRow(r).height = 36;
    for (let c = 1; c <= lastCol; c++) ws.getCell(r, c).style = head;
  }

  const styleOf = bodyStyles();
  const sums = new Array<number>(lastCol + 1).fill(0);
  let r = FIRST_ROWS.school;
  for (const s of county.schools) {
    const row = ws.getRow(r);
    for (let c = 1; c <= lastCol; c++) {
      const v = s.row[c - 1] ?? null;
      const cell = row.getCell(c);
      cell.value = v;
      cell.style = styleOf(c, typeof v === 'number');
      if (typeof v === 'number') sums[c] += v;
    }
    r++;
  }
  const lastData = r - 1;

  // 合计 row: SUM formulas with cached results (text cells are ignored, as Excel does).
  ws.getCell(r, C.seq).value = '合计';
  ws.mergeCells(r, C.seq, r, C.type);
  for (let c = C.stuP; c <= C.artArea; c++) {
    ws.getCell(r, c).value = { formula: `SUM(${cellAddr(FIRST_ROWS.school, c)}:${cellAddr(lastData, c)})`, result: Math.round(sums[c] * 100) / 100 };
  }
  for (let c = 1; c <= lastCol; c++) {
    const fmt = schoolNumFmt(c);
    ws.getCell(r, c).style = { font: BOLD_FONT, border: THIN, fill: TOTAL_FILL, alignment: { horizontal: 'center', vertical: 'middle' }, ...(fmt ? { numFmt: fmt } : {}) };
  }

  r += 2;
  for (const line of FILL_IN_NOTES) {
    ws.getCell(r, 1).value = line;
    ws.mergeCells(r, 1, r, lastCol);
    ws.getCell(r, 1).style = { font: { ...BODY_FONT, italic: line.startsWith('填表人') }, alignment: { horizontal: 'left' } };
    r++;
  }

  const widths: Record<number, number> = { [C.seq]: 6, [C.name]: 26, [C.type]: 13, [C.remark]: 22, [C.nearby]: 12 };
  for (let c = 1; c <= lastCol; c++) ws.getColumn(c).width = widths[c] ?? 10;
}

/** A sheet's title in A1, merged across `cols` columns. */
function titleRow(ws: ExcelJS.Worksheet, title: string, cols: number): void {
  ws.getCell('A1').value = title;
  ws.mergeCells(1, 1, 1, cols);
  ws.getCell('A1').style = { font: { name: '宋体', size: 14, bold: true }, alignment: { horizontal: 'center' } };
}

/** The header row (row 2) of a one-row-header sheet. */
function headerRow(ws: ExcelJS.Worksheet, headers: string[], wrap: boolean): void {
  const style: Partial<ExcelJS.Style> = { font: BOLD_FONT, fill: HEADER_FILL, border: THIN, alignment: { horizontal: 'center', ...(wrap ? { wrapText: true } : {}) } };
  headers.forEach((h, i) => {
    const cell = ws.getCell(2, i + 1);
    cell.value = h;
    cell.style = style;
  });
}

function classSheet(wb: ExcelJS.Workbook, county: SampleCounty): void {
  const ws = wb.addWorksheet(SAMPLE_SHEETS.class, { views: [{ state: 'frozen', ySplit: 2 }] });
  titleRow(ws, sampleTitles(county.county).class, 5);
  headerRow(ws, ['序号', '学校名称', '年级', '班级', '班级人数'], false);
  const body: Partial<ExcelJS.Style>[] = [0, 1, 2, 3, 4].map((i) => ({
    font: BODY_FONT,
    border: THIN,
    alignment: { horizontal: i === 1 ? 'left' : 'center', vertical: 'middle' },
    ...(i === 4 ? { numFmt: '0' } : {}),
  }));
  let r = FIRST_ROWS.class;
  county.schools.forEach((s, si) => {
    // Every third school's name is merged down its classes, as many county sheets do.
    const merged = si % 3 === 0 && s.classes.length > 1;
    const first = r;
    for (const c of s.classes) {
      const row = ws.getRow(r);
      const vals: SampleValue[] = [r - FIRST_ROWS.class + 1, merged && r !== first ? null : s.name, c.grade, c.name, c.students];
      vals.forEach((v, i) => {
        const cell = row.getCell(i + 1);
        cell.value = v;
        cell.style = body[i];
      });
      r++;
    }
    if (merged) ws.mergeCells(first, 2, r - 1, 2);
  });
  [6, 26, 10, 8, 10].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
}

function teacherSheet(wb: ExcelJS.Workbook, county: SampleCounty): void {
  const { columns, rows, note } = county.teachers;
  const ws = wb.addWorksheet(SAMPLE_SHEETS.teacher, { views: [{ state: 'frozen', ySplit: 2 }] });
  titleRow(ws, sampleTitles(county.county).teacher, columns.length);
  headerRow(ws, columns.map((c) => c.header), true);
  const body: Partial<ExcelJS.Style>[] = columns.map((c) => ({
    font: BODY_FONT,
    border: THIN,
    alignment: { horizontal: c.align ?? 'center' },
    ...(c.numFmt ? { numFmt: c.numFmt } : {}),
  }));
  let r = FIRST_ROWS.teacher;
  for (const values of rows) {
    const row = ws.getRow(r++);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.style = body[i];
    });
  }
  if (note) {
    r++;
    ws.getCell(r, 1).value = note;
    ws.mergeCells(r, 1, r, columns.length);
  }
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
}

function countySheet(wb: ExcelJS.Workbook, county: SampleCounty, rows: [string, string | number, string][]): void {
  const ws = wb.addWorksheet(SAMPLE_SHEETS.county);
  titleRow(ws, sampleTitles(county.county).county, 3);
  headerRow(ws, ['指标', '数值', '说明'], false);
  const style: Partial<ExcelJS.Style> = { font: BODY_FONT, border: THIN };
  rows.forEach(([label, value, note], i) => {
    const r = FIRST_ROWS.county + i;
    ws.getCell(r, 1).value = label;
    ws.getCell(r, 2).value = value;
    ws.getCell(r, 3).value = note || null;
    for (let c = 1; c <= 3; c++) ws.getCell(r, c).style = style;
  });
  ws.getColumn(1).width = 50;
  ws.getColumn(2).width = 12;
  ws.getColumn(3).width = 30;
}

function notesSheet(wb: ExcelJS.Workbook, lines: string[]): void {
  const ws = wb.addWorksheet(SAMPLE_SHEETS.notes);
  lines.forEach((l, i) => {
    ws.getCell(i + 1, 1).value = l === '' ? null : l;
  });
  ws.getCell('A1').style = { font: { bold: true, size: 12 } };
  ws.getColumn(1).width = 80;
}

/** The workbook of a sample county, built fresh (the same content on every call with the same county). */
export function writeSampleWorkbook(county: SampleCounty): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = `${county.county}教育局`;
  wb.lastModifiedBy = wb.creator;
  wb.created = new Date(Date.UTC(2022, 8, 1, 8, 0, 0));
  wb.modified = wb.created;
  schoolSheet(wb, county);
  classSheet(wb, county);
  teacherSheet(wb, county);
  if (county.countyRows) countySheet(wb, county, county.countyRows);
  notesSheet(wb, county.notes);
  return wb;
}
