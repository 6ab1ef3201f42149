/**
 * The summary sheets and the national tables as both .xlsx hosts write them: header blocks and their merges,
 * the code row, notes, the signature line, and the page setup (A4, orientation, fit to one page wide, the 总表 on
 * one page, print titles, the page footer). The surgical host's XML is checked as written (element order,
 * the sheet-scoped _xlnm.Print_Titles names beside the user's own names, byte for byte, and gone again after
 * 清除标记); both hosts' output is read back with ExcelJS.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { demoWorkbookBytes } from '../../src/cli/workbook';
import { clearRun, runCheck } from '../../src/host/run';
import { columnLetter } from '../../src/ledger/grid';
import { sheetLayout } from '../../src/report/layout';
import type { SheetModel } from '../../src/report/model';
import { NATIONAL_SHEETS } from '../../src/report/national';
import { PAGE_FOOTER } from '../../src/report/print';
import { OVERVIEW_SHEET, SUMMARY_SHEETS } from '../../src/report/sheets';
import { nationalStandard } from '../../src/standard';
import { XlsxHost, loadWorkbook, saveWorkbook } from '../../src/xlsx/host';
import { addDefinedName } from '../../src/xlsx/defined-names';
import { openXlsx } from '../../src/xlsx/surgical';

const std = nationalStandard();
const meta = { workbook: '示例县台账.xlsx', date: new Date('2026-11-29T00:00:00Z') };

/** The user's own names: a global one and two scoped to the first sheet (a print area, a hidden filter range). */
const USER_NAMES =
  '<definedNames><definedName name="学校名单">学校基本情况台账!$A$2:$A$40</definedName>' +
  '<definedName name="_xlnm.Print_Area" localSheetId="0">学校基本情况台账!$A$1:$H$40</definedName>' +
  '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">学校基本情况台账!$A$1:$H$40</definedName></definedNames>';

/** The demo ledgers with the user's names in workbook.xml. */
async function demoWithNames(): Promise<Uint8Array> {
  const files = unzipSync(await demoWorkbookBytes());
  const wb = strFromU8(files['xl/workbook.xml']).replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/, '');
  files["xl/workbook.xml"] = strToU8(wb.replace("</sheets>", () => `</sheets>${USER_NAMES}`));
  return zipSync(Object.fromEntries(Object.entries(files).filter(([k]) => !k.endsWith('/'))));
}

const part = (bytes: Uint8Array, name: string) => strFromU8(unzipSync(bytes)[name]);

/** The worksheet part of each sheet, by name. */
function sheetParts(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  const wb = strFromU8(files['xl/workbook.xml']);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  const target = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/Id="([^"]+)"/.exec(m[0])![1], /Target="([^"]+)"/.exec(m[0])![1]]));
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])![1].replace(/&amp;/g, '&');
    const t = target.get(/r:id="([^"]+)"/.exec(m[0])![1])!.replace(/^\/?(xl\/)?/, 'xl/');
    out.set(name, strFromU8(files[t]));
  }
  return out;
}

/** CT_Worksheet's child order (the elements these sheets use). */
const ORDER = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'autoFilter', 'mergeCells', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter'];

function childOrder(xml: string): string[] {
  const body = xml.slice(xml.indexOf('>', xml.indexOf('<worksheet')) + 1);
  const names: string[] = [];
  let depth = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z]+)\b[^>]*?(\/?)>/g)) {
    if (m[1]) depth--;
    else {
      if (depth === 0) names.push(m[2]);
      if (!m[3]) depth++;
    }
  }
  return names.filter((n) => n !== 'worksheet');
}

