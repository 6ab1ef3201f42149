/**
 * Workbooks for the surgical host's tests: one written by hand (every feature ExcelJS dropped or broke, in
 * raw XML), rare CJK across 16 384 boundaries, and helpers to compare zip entries.
 */
import { strToU8, zipSync } from 'fflate';
import type { SheetGrid } from '../../src/ledger/grid';
import type { EngineFn } from '../../src/host/run';
import type { Mark, SheetModel } from '../../src/report/model';
import type { EngineOutput } from '../../src/report/engine-types';
import { entryBytes, readZipEntries } from '../../src/xlsx/zip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Supplementary-plane CJK (Ext B, C, D, E, F): 4 bytes in UTF-8, a surrogate pair in JavaScript. */
export const RARE = '𠀀𪜀𫝀𫠠𬺰𰀀';

/** A text of `n` characters mixing rare CJK (4 bytes), common CJK (3 bytes) and ASCII, so characters straddle every chunk boundary. */
export function rareText(n: number): string {
  const unit = `${RARE}县第一小学abc`;
  let s = '';
  while (s.length < n) s += unit;
  return s;
}

export const LONG_RARE = rareText(40000);
export const NOTE_ALWAYS_SHAPE =
  '<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:120pt;margin-top:6pt;width:240pt;height:96pt;z-index:1;visibility:visible" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>3, 15, 0, 10, 7, 15, 6, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>1</x:Row><x:Column>2</x:Column><x:Visible/></x:ClientData></v:shape>';
const SHAPE_A2 =
  '<v:shape id="_x0000_s1026" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:2;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>1, 15, 0, 2, 3, 15, 4, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>1</x:Row><x:Column>0</x:Column></x:ClientData></v:shape>';
const SHAPE_A3 = SHAPE_A2.replace('_x0000_s1026', '_x0000_s1027').replace('<x:Row>1</x:Row>', '<x:Row>2</x:Row>');

export const C2_COMMENT = '<comment ref="C2" authorId="0"><text><r><rPr><b/><sz val="9"/><rFont val="Tahoma"/></rPr><t>张三:</t></r><r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">\n原有批注：数据来自2025年报</t></r></text></comment>';
/** SheetJS writes a note as a bare <t> (no runs). */
export const A2_COMMENT = '<comment ref="A2" authorId="1"><text><t>SheetJS 纯文本批注</t></text></comment>';
const A3_COMMENT = '<comment ref="A3" authorId="2" shapeId="0" xr:uid="{11111111-2222-3333-4444-555555555555}"><text><t>[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment.\n\nComment:\n    请核实在校生数</t></text></comment>';

/** The hand-made workbook's parts (uncompressed text). */
export function handMadeParts(): Record<string, string> {
  const sheet1 =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" mc:Ignorable="x14ac xr">` +
    '<dimension ref="A1:D6"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>' +
    '<sheetData>' +
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>备注</t></is></c></row>' +
    '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>120</v></c><c r="C2" s="1"><v>3.5</v></c></row>' +
    `<row r="3"><c r="A3" t="inlineStr"><is><t>${RARE}第3小学</t></is></c><c r="B3" s="2"><v>51</v></c><c r="C3"><v>8</v></c></row>` +
    // A row and its cells without the optional r attribute: row 4, A4…C4.
    '<row><c t="inlineStr"><is><r><t>第4</t></r><r><rPr><b/></rPr><t>小学</t></r></is></c><c><v>77</v></c><c s="1"><v>4.2</v></c></row>' +
    '<row r="5" spans="1:4" ht="20" customHeight="1"><c r="A5" t="s"><v>4</v></c><c r="B5"><v>60</v></c><c r="C5"><v>9</v></c><c r="D5" t="s"><v>5</v></c></row>' +
    '<row r="6"><c r="A6" t="inlineStr"><is><t>第6小学</t></is></c><c r="B6"><f>B2+1</f><v>121</v></c><c r="C6" t="e"><v>#DIV/0!</v></c></row>' +
    '</sheetData>' +
    '<autoFilter ref="A1:D6"><filterColumn colId="1"><customFilters><customFilter operator="greaterThan" val="50"/></customFilters></filterColumn></autoFilter>' +
    '<hyperlinks><hyperlink ref="B3" r:id="rId3" display="51"/></hyperlinks>' +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<drawing r:id="rId4"/><legacyDrawing r:id="rId2"/>' +
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>选项!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>D2:D6</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>' +
    '</worksheet>';
  const sheet2 =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>` +
    '<row r="1"><c r="A1" t="inlineStr"><is><t>小学</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>初中</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>九年一贯制学校</t></is></c></row>' +
    `<row r="5"><c r="A5" t="inlineStr"><is><t>${LONG_RARE}</t></is></c></row>` +
    '</sheetData></worksheet>';
  const sheet3 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>用户自己的工作表</t></is></c></row></sheetData></worksheet>`;
  const strings = ['学校名称', '在校生数', '生均面积', '第1小学', `${RARE}第5小学`, LONG_RARE];
  return {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
      '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>' +
      '<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>' +
      '</Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr defaultThemeVersion="166925"/>` +
      '<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="dGVzdA==" workbookSaltValue="c2FsdA==" workbookSpinCount="100000" lockStructure="1"/>' +
      '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="0"/></bookViews>' +
      '<sheets><sheet name="学校台账" sheetId="1" r:id="rId1"/><sheet name="选项" sheetId="2" r:id="rId2"/><sheet name="_JUNHENG" sheetId="5" r:id="rId6"/></sheets>' +
      '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">学校台账!$A$1:$D$6</definedName><definedName name="合计">SUM(学校台账!$B$2:$B$6)</definedName><definedName name="类型" localSheetId="1">选项!$A$1:$A$3</definedName><definedName name="税率">0.13</definedName></definedNames>' +
      '<calcPr calcId="191029"/></workbook>',
    'xl/_rels/workbook.xml.rels':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">` +
      `<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId3" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` +
      '<Relationship Id="rId5" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/>' +
      `<Relationship Id="rId6" Type="${R}/worksheet" Target="worksheets/sheet3.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheet1,
    'xl/worksheets/sheet2.xml': sheet2,
    'xl/worksheets/sheet3.xml': sheet3,
    'xl/worksheets/_rels/sheet1.xml.rels':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">` +
      `<Relationship Id="rId1" Type="${R}/comments" Target="../comments1.xml"/><Relationship Id="rId2" Type="${R}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>` +
      `<Relationship Id="rId3" Type="${R}/hyperlink" Target="http://example.com/school?id=51" TargetMode="External"/><Relationship Id="rId4" Type="${R}/drawing" Target="../drawings/drawing1.xml"/>` +
      '<Relationship Id="rId5" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/></Relationships>',
    'xl/styles.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00&quot; ㎡&quot;"/></numFmts>` +
      '<fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><u/><sz val="11"/><color theme="10"/><name val="等线"/></font></fonts>' +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor theme="4" tint="0.59999389629810485"/><bgColor indexed="64"/></patternFill></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>',
    'xl/sharedStrings.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
    'xl/comments1.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">` +
      `<authors><author>张三</author><author>SheetJS</author><author>tc={11111111-2222-3333-4444-555555555555}</author></authors><commentList>${C2_COMMENT}${A2_COMMENT}${A3_COMMENT}</commentList></comments>`,
    'xl/drawings/vmlDrawing1.vml':
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n <o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="1"/>\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">\n  <v:stroke joinstyle="miter"/>\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\n </v:shapetype>' +
      `${NOTE_ALWAYS_SHAPE}${SHAPE_A2}${SHAPE_A3}<br></xml>`,
    'xl/drawings/drawing1.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
      '<xdr:twoCellAnchor><xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
      '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="文本框 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2438400" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>' +
      '<xdr:txBody><a:bodyPr vertOverflow="clip" wrap="square" rtlCol="0" anchor="t"/><a:lstStyle/><a:p><a:r><a:rPr lang="zh-CN" altLang="en-US" sz="1100"/><a:t>填表说明：在校生数按 9 月 1 日口径</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>',
    'xl/threadedComments/threadedComment1.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><threadedComment ref="A3" dT="2026-11-20T08:00:00.00" personId="{AAAAAAAA-0000-0000-0000-000000000001}" id="{11111111-2222-3333-4444-555555555555}"><text>请核实在校生数</text></threadedComment></ThreadedComments>',
    'xl/persons/person.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><person displayName="王五" id="{AAAAAAAA-0000-0000-0000-000000000001}" userId="王五" providerId="None"/></personList>',
  };
}

