/**
 * The surgical .xlsx host keeps the user's file: every zip entry it does not need to change is copied byte
 * for byte (its raw zip record), the entries it changes differ only where it patched them, and 「清除标记」
 * puts every entry's bytes back. Files from openpyxl, LibreOffice and by hand; rare CJK on 16 384
 * boundaries; a user sheet named _JUNHENG; a sheet too large to check.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { clearRun, runCheck } from '../../src/host/run';
import { MEMORY_SHEET, decodeMemory } from '../../src/host/memory';
import type { Mark } from '../../src/report/model';
import { nationalStandard } from '../../src/standard';
import { openXlsx, XlsxError } from '../../src/xlsx/surgical';
import { A2_COMMENT, C2_COMMENT, LONG_RARE, NOTE_ALWAYS_SHAPE, RARE, changedEntries, entries, handMade, handMadeParts, marksEngine, same, text } from './surgical-fixtures';

const std = nationalStandard();
const meta = { workbook: 't.xlsx', date: new Date('2026-11-29T00:00:00Z') };
const FIX = path.join(__dirname, 'fixtures');

const MARKS: Mark[] = [
  { sheet: '学校台账', cell: 'C2', style: 'fail', note: '【均衡自查】生均面积 3.5 低于 5' }, // has a note shown always
  { sheet: '学校台账', cell: 'A2', style: 'data', note: '【均衡自查】SheetJS 批注的单元格' }, // SheetJS-style note
  { sheet: '学校台账', cell: 'B3', style: 'data', note: '【均衡自查】超链接的数字' }, // hyperlinked number
  { sheet: '学校台账', cell: 'C4', style: 'fail', note: '【均衡自查】没有 r 的单元格' }, // a cell without r, in a row without r
  { sheet: '学校台账', cell: 'D2', style: 'data', note: '【均衡自查】空单元格' }, // absent cell in an existing row
  { sheet: '学校台账', cell: 'D6', style: 'data', note: '【均衡自查】空单元格' }, // absent, before a cell that is marked too
  { sheet: '学校台账', cell: 'E6', style: 'data', note: '【均衡自查】空单元格右侧' },
  { sheet: '学校台账', cell: 'F9', style: 'data', note: '【均衡自查】不存在的行' }, // absent row
  { sheet: '学校台账', cell: 'B6', style: 'fail', note: '【均衡自查】公式' },
];

async function check(bytes: Uint8Array, marks = MARKS) {
  const h = openXlsx(bytes);
  const out = await runCheck(h, std, meta, { engine: marksEngine(marks) });
  return { out, bytes: h.save() };
}

async function clear(bytes: Uint8Array) {
  const h = openXlsx(bytes);
  const res = await clearRun(h);
  return { res, bytes: h.save() };
}

/** A part's text with this run's style indexes and inserted bare cells taken out. */
function withoutStyles(xml: string): string {
  return xml.replace(/<c r="[A-Z]+\d+" s="\d+"\/>/g, '').replace(/<row r="\d+"><\/row>/g, '').replace(/ s="\d+"/g, '');
}

