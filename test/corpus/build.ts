/**
 * Builders shared by the corpus and the property tests: plain school and class ledgers written with
 * ExcelJS, raw zip surgery with JSZip, and minimal OLE compound files (encrypted .xlsx, binary .xls).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export const SCHOOL_HEADERS = [
  '学校名称', '学校类型', '在校生数', '班级数', '高于规定学历教师数', '县级及以上骨干教师数', '体育艺术专任教师数',
  '教学及辅助用房面积', '体育运动场馆面积', '教学仪器设备值', '网络多媒体教室数', '音乐教室间数', '音乐教室面积',
  '美术教室间数', '美术教室面积',
] as const;

export const CLASS_HEADERS = ['学校名称', '年级', '班级', '班级人数'] as const;

export type Row = ExcelJS.CellValue[];

/** A school that meets the national 2017 standard comfortably (小学 or 初中, 12 classes). */
export function goodSchool(name: string, type: '小学' | '初中' = '小学', students = 600): Row {
  const k = students / 100;
  return [name, type, students, 12, Math.ceil(7 * k), Math.ceil(2 * k), Math.ceil(1.5 * k), 8 * students, 12 * students, 3000 * students, Math.ceil(4 * k), 2, 200, 2, 200];
}

/** Class rows of a school: `classes` classes of `size` pupils, 一年级… for 小学, 七年级… for 初中. */
export function classRows(school: string, type: '小学' | '初中' = '小学', classes = 12, size = 40): Row[] {
  const grades = type === '小学' ? ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'] : ['七年级', '八年级', '九年级'];
  const rows: Row[] = [];
  for (let i = 0; i < classes; i++) {
    const g = grades[i % grades.length];
    rows.push([school, g, `${g}（${Math.floor(i / grades.length) + 1}）班`, size]);
  }
  return rows;
}

/** Writes a header at `top` and rows under it; returns the sheet row of the first data row. */
export function writeTable(ws: ExcelJS.Worksheet, headers: readonly string[], rows: Row[], top = 1, left = 1): number {
  headers.forEach((h, i) => {
    ws.getCell(top, left + i).value = h;
  });
  rows.forEach((r, ri) =>
    r.forEach((v, ci) => {
      if (v !== null && v !== undefined) ws.getCell(top + 1 + ri, left + ci).value = v;
    }),
  );
  return top + 1;
}

export interface BaseOptions {
  schools?: Row[];
  classes?: Row[] | null;
  schoolSheet?: string;
  classSheet?: string;
}

/** A two-sheet county workbook: 学校台账 (header in row 1, schools from row 2) and 班级台账. */
export function baseWorkbook(opts: BaseOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const schools = opts.schools ?? [goodSchool('城关第一小学'), goodSchool('城关第二小学', '小学', 540), goodSchool('城关中学', '初中', 720)];
  writeTable(wb.addWorksheet(opts.schoolSheet ?? '学校台账'), SCHOOL_HEADERS, schools);
  if (opts.classes !== null) {
    // Classes that add up to each school's 在校生数 (600 = 15 × 40, 540 = 12 × 45, 720 = 16 × 45): the engine
    // cross-checks a school's students against the sum of its classes.
    const classes = opts.classes ?? [...classRows('城关第一小学', '小学', 15, 40), ...classRows('城关第二小学', '小学', 12, 45), ...classRows('城关中学', '初中', 16, 45)];
    writeTable(wb.addWorksheet(opts.classSheet ?? '班级台账'), CLASS_HEADERS, classes);
  }
  return wb;
}

export async function xlsx(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

/** Opens an .xlsx's zip, lets `fn` change parts, and zips it again. */
export async function patchZip(buf: Buffer, fn: (zip: JSZip) => Promise<void> | void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  await fn(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function readPart(zip: JSZip, name: string): Promise<string> {
  const f = zip.file(name);
  if (!f) throw new Error(`no part ${name}`);
  return f.async('string');
}

// ---------------------------------------------------------------------------------------------
// OLE compound files (MS-CFB, version 3, 512-byte sectors)

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

function dirEntry(name: string, type: 1 | 2 | 5, opts: { left?: number; right?: number; child?: number; start?: number; size?: number } = {}): Buffer {
  const e = Buffer.alloc(128);
  const n = Buffer.from(`${name}\0`, 'utf16le');
  n.copy(e, 0);
  e.writeUInt16LE(n.length, 64);
  e.writeUInt8(type, 66);
  e.writeUInt8(1, 67); // black
  e.writeUInt32LE(opts.left ?? NOSTREAM, 68);
  e.writeUInt32LE(opts.right ?? NOSTREAM, 72);
  e.writeUInt32LE(opts.child ?? NOSTREAM, 76);
  e.writeUInt32LE(opts.start ?? ENDOFCHAIN, 116);
  e.writeUInt32LE(opts.size ?? 0, 120);
  return e;
}

/**
 * A structurally valid compound file: header, one FAT sector, one directory sector holding the root
 * and the named (empty) streams as a right-leaning sibling chain.
 */
export function oleFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift (512)
  header.writeUInt16LE(6, 32); // mini sector shift (64)
  header.writeUInt32LE(1, 44); // number of FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 60); // first mini FAT sector
  header.writeUInt32LE(0, 64); // number of mini FAT sectors
  header.writeUInt32LE(ENDOFCHAIN, 68); // first DIFAT sector
  header.writeUInt32LE(0, 72); // number of DIFAT sectors
  header.writeUInt32LE(0, 76); // DIFAT[0] = FAT in sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREESECT, 76 + i * 4);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(ENDOFCHAIN, 4);
  const dir = Buffer.alloc(512);
  const entries = [dirEntry('Root Entry', 5, { child: streams.length ? 1 : NOSTREAM })];
  streams.forEach((s, i) => entries.push(dirEntry(s, 2, { right: i + 2 <= streams.length ? i + 2 : NOSTREAM })));
  if (entries.length > 4) throw new Error('oleFile: at most 3 streams');
  entries.forEach((e, i) => e.copy(dir, i * 128));
  for (let i = entries.length; i < 4; i++) dirEntry('', 1).fill(0).copy(dir, i * 128);
  return Buffer.concat([header, fat, dir]);
}