describe('the surgical .xlsx host prints every sheet it writes', () => {
  let input: Uint8Array;
  let checked: Uint8Array;
  let models: SheetModel[];
  beforeAll(async () => {
    input = await demoWithNames();
    const h = openXlsx(input);
    const out = await runCheck(h, std, meta);
    models = out.sheets;
    checked = h.save();
  }, 120_000);

  it('writes all the sheets, the national tables after the tool\'s own', () => {
    expect(models.map((m) => m.name)).toEqual([...SUMMARY_SHEETS]);
    const names = [...sheetParts(checked).keys()];
    const at = (n: string) => names.indexOf(n);
    for (const n of NATIONAL_SHEETS) expect(at(n)).toBeGreaterThan(at('核查清单'));
  });

  it('gives each sheet fitToPage, A4, its orientation, fit to width (the 总表 one page tall), centred, the page footer, in schema order', () => {
    const parts = sheetParts(checked);
    for (const m of models) {
      const xml = parts.get(m.name)!;
      const p = m.print!;
      expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
      expect(xml).toContain(`<pageSetup paperSize="9" orientation="${p.orientation}" fitToWidth="1" fitToHeight="${p.onePage ? 1 : 0}"/>`);
      expect(xml).toContain('<printOptions horizontalCentered="1"/>');
      expect(xml).toContain('<headerFooter><oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter></headerFooter>');
      const order = childOrder(xml);
      const ranks = order.map((n) => ORDER.indexOf(n));
      expect(ranks.every((r) => r >= 0)).toBe(true);
      expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
      // Frozen below the rows above the data.
      expect(xml).toContain(`<pane ySplit="${p.titleRows}" topLeftCell="A${p.titleRows + 1}"`);
    }
    expect(models.find((m) => m.name === OVERVIEW_SHEET)!.print!.onePage).toBe(true);
  });

  it('merges each form\'s header block, notes and signature runs, and writes the code row', () => {
    const parts = sheetParts(checked);
    for (const name of NATIONAL_SHEETS) {
      const m = models.find((x) => x.name === name)!;
      const xml = parts.get(name)!;
      const L = sheetLayout(m);
      const refs = [...xml.matchAll(/<mergeCell ref="([^"]+)"\/>/g)].map((x) => x[1]);
      expect(refs.length).toBe(L.merges.length);
      expect(xml).toContain(`<mergeCells count="${L.merges.length}">`);
      for (const hm of m.headerMerges ?? []) {
        if (hm.rows === 1 && hm.cols === 1) continue;
        expect(refs).toContain(`${columnLetter(hm.col + 1)}${3 + hm.row}:${columnLetter(hm.col + hm.cols)}${2 + hm.row + hm.rows}`);
      }
      expect(xml).toContain(`<c r="A${L.notes[0].row}"`);
      expect(xml).toMatch(/填报单位（盖章）：/);
      // The code row: L1 somewhere on its row.
      expect(new RegExp(`<row r="${L.codeRow}"[^>]*>.*?<t xml:space="preserve">L1</t>`).test(xml)).toBe(true);
    }
  });

  it('names the print titles of each sheet in workbook.xml, scoped to it, and keeps the user\'s names byte for byte', () => {
    const wb = part(checked, 'xl/workbook.xml');
    const userNames = USER_NAMES.slice('<definedNames>'.length, -'</definedNames>'.length);
    expect(wb).toContain(`<definedNames>${userNames}`);
    const sheetNames = [...wb.matchAll(/<sheet\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1]);
    for (const m of models) {
      const id = sheetNames.indexOf(m.name);
      const ref = /[ -]/.test(m.name) ? `'${m.name}'!$1:$${m.print!.titleRows}` : `${m.name}!$1:$${m.print!.titleRows}`;
      expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${id}">${ref}</definedName>`);
    }
    expect(wb.match(/_xlnm\.Print_Titles/g)).toHaveLength(models.length);
  });

  it('reads back in ExcelJS with the page setup, print titles, merges and the form parts', async () => {
    const wb = await loadWorkbook(checked);
    for (const m of models) {
      const ws = wb.getWorksheet(m.name)!;
      const p = m.print!;
      expect(ws.pageSetup).toEqual(
        expect.objectContaining({ paperSize: 9, orientation: p.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: p.onePage ? 1 : 0, horizontalCentered: true, printTitlesRow: `1:${p.titleRows}` }),
      );
      expect(ws.headerFooter.oddFooter).toBe(`&C${PAGE_FOOTER}`);
      const L = sheetLayout(m);
      for (const r of L.merges) expect(ws.getCell(r.bottom, r.right).isMergedTo(ws.getCell(r.top, r.left))).toBe(r.bottom !== r.top || r.right !== r.left);
      if (m.codeRow) expect(m.codeRow.map((_, c) => ws.getCell(L.codeRow!, c + 1).text)).toEqual(m.codeRow);
      if (m.headerRows) m.headerRows.forEach((row, r) => row.forEach((t, c) => t && expect(ws.getCell(L.headerTop + r, c + 1).text).toBe(t)));
      for (const n of L.notes) expect(ws.getCell(n.row, 1).text).toBe(n.text);
      if (L.signature) for (const s of L.signature.cells) expect(ws.getCell(L.signature.row, s.col).text).toBe(s.text);
    }
  });

  it('clears back to the user\'s workbook.xml, byte for byte', async () => {
    const h = openXlsx(checked);
    await clearRun(h);
    expect(part(h.save(), 'xl/workbook.xml')).toBe(part(input, 'xl/workbook.xml'));
  });
});