describe('a hand-made workbook with every feature ExcelJS dropped', () => {
  const input = handMade();
  const parts = handMadeParts();

  it('reads values as the engine expects: rows and cells without r, inline and rich strings, a hyperlinked number stays a number, rare CJK whole', async () => {
    const h = openXlsx(input);
    expect(await h.listSheets()).toEqual([
      { name: '学校台账', state: 'visible' },
      { name: '选项', state: 'visible' },
      { name: '_JUNHENG', state: 'visible' },
    ]);
    const [g, o] = await h.readGrids(['学校台账', '选项']);
    expect(g.top).toBe(1);
    expect(g.left).toBe(1);
    expect(g.values).toEqual([
      ['学校名称', '在校生数', '生均面积', '备注'],
      ['第1小学', 120, 3.5],
      [`${RARE}第3小学`, 51, 8],
      ['第4小学', 77, 4.2],
      [`${RARE}第5小学`, 60, 9, LONG_RARE],
      ['第6小学', 121, { error: '#DIV/0!' }],
    ]);
    expect(g.formats![1][2]).toBe('0.00" ㎡"');
    expect(o.values[4][0]).toBe(LONG_RARE);
    expect(o.values[4][0]).not.toContain('\uFFFD');
    expect(await h.readMemory()).toBeNull();
  });

  it('check: every entry it does not need to change is byte-identical; the changed ones differ only where patched', async () => {
    const { out, bytes } = await check(input);
    expect(out.marked).toBe(MARKS.length);
    const d = changedEntries(input, bytes);
    expect(d.removed).toEqual([]);
    expect(d.changed.sort()).toEqual(
      ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort(),
    );
    // Untouched: the other sheets (rare CJK across 16 384 boundaries), shared strings, the text box, the
    // threaded comment and its person, the sheet rels (hyperlink, drawing): all byte for byte.
    for (const n of ['xl/sharedStrings.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml', 'xl/drawings/drawing1.xml', 'xl/threadedComments/threadedComment1.xml', 'xl/persons/person.xml', 'xl/worksheets/_rels/sheet1.xml.rels']) {
      expect(same(entries(bytes).get(n)!.data, entries(input).get(n)!.data)).toBe(true);
    }
    // The marked sheet: nothing but style indexes changed (autofilter criteria, hyperlink, x14 drop-down,
    // drawing and legacy drawing all as they were).
    expect(withoutStyles(text(bytes, 'xl/worksheets/sheet1.xml'))).toBe(withoutStyles(parts['xl/worksheets/sheet1.xml']));
    expect(text(bytes, 'xl/worksheets/sheet1.xml')).toMatch(/<row r="9"><c r="F9" s="\d+"\/><\/row><\/sheetData>/);
    expect(text(bytes, 'xl/worksheets/sheet1.xml')).toMatch(/<c r="B6" s="\d+"><f>B2\+1<\/f><v>121<\/v><\/c><c r="C6" t="e"><v>#DIV\/0!<\/v><\/c><c r="D6" s="\d+"\/><c r="E6" s="\d+"\/><\/row>/);
    // The workbook: only <sheet> entries added (protection, every defined name and its scope as they were).
    const wb = text(bytes, 'xl/workbook.xml');
    expect(wb.replace(/<sheet name="(问题清单|资源配置达标情况|_junheng_2)"[^>]*\/>/g, '')).toBe(parts['xl/workbook.xml']);
    expect(wb).toContain('<sheet name="_junheng_2" sheetId="6" state="veryHidden" r:id="rId9"/>');
    // styles.xml: the original entries kept, new ones appended.
    const st = text(bytes, 'xl/styles.xml');
    const orig = parts['xl/styles.xml'];
    for (const x of orig.match(/<xf [^>]*\/>|<fill>.*?<\/fill>|<font>.*?<\/font>/g)!) expect(st).toContain(x);
    // Notes: the unmarked cells' notes verbatim; the always-shown note's box (size, visibility) kept.
    const cm = text(bytes, 'xl/comments1.xml');
    expect(cm).toContain('<comment ref="A3" authorId="2" shapeId="0" xr:uid="{11111111-2222-3333-4444-555555555555}">');
    expect(cm).toContain('<comment ref="C2" authorId="0"><text><r><t xml:space="preserve">【均衡自查】生均面积 3.5 低于 5\n—— 原批注 ——\n张三:\n原有批注：数据来自2025年报</t></r></text></comment>');
    expect(cm).toContain('<comment ref="A2" authorId="1"><text><r><t xml:space="preserve">【均衡自查】SheetJS 批注的单元格\n—— 原批注 ——\nSheetJS 纯文本批注</t></r></text></comment>');
    const vml = text(bytes, 'xl/drawings/vmlDrawing1.vml');
    expect(vml).toContain(NOTE_ALWAYS_SHAPE);
    expect((vml.match(/ObjectType="Note"/g) ?? []).length).toBe(3 + 7);
  });

  it('the memory records the original notes exactly; a second run equals the first; clear puts every entry back', async () => {
    const once = await check(input);
    const h = openXlsx(once.bytes);
    const d = decodeMemory((await h.readMemory())!);
    expect(d.status).toBe('ok');
    const twice = await check(once.bytes);
    const d2 = changedEntries(once.bytes, twice.bytes);
    // The same parts, the same text (zip records differ only by the entries' date).
    for (const n of d2.changed) expect(text(twice.bytes, n)).toBe(text(once.bytes, n));
    const { res, bytes } = await clear(twice.bytes);
    expect(res.cleared).toBe(true);
    expect(res.restored).toBe(MARKS.length);
    expect(res.kept).toBe(0);
    // Every part holds its original bytes again (styles.xml too: the entries the runs appended are unused
    // now and trimmed); the parts neither run changed are still the original zip records.
    expect(changedEntries(input, bytes, 'data')).toEqual({ changed: [], removed: [], added: [] });
    const touched = changedEntries(input, once.bytes).changed;
    expect(changedEntries(input, bytes).changed.sort()).toEqual(touched.sort());
    // The user's _JUNHENG sheet is still there, untouched.
    expect(await openXlsx(bytes).listSheets()).toEqual(await openXlsx(input).listSheets());
    expect(text(bytes, 'xl/comments1.xml')).toContain(C2_COMMENT);
    expect(text(bytes, 'xl/comments1.xml')).toContain(A2_COMMENT);
  });

  it('a note the user edited after the run is kept by clear, the fill restored', async () => {
    const once = await check(input, [MARKS[0]]);
    const e = entries(once.bytes);
    const { strToU8, zipSync } = await import('fflate');
    const files: Record<string, Uint8Array> = {};
    for (const [n, x] of e) files[n] = n === 'xl/comments1.xml' ? strToU8(new TextDecoder().decode(x.data).replace('【均衡自查】生均面积 3.5 低于 5', '用户改过的批注')) : x.data;
    const edited = zipSync(files);
    const { res, bytes } = await clear(edited);
    expect(res.restored).toBe(1);
    expect(res.kept).toBe(1);
    expect(text(bytes, 'xl/comments1.xml')).toContain('用户改过的批注');
    expect(text(bytes, 'xl/worksheets/sheet1.xml')).toBe(handMadeParts()['xl/worksheets/sheet1.xml']);
  });
});

describe.each([
  ['openpyxl (table, notes in xl/comments/comment1.xml, image, chart, absolute rels)', 'openpyxl.xlsx'],
  ['LibreOffice (a table without tableStyleInfo)', 'libreoffice.xlsx'],
])('a file written by %s', (_label, file) => {
  const marks: Mark[] = [
    { sheet: '学校台账', cell: 'C2', style: 'fail', note: '【均衡自查】生均面积 3.5 低于 5' },
    { sheet: '学校台账', cell: 'C4', style: 'fail', note: '【均衡自查】生均面积 4.1 低于 5' },
  ];

  it('is read, checked and cleared; tables, charts, images, drawings and the other notes stay byte for byte', async () => {
    const input = new Uint8Array(await fs.readFile(path.join(FIX, file)));
    const h = openXlsx(input);
    const [g] = await h.readGrids(['学校台账']);
    expect(g.values.slice(0, 5)).toEqual([
      ['学校名称', '在校生数', '生均面积', '备注'],
      ['第1小学', 120, 3.5],
      ['第2小学', 98, 8.25, '暂无'],
      ['𠀀第3小学', 51, 4.1],
      ['第4小学', 77, 9],
    ]);
    const { bytes } = await check(input, marks);
    const d = changedEntries(input, bytes);
    expect(d.removed).toEqual([]);
    for (const n of d.changed) expect(n).toMatch(/^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/worksheets\/sheet1\.xml|xl\/comments.*|xl\/drawings\/.*\.vml|docProps\/app\.xml)$/);
    for (const n of [...entries(input).keys()].filter((x) => /tables|charts|media|drawings\/drawing|drawings\/_rels|sheet2/.test(x))) expect(d.changed).not.toContain(n);
    const c = await clear(bytes);
    expect(c.res.restored).toBe(2);
    expect(changedEntries(input, c.bytes, 'data')).toEqual({ changed: [], removed: [], added: [] });
  });
});