export function handMade(): Uint8Array {
  const parts = handMadeParts();
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])), { level: 6 });
}

/** Every entry of a zip: its raw local record (header + compressed data) and its uncompressed bytes. */
export function entries(bytes: Uint8Array): Map<string, { raw: Uint8Array; data: Uint8Array }> {
  const out = new Map<string, { raw: Uint8Array; data: Uint8Array }>();
  for (const e of readZipEntries(bytes)) out.set(e.name, { raw: bytes.subarray(e.localOffset, e.recordEnd), data: entryBytes(bytes, e) });
  return out;
}

export function text(bytes: Uint8Array, name: string): string {
  const e = entries(bytes).get(name);
  if (!e) throw new Error(`no ${name}`);
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(e.data);
}

export const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Names of the entries of `before` that are not byte-identical in `after`: as raw zip records (the
 * compressed bytes copied as they were), or by uncompressed content (`by: 'data'`: a part the check changed
 * and the clear changed back holds the same bytes, recompressed).
 */
export function changedEntries(before: Uint8Array, after: Uint8Array, by: 'raw' | 'data' = 'raw'): { changed: string[]; removed: string[]; added: string[] } {
  const a = entries(before);
  const b = entries(after);
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [n, e] of a) {
    const f = b.get(n);
    if (!f) removed.push(n);
    else if (!same(e[by], f[by])) changed.push(n);
  }
  return { changed, removed, added: [...b.keys()].filter((n) => !a.has(n)) };
}

/** An engine that marks the given cells and writes two small summary sheets. */
export function marksEngine(marks: Mark[]): EngineFn {
  return (grids: SheetGrid[]) => {
    void grids;
    const sheets: SheetModel[] = [
      {
        name: '问题清单',
        title: '问题清单',
        subtitle: `测试 ${RARE}`,
        columns: [{ header: '学校', width: 24 }, { header: '位置', width: 12 }],
        rows: marks.map((m) => [{ value: `=HYPERLINK("x","${m.cell}")` }, { value: m.cell, link: { sheet: m.sheet, cell: m.cell } }]),
        autoFilter: true,
        validations: [{ column: 1, list: ['已整改', '未整改'] }],
      },
      { name: '资源配置达标情况', title: '资源配置达标情况', subtitle: 't', columns: [{ header: '学校', width: 20 }], rows: [[{ value: 3.25, numFmt: '0.00" ㎡"' }]], autoFilter: false },
    ];
    const report: EngineOutput['report'] = { standard: { id: 'test', version: '1' }, ledgers: [], schools: [], cv: [], findings: [], sheets: sheets.map((s) => s.name) };
    return { ledgers: {} as EngineOutput['ledgers'], result: {} as EngineOutput['result'], marks, sheets, report };
  };
}
