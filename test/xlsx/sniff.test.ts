import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { saveWorkbook, sniffWorkbook, unsupportedParts } from '../../src/xlsx/host';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
function ole(...streams: string[]): Buffer {
  return Buffer.concat([OLE, Buffer.alloc(504), ...streams.map((s) => Buffer.from(s, 'utf16le')), Buffer.alloc(512)]);
}

describe('sniffWorkbook', () => {
  it('tells an .xlsx, an encrypted .xlsx, an .xls and anything else apart', async () => {
    const xlsx = await saveWorkbook(Object.assign(new ExcelJS.Workbook(), {}).addWorksheet('a').workbook);
    expect(sniffWorkbook(xlsx)).toBe('xlsx');
    expect(sniffWorkbook(ole('EncryptionInfo', 'EncryptedPackage'))).toBe('encrypted');
    expect(sniffWorkbook(ole('Workbook', 'SummaryInformation'))).toBe('xls');
    expect(sniffWorkbook(ole('WordDocument'))).toBe('not-a-workbook');
    expect(sniffWorkbook(Buffer.from('学校名称,在校生数'))).toBe('not-a-workbook');
    expect(sniffWorkbook(Buffer.alloc(0))).toBe('not-a-workbook');
    const docx = new JSZip();
    docx.file('[Content_Types].xml', '<Types/>');
    docx.file('word/document.xml', '<w:document/>');
    expect(sniffWorkbook(await docx.generateAsync({ type: 'nodebuffer' }))).toBe('not-a-workbook');
    const xlsb = new JSZip();
    xlsb.file('xl/workbook.bin', 'x');
    expect(sniffWorkbook(await xlsb.generateAsync({ type: 'nodebuffer' }))).toBe('xls');
  });
});

describe('unsupportedParts', () => {
  it('names the parts ExcelJS will drop, in Chinese', async () => {
    const plain = await saveWorkbook(new ExcelJS.Workbook().addWorksheet('a').workbook);
    expect(unsupportedParts(plain)).toEqual([]);
    const zip = await JSZip.loadAsync(plain);
    zip.file('xl/charts/chart1.xml', '<c:chartSpace/>');
    zip.file('xl/charts/style1.xml', '<x/>');
    zip.file('xl/pivotTables/pivotTable1.xml', '<x/>');
    zip.file('xl/pivotCache/pivotCacheDefinition1.xml', '<x/>');
    zip.file('xl/threadedComments/threadedComment1.xml', '<x/>');
    zip.file('xl/slicers/slicer1.xml', '<x/>');
    const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(unsupportedParts(buf)).toEqual(['图表', '数据透视表', '批注(新版)', '切片器']);
    expect(unsupportedParts(Buffer.from('not a zip'))).toEqual([]);
  });
});
