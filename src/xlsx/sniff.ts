/**
 * Looks at a file's bytes before ExcelJS does: what kind of file it is, and which parts of an .xlsx
 * ExcelJS will not keep when it writes the workbook back. Synchronous, reads only the zip's central
 * directory (no decompression), so it costs nothing on a large workbook. No Buffer: the web page uses it too.
 */

export type WorkbookKind = 'xlsx' | 'encrypted' | 'xls' | 'not-a-workbook';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, sig: number[]): boolean {
  if (buf.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (buf[i] !== sig[i]) return false;
  return true;
}

/** A string's UTF-16LE bytes (how OLE names its streams). */
function utf16(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >>> 8;
  }
  return out;
}

/** Whether `needle` occurs in `buf` (no Buffer: this runs in the web page too). */
function contains(buf: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  const last = buf.length - needle.length;
  for (let i = buf.indexOf(first); i >= 0 && i <= last; i = buf.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && buf[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/**
 * - `xlsx`: a zip holding `xl/workbook.xml` (.xlsx, .xlsm, .xltx);
 * - `encrypted`: an OLE compound file holding `EncryptionInfo`/`EncryptedPackage` — a password-protected
 *   .xlsx (Excel stores those as OLE files);
 * - `xls`: a binary Excel workbook: an OLE file with a `Workbook`/`Book` stream (.xls, including a
 *   password-protected .xls), or a zip holding `xl/workbook.bin` (.xlsb) — ask the user to save as .xlsx;
 * - `not-a-workbook`: anything else (a Word file, a CSV, an HTML page renamed .xls …).
 */
export function sniffWorkbook(buf: Uint8Array): WorkbookKind {
  if (startsWith(buf, OLE_SIGNATURE)) {
    if (contains(buf, utf16('EncryptionInfo')) || contains(buf, utf16('EncryptedPackage'))) return 'encrypted';
    if (contains(buf, utf16('Workbook')) || contains(buf, utf16('Book'))) return 'xls';
    return 'not-a-workbook';
  }
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) {
    const names = zipEntryNames(buf);
    const has = (n: string) => (names ? names.some((x) => x.toLowerCase() === n) : contains(buf, ascii(n)));
    if (has('xl/workbook.xml')) return 'xlsx';
    if (has('xl/workbook.bin')) return 'xls';
    return 'not-a-workbook';
  }
  return 'not-a-workbook';
}

/** Names of the entries of a zip, from its central directory; null when the directory cannot be read. */
export function zipEntryNames(buf: Uint8Array): string[] | null {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const u32 = (p: number) => view.getUint32(p, true);
  const u16 = (p: number) => view.getUint16(p, true);
  const u64 = (p: number) => Number(view.getBigUint64(p, true));
  const min = Math.max(0, buf.length - 22 - 65535);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (u32(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const z64 = u64(eocd - 20 + 8);
    if (z64 + 56 <= buf.length && u32(z64) === 0x06064b50) {
      count = u64(z64 + 32);
      offset = u64(z64 + 48);
    }
  }
  const utf8 = new TextDecoder('utf-8');
  const names: string[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || u32(p) !== 0x02014b50) return names.length ? names : null;
    const nameLen = u16(p + 28);
    const extraLen = u16(p + 30);
    const commentLen = u16(p + 32);
    names.push(utf8.decode(buf.subarray(p + 46, p + 46 + nameLen)));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** Part-name patterns of things ExcelJS 4.4 drops (or cannot reproduce) on write, with their Chinese names. */
const UNSUPPORTED: [RegExp, string][] = [
  [/^xl\/charts\/chart[^/]*\.xml$/i, '图表'],
  [/^xl\/chartsheets\//i, '图表工作表'],
  [/^xl\/(pivotTables|pivotCache)\//i, '数据透视表'],
  [/^xl\/threadedComments\//i, '批注(新版)'],
  [/^xl\/(slicers|slicerCaches)\//i, '切片器'],
  [/^xl\/(timelines|timelineCaches)\//i, '日程表'],
  [/^xl\/diagrams\//i, 'SmartArt 图形'],
  [/^xl\/externalLinks\//i, '外部工作簿链接'],
  [/^xl\/(connections\.xml|queryTables\/)/i, '数据连接/查询'],
  [/^xl\/model\//i, '数据模型(Power Pivot)'],
  [/^xl\/vbaProject\.bin$/i, '宏(VBA)'],
  [/^xl\/(ctrlProps|activeX)\//i, '表单控件/ActiveX 控件'],
  [/^xl\/embeddings\//i, '嵌入的对象'],
  [/^xl\/richData\//i, '单元格中的图片/富数据类型'],
  [/^xl\/(macrosheets|dialogsheets)\//i, '宏表/对话框工作表'],
];

/**
 * Chinese names of the parts of this .xlsx that will not survive being written back by ExcelJS (empty
 * when none, or when the file is not a readable zip). The CLI warns before writing.
 */
export function unsupportedParts(buffer: Uint8Array): string[] {
  const names = zipEntryNames(buffer);
  if (!names) return [];
  const found = new Set<string>();
  for (const n of names) {
    for (const [re, label] of UNSUPPORTED) if (re.test(n)) found.add(label);
  }
  return UNSUPPORTED.map(([, l]) => l).filter((l, i, a) => found.has(l) && a.indexOf(l) === i);
}