describe('rare CJK on a 16 384 boundary', () => {
  it('is read whole and written back unchanged, at every offset around the boundary', async () => {
    for (let pad = 0; pad < 8; pad++) {
      const parts = handMadeParts();
      const filler = 'a'.repeat(16384 - 200 + pad);
      parts['xl/sharedStrings.xml'] = parts['xl/sharedStrings.xml'].replace('<si><t>学校名称</t></si>', `<si><t>学校名称</t></si><si><t>${filler}${RARE.repeat(100)}</t></si>`).replace(/count="6" uniqueCount="6"/, 'count="7" uniqueCount="7"');
      // The extra string shifts indexes from 1: point the cells at the strings they had.
      parts['xl/worksheets/sheet1.xml'] = parts['xl/worksheets/sheet1.xml'].replace(/t="s"><v>(\d+)<\/v>/g, (_a, n: string) => `t="s"><v>${Number(n) === 0 ? 0 : Number(n) + 1}</v>`);
      const { strToU8, zipSync } = await import('fflate');
      const input = zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
      const h = openXlsx(input);
      const [g] = await h.readGrids(['学校台账']);
      expect(g.values[4][3]).toBe(LONG_RARE);
      expect(g.values[4][0]).toBe(`${RARE}第5小学`);
      const { bytes } = await check(input);
      expect(same(entries(bytes).get('xl/sharedStrings.xml')!.raw, entries(input).get('xl/sharedStrings.xml')!.raw)).toBe(true);
      expect(JSON.stringify(await openXlsx(bytes).readGrids(['学校台账']))).not.toContain('\uFFFD');
    }
  });
});