describe('addDefinedName', () => {
  it('creates the list after <sheets> (before calcPr) when the workbook has none, with the workbook\'s prefix', () => {
    const wb = '<x:workbook xmlns:x="m"><x:sheets><x:sheet name="a"/></x:sheets><x:calcPr calcId="1"/></x:workbook>';
    expect(addDefinedName(wb, '_xlnm.Print_Titles', 0, "'表Ⅰ 基本情况'!$1:$6")).toBe(
      `<x:workbook xmlns:x="m"><x:sheets><x:sheet name="a"/></x:sheets><x:definedNames><x:definedName name="_xlnm.Print_Titles" localSheetId="0">'表Ⅰ 基本情况'!$1:$6</x:definedName></x:definedNames><x:calcPr calcId="1"/></x:workbook>`,
    );
  });
  it('fills an empty self-closed list and appends to a full one', () => {
    expect(addDefinedName('<workbook><definedNames/></workbook>', 'n', 2, 'A!$1:$3')).toBe('<workbook><definedNames><definedName name="n" localSheetId="2">A!$1:$3</definedName></definedNames></workbook>');
    expect(addDefinedName('<workbook><definedNames><definedName name="u">1</definedName></definedNames></workbook>', 'n', 0, 'x')).toBe(
      '<workbook><definedNames><definedName name="u">1</definedName><definedName name="n" localSheetId="0">x</definedName></definedNames></workbook>',
    );
  });
});

describe('the ExcelJS host prints every sheet it writes', () => {
  it('writes the page setup, print titles, footer, merges and the form parts, read back', async () => {
    const h0 = openXlsx(await demoWorkbookBytes());
    const out = await runCheck(h0, std, meta);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('学校台账');
    const host = new XlsxHost(wb);
    await host.writeSheets(out.sheets.map((model) => ({ model, name: model.name })));
    const back = await loadWorkbook(await saveWorkbook(wb));
    for (const m of out.sheets) {
      const ws = back.getWorksheet(m.name)!;
      const p = m.print!;
      expect(ws.pageSetup).toEqual(
        expect.objectContaining({ paperSize: 9, orientation: p.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: p.onePage ? 1 : 0, horizontalCentered: true, printTitlesRow: `1:${p.titleRows}` }),
      );
      expect(ws.headerFooter.oddFooter).toBe(`&C${PAGE_FOOTER}`);
      const L = sheetLayout(m);
      expect(ws.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: p.titleRows }));
      const merges = Object.keys((ws as unknown as { _merges: object })._merges);
      expect(merges.length).toBe(L.merges.length);
      for (const r of L.merges) expect(ws.getCell(r.bottom, r.right).isMergedTo(ws.getCell(r.top, r.left))).toBe(true);
      if (m.codeRow) expect(m.codeRow.map((_, c) => ws.getCell(L.codeRow!, c + 1).text)).toEqual(m.codeRow);
      for (const n of L.notes) expect(ws.getCell(n.row, 1).text).toBe(n.text);
      if (L.signature) for (const s of L.signature.cells) expect(ws.getCell(L.signature.row, s.col).text).toBe(s.text);
      for (const rh of L.rowHeights) expect(ws.getRow(rh.row).height).toBe(rh.height);
    }
  }, 120_000);
});