describe('limits', () => {
  it('a sheet too large to check gives one Chinese sentence', async () => {
    const h = openXlsx(handMade(), { maxGridCells: 10 });
    await expect(h.readGrids(['学校台账'])).rejects.toThrow(XlsxError);
    await expect(h.readGrids(['学校台账'])).rejects.toThrow(/^工作表「学校台账」有超过 10 个有内容的单元格，超出本工具一次能检查的范围；.*。$/);
  });

  it('a large sheet that is not a ledger is screened by its first rows and never read whole', async () => {
    const parts = handMadeParts();
    const rows: string[] = [];
    for (let r = 1; r <= 3000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>数据${r}</t></is></c></row>`);
    parts['xl/worksheets/sheet3.xml'] = parts['xl/worksheets/sheet3.xml'].replace(/<sheetData>.*<\/sheetData>/, `<sheetData>${rows.join('')}</sheetData>`);
    const { strToU8, zipSync } = await import('fflate');
    const input = zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
    const h = openXlsx(input, { screenBytes: 1000, maxGridCells: 100 });
    const [ledger, big] = await h.readGrids(['学校台账', '_JUNHENG']);
    expect(ledger.values.length).toBe(6);
    expect(big.values.length).toBe(20);
    expect(big.values[19]).toEqual([20, '数据20']);
  });

  it('a file that is not a zip gives one Chinese sentence', () => {
    expect(() => openXlsx(new TextEncoder().encode('not a zip'))).toThrow(/^无法打开这个工作簿：文件可能已损坏，或由不兼容的软件生成，请在 Excel 或 WPS 中打开后另存为 \.xlsx 再试。$/);
  });

  it('a user sheet named _JUNHENG: the memory goes to _junheng_2, is found again, and clear removes only it', async () => {
    const { bytes } = await check(handMade());
    const sheets = await openXlsx(bytes).listSheets();
    expect(sheets.filter((s) => s.name.toLowerCase().startsWith(MEMORY_SHEET))).toEqual([
      { name: '_JUNHENG', state: 'visible' },
      { name: '_junheng_2', state: 'veryHidden' },
    ]);
    const again = await check(bytes);
    expect((await openXlsx(again.bytes).listSheets()).length).toBe(sheets.length);
  });
});
