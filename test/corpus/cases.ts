/**
 * The corpus: awkward workbooks, one builder each, with the outcome `junheng check` must give.
 *
 * Outcomes:
 * - `refuse`: exit code 2, exactly one Chinese line on stderr matching `error`, nothing written;
 * - `ok`: exit code 0, the checked copy and the JSON written; `findings` must each be in the JSON (sheet +
 *   cell + message) and marked with a note in the copy; `absent` cells must carry no finding; `check`
 *   runs extra assertions.
 *
 * Decisions documented here (and asserted):
 * - Two ledgers stacked on one sheet: the first header found wins; the rows of the second ledger are read
 *   as rows of the first (its header row is skipped as a repeated header). Nothing crashes; the user sees
 *   data findings (duplicate schools) on the second block. Put each ledger on its own sheet.
 * - A ledger with only a header: it is recognised, the run completes with 0 rows (exit 0).
 * - .xlsm: ExcelJS drops the VBA project, so the checked copy is written as .xlsx (never .xlsm) with a
 *   warning naming 宏(VBA); --in-place or --out *.xlsm is refused before anything is written.
 * - .csv: refused with a message telling the user to save as .xlsx.
 */
import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { loadWorkbook } from '../../src/xlsx/host';
import { readGrid } from '../../src/xlsx/read';
import {
  CLASS_HEADERS, SCHOOL_HEADERS, baseWorkbook, classRows, goodSchool, oleFile, patchZip, readPart, writeTable, xlsx, type Row,
} from './build';

export interface ExpectedFinding {
  sheet: string;
  cell: string;
  message: RegExp;
}

export interface JsonFinding {
  kind: string;
  indicator: string | null;
  sheet: string | null;
  cell: string | null;
  school: string | null;
  message: string;
}

export interface JsonReportLike {
  ledgers: { sheet: string; kind: string; headerRows: number[]; columns: Record<string, string>; rows: number }[];
  schools: { name: string; students: number | null; verdict: string }[];
  findings: JsonFinding[];
  sheets: string[];
}

export interface RunContext {
  out: string[];
  err: string[];
  report: JsonReportLike;
  /** The checked copy. */
  output: ExcelJS.Workbook;
  outputPath: string;
  inputPath: string;
  dir: string;
}

export type Expected =
  | { kind: 'refuse'; error: RegExp }
  | {
      kind: 'ok';
      findings?: ExpectedFinding[];
      absent?: { sheet: string; cell: string }[];
      /** A warning line on stderr (e.g. parts that will not survive). */
      warn?: RegExp;
      /** Name of the checked copy (default: `<name>-自查.xlsx`). */
      outputName?: string;
      check?: (r: RunContext) => void | Promise<void>;
    };

export interface CorpusCase {
  id: string;
  /** What is awkward about it, in Chinese. */
  title: string;
  file: string;
  build: () => Promise<Buffer>;
  /** Extra CLI arguments after the file (paths may use {dir}). */
  args?: string[];
  expect: Expected;
}

const S = '学校台账';
const C = '班级台账';

/** Base workbook with `fn` applied to it. */
function base(fn: (wb: ExcelJS.Workbook) => void = () => undefined, opts: Parameters<typeof baseWorkbook>[0] = {}): () => Promise<Buffer> {
  return async () => {
    const wb = baseWorkbook(opts);
    fn(wb);
    return xlsx(wb);
  };
}

const sheet = (wb: ExcelJS.Workbook, name: string) => wb.getWorksheet(name)!;

function findingAt(r: RunContext, sheetName: string, cell: string): JsonFinding[] {
  return r.report.findings.filter((f) => f.sheet === sheetName && f.cell === cell);
}

function schoolNamed(r: RunContext, name: string) {
  return r.report.schools.find((s) => s.name === name);
}

/** Every string in the summary sheets of the checked copy, by sheet. */
export function summaryTexts(wb: ExcelJS.Workbook, names: string[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    const ws = wb.getWorksheet(n);
    if (!ws) continue;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as unknown;
        if (typeof v === 'string') out.push(v);
        else if (v && typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string') out.push((v as { text: string }).text);
      }),
    );
  }
  return out;
}

function expectTrue(cond: boolean, what: string): void {
  if (!cond) throw new Error(what);
}

const CJK_NAMES = ['𠀀𪚥第一小学', '🏫阳光小学', '𡈽坳村小学👩‍🏫'];
const LONG = `长${'校'.repeat(32766)}`; // 32 767 characters

async function styledToTheEnd(): Promise<Buffer> {
  const wb = baseWorkbook();
  sheet(wb, S).getCell('A2').style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } } };
  return patchZip(await xlsx(wb), async (zip) => {
    const name = 'xl/worksheets/sheet1.xml';
    let xml = await readPart(zip, name);
    const parts: string[] = [];
    for (let r = 5; r <= 1048576; r++) parts.push(`<row r="${r}" s="1" customFormat="1"/>`);
    // Styled empty cells on the very last row too, and a dimension reaching the end of the sheet.
    parts[parts.length - 1] = `<row r="1048576" s="1" customFormat="1"><c r="A1048576" s="1"/><c r="O1048576" s="1"/></row>`;
    xml = xml.replace('</sheetData>', `${parts.join('')}</sheetData>`).replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>');
    zip.file(name, xml);
  });
}

async function withVba(): Promise<Buffer> {
  return patchZip(await xlsx(baseWorkbook()), async (zip) => {
    zip.file('xl/vbaProject.bin', oleFile(['VBA', 'PROJECT']));
    let ct = await readPart(zip, '[Content_Types].xml');
    ct = ct
      .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
      .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
    zip.file('[Content_Types].xml', ct);
    let rels = await readPart(zip, 'xl/_rels/workbook.xml.rels');
    rels = rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdVba1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    );
    zip.file('xl/_rels/workbook.xml.rels', rels);
  });
}

export const CASES: CorpusCase[] = [
  {
    id: 'baseline',
    title: '规范的学校台账和班级台账',
    file: 'baseline.xlsx',
    build: base(),
    expect: {
      kind: 'ok',
      check: (r) => {
        expectTrue(r.report.ledgers.map((l) => `${l.sheet}:${l.kind}:${l.rows}`).join(',') === '学校台账:school:3,班级台账:class:43', JSON.stringify(r.report.ledgers));
        expectTrue(r.report.findings.filter((f) => f.kind === 'data').length === 0, `unexpected data findings ${JSON.stringify(r.report.findings.filter((f) => f.kind === 'data'))}`);
      },
    },
  },
  {
    id: 'error-div0',
    title: '在校生数为 #DIV/0!（公式结果）',
    file: 'div0.xlsx',
    build: base((wb) => {
      sheet(wb, S).getCell('C3').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    }),
    expect: { kind: 'ok', findings: [{ sheet: S, cell: 'C3', message: /「在校生数」.*错误值“#DIV\/0!”/ }] },
  },
  {
    id: 'error-ref',
    title: '班级数为 #REF!',
    file: 'ref.xlsx',
    build: base((wb) => {
      sheet(wb, S).getCell('D2').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    }),
    expect: { kind: 'ok', findings: [{ sheet: S, cell: 'D2', message: /「班级数」.*错误值“#REF!”/ }] },
  },
  {
    id: 'error-na',
    title: '班级人数为 #N/A',
    file: 'na.xlsx',
    build: base((wb) => {
      sheet(wb, C).getCell('D5').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    }),
    expect: { kind: 'ok', findings: [{ sheet: C, cell: 'D5', message: /「班级人数」.*错误值“#N\/A”/ }] },
  },
  {
    id: 'formula-cached',
    title: '在校生数是带缓存结果的公式',
    file: 'formula-cached.xlsx',
    build: base((wb) => {
      sheet(wb, S).getCell('C2').value = { formula: '300+300', result: 600 } as ExcelJS.CellFormulaValue;
    }),
    expect: {
      kind: 'ok',
      absent: [{ sheet: S, cell: 'C2' }],
      check: (r) => {
        expectTrue(schoolNamed(r, '城关第一小学')?.students === 600, 'students read from the cached result');
        expectTrue(r.output.getWorksheet(S)!.getCell('C2').formula === '300+300', 'formula kept in the checked copy');
      },
    },
  },
  {
    id: 'formula-uncached',
    title: '公式没有缓存结果（由不计算的程序生成）',
    file: 'formula-uncached.xlsx',
    build: base((wb) => {
      sheet(wb, S).getCell('C2').value = { formula: 'E2*10' } as ExcelJS.CellFormulaValue;
    }),
    expect: {
      kind: 'ok',
      findings: [{ sheet: S, cell: 'C2', message: /「在校生数」.*公式未计算/ }],
      check: (r) => expectTrue(r.output.getWorksheet(S)!.getCell('C2').formula === 'E2*10', 'formula kept'),
    },
  },
  {
    id: 'shared-formula',
    title: '共享公式（一列公式，最后一格无缓存结果）',
    file: 'shared.xlsx',
    build: base((wb) => {
      const ws = sheet(wb, S);
      ws.getCell('H2').value = { formula: 'C2*8', result: 4800, shareType: 'shared', ref: 'H2:H4' } as unknown as ExcelJS.CellFormulaValue;
      ws.getCell('H3').value = { sharedFormula: 'H2', result: 4320 } as unknown as ExcelJS.CellValue;
      ws.getCell('H4').value = { sharedFormula: 'H2' } as unknown as ExcelJS.CellValue;
    }),
    expect: {
      kind: 'ok',
      findings: [{ sheet: S, cell: 'H4', message: /「教学及辅助用房面积」.*公式未计算/ }],
      absent: [{ sheet: S, cell: 'H2' }, { sheet: S, cell: 'H3' }],
      check: (r) => {
        const ws = r.output.getWorksheet(S)!;
        expectTrue(ws.getCell('H2').formula === 'C2*8', 'master formula kept');
        expectTrue(ws.getCell('H3').formulaType === 2 || ws.getCell('H3').formula === 'C3*8', `shared formula kept: ${JSON.stringify(ws.getCell('H3').value)}`);
      },
    },
  },
  {
    id: 'date-in-count',
    title: '在校生数单元格是日期',
    file: 'date.xlsx',
    build: base((wb) => {
      const c = sheet(wb, S).getCell('C3');
      c.value = new Date(Date.UTC(2025, 8, 1));
      c.numFmt = 'yyyy-mm-dd';
    }),
    expect: { kind: 'ok', findings: [{ sheet: S, cell: 'C3', message: /「在校生数」.*日期/ }] },
  },
  {
    id: 'number-with-date-format',
    title: '班级人数是数字但显示为日期格式',
    file: 'datefmt.xlsx',
    build: base((wb) => {
      sheet(wb, C).getCell('D3').numFmt = 'yyyy"年"m"月"d"日"';
    }),
    expect: { kind: 'ok', findings: [{ sheet: C, cell: 'D3', message: /「班级人数」.*日期/ }] },
  },
  {
    id: 'boolean-in-count',
    title: '班级数单元格是逻辑值 TRUE',
    file: 'bool.xlsx',
    build: base((wb) => {
      sheet(wb, S).getCell('D4').value = true;
    }),
    expect: { kind: 'ok', findings: [{ sheet: S, cell: 'D4', message: /「班级数」.*逻辑值/ }] },
  },
  {
    id: 'rich-text',
    title: '富文本：校名分段加粗，数字也是富文本',
    file: 'rich.xlsx',
    build: base((wb) => {
      const ws = sheet(wb, S);
      ws.getCell('A2').value = { richText: [{ text: '城关' }, { font: { bold: true, color: { argb: 'FFFF0000' } }, text: '第一小学' }] };
      ws.getCell('C2').value = { richText: [{ text: '6' }, { font: { italic: true }, text: '00' }] };
    }),
    expect: {
      kind: 'ok',
      absent: [{ sheet: S, cell: 'C2' }, { sheet: S, cell: 'A2' }],
      check: (r) => {
        expectTrue(schoolNamed(r, '城关第一小学')?.students === 600, 'rich text school and number read');
        const v = r.output.getWorksheet(S)!.getCell('A2').value as ExcelJS.CellRichTextValue;
        expectTrue(Array.isArray(v.richText) && v.richText.length === 2, 'rich text kept in the copy');
      },
    },
  },
  {
    id: 'hyperlink',
    title: '校名是超链接单元格',
    file: 'link.xlsx',
    build: base((wb) => {
      sheet(wb, S).getCell('A3').value = { text: '城关第二小学', hyperlink: 'http://example.edu.cn/school/2' };
    }),
    expect: {
      kind: 'ok',
      check: (r) => {
        expectTrue(schoolNamed(r, '城关第二小学')?.students === 540, 'hyperlink text read as the name');
        const v = r.output.getWorksheet(S)!.getCell('A3').value as ExcelJS.CellHyperlinkValue;
        expectTrue(v.hyperlink === 'http://example.edu.cn/school/2', 'hyperlink kept');
      },
    },
  },
  {
    id: 'merged-rows',
    title: '班级台账中校名合并单元格跨多行',
    file: 'merged.xlsx',
    build: base(
      (wb) => {
        const ws = sheet(wb, C);
        // Rows 2–16 are 城关第一小学: keep the name only in A2 and merge A2:A13 (rows 14–16 keep their own name).
        for (let r = 3; r <= 13; r++) ws.getCell(`A${r}`).value = null;
        ws.mergeCells('A2:A13');
      },
    ),
    expect: {
      kind: 'ok',
      check: (r) => {
        const data = r.report.findings.filter((f) => f.kind === 'data');
        expectTrue(data.length === 0, `no data finding: ${JSON.stringify(data)}`);
        expectTrue(r.report.ledgers.find((l) => l.kind === 'class')?.rows === 43, 'all 43 classes read');
      },
    },
  },
  {
    id: 'merged-count',
    title: '在校生数合并单元格跨两所学校（第二所为空）',
    file: 'merged-count.xlsx',
    build: base((wb) => {
      const ws = sheet(wb, S);
      ws.getCell('C3').value = null;
      ws.mergeCells('C2:C3');
    }),
    expect: {
      kind: 'ok',
      check: (r) => {
        expectTrue(schoolNamed(r, '城关第二小学')?.students === null, 'the covered cell is blank, never a copy');
        expectTrue(r.report.findings.some((f) => f.sheet === S && f.cell === 'C3'), 'a finding at the blank C3');
      },
    },
  },
  {
    id: 'hidden-rows-cols',
    title: '隐藏行和隐藏列',
    file: 'hidden.xlsx',
    build: base((wb) => {
      const ws = sheet(wb, S);
      ws.getRow(3).hidden = true;
      ws.getColumn(5).hidden = true;
      ws.getCell('E3').value = -3;
    }),
    expect: {
      kind: 'ok',
      findings: [{ sheet: S, cell: 'E3', message: /负数/ }],
      check: (r) => {
        expectTrue(!!schoolNamed(r, '城关第二小学'), 'the hidden row is read');
        const ws = r.output.getWorksheet(S)!;
        expectTrue(ws.getRow(3).hidden && ws.getColumn(5).hidden, 'hidden row and column stay hidden');
      },
    },
  },
  {
    id: 'autofilter',
    title: '表头上有自动筛选',
    file: 'filter.xlsx',
    build: base((wb) => {
      sheet(wb, S).autoFilter = 'A1:O4';
    }),
    expect: {
      kind: 'ok',
      check: (r) => expectTrue(JSON.stringify(r.output.getWorksheet(S)!.autoFilter) === '"A1:O4"', `autofilter kept: ${JSON.stringify(r.output.getWorksheet(S)!.autoFilter)}`),
    },
  },
  {
    id: 'frozen',
    title: '冻结窗格',
    file: 'frozen.xlsx',
    build: base((wb) => {
      sheet(wb, S).views = [{ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2', activeCell: 'B2' }];
    }),
    expect: {
      kind: 'ok',
      check: (r) => {
        const v = r.output.getWorksheet(S)!.views[0] as ExcelJS.WorksheetViewFrozen;
        expectTrue(v.state === 'frozen' && v.xSplit === 1 && v.ySplit === 1, 'panes stay frozen');
      },
    },
  },
  {
    id: 'styled-to-1048576',
    title: '格式一直设置到第 1 048 576 行（空行带样式）',
    file: 'styled-end.xlsx',
    build: styledToTheEnd,
    expect: {
      kind: 'ok',
      check: async (r) => {
        expectTrue(r.report.ledgers.find((l) => l.kind === 'school')?.rows === 3, 'only the 3 real rows');
        const input = await loadWorkbook(await fs.readFile(r.inputPath));
        const ws = input.getWorksheet(S)!;
        expectTrue(ws.rowCount === 1048576, `the input really reaches the last row (${ws.rowCount})`);
        const g = readGrid(ws);
        expectTrue(g.top === 1 && g.values.length === 4 && g.values.every((row) => row.length <= 15), `the grid stops at the data: ${g.values.length} rows`);
        expectTrue(r.output.getWorksheet(S)!.getCell('A2').fill?.type === 'pattern', 'own fill kept');
      },
    },
  },
  {
    id: 'sheet-name-spaces',
    title: '工作表名含空格',
    file: 'spaces.xlsx',
    build: base((wb) => {
      sheet(wb, '学校 台账 2025').getCell('C2').value = '暂无';
    }, { schoolSheet: '学校 台账 2025' }),
    expect: {
      kind: 'ok',
      findings: [{ sheet: '学校 台账 2025', cell: 'C2', message: /“暂无”/ }],
      check: (r) => expectTrue(issueLinks(r).includes("#'学校 台账 2025'!C2") && issueLinks(r, 'text').includes("'学校 台账 2025'!C2"), `quoted link: ${issueLinks(r).join(' ')}`),
    },
  },
  {
    id: 'sheet-name-apostrophe',
    title: "工作表名含撇号：O'Brien 表",
    file: 'apostrophe.xlsx',
    build: base((wb) => {
      sheet(wb, "O'Brien 表").getCell('B3').value = '完小?';
      sheet(wb, "O'Brien 表").getCell('C3').value = '五百';
    }, { schoolSheet: "O'Brien 表" }),
    expect: {
      kind: 'ok',
      findings: [{ sheet: "O'Brien 表", cell: 'C3', message: /“五百”/ }],
      check: (r) => {
        expectTrue(issueLinks(r).includes("#'O''Brien 表'!C3"), `quoted link target: ${issueLinks(r).join(' ')}`);
        expectTrue(issueLinks(r, 'text').includes("'O''Brien 表'!C3"), `quoted link text: ${issueLinks(r, 'text').join(' ')}`);
        // The JSON keeps the sheet name as the user sees it and the cell apart.
        expectTrue(r.report.findings.some((f) => f.sheet === "O'Brien 表" && f.cell === 'C3'), 'JSON sheet + cell');
      },
    },
  },
  {
    id: 'sheet-name-quotes',
    title: '工作表名含双引号、括号和 & 符号',
    file: 'quotes.xlsx',
    build: base((wb) => {
      sheet(wb, '"新"班级(2025)&A').getCell('D4').value = 'abc';
    }, { classSheet: '"新"班级(2025)&A' }),
    expect: {
      kind: 'ok',
      findings: [{ sheet: '"新"班级(2025)&A', cell: 'D4', message: /“abc”/ }],
      check: (r) => expectTrue(issueLinks(r).includes(`#'"新"班级(2025)&A'!D4`) && issueLinks(r, 'text').includes(`'"新"班级(2025)&A'!D4`), `quoted link: ${issueLinks(r).join(' ')}`),
    },
  },
  {
    id: 'header-repeated',
    title: '表头在中间重复（粘贴了两次）',
    file: 'repeated-header.xlsx',
    build: base((wb) => {
      const ws = sheet(wb, S);
      writeTable(ws, SCHOOL_HEADERS, [goodSchool('北关小学'), goodSchool('南关小学')], 5);
    }),
    expect: {
      kind: 'ok',
      check: (r) => {
        expectTrue(r.report.ledgers.find((l) => l.kind === 'school')?.rows === 5, `5 schools: ${JSON.stringify(r.report.ledgers)}`);
        expectTrue(!r.report.schools.some((s) => s.name === '学校名称'), 'the repeated header is not a school');
        expectTrue(findingAt(r, S, 'A5').length === 0, 'no finding on the repeated header');
      },
    },
  },
  {
    id: 'two-ledgers-one-sheet',
    title: '一张表上下两个台账（学校台账在上，班级台账在下）',
    file: 'two-ledgers.xlsx',
    build: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('全部台账');
      writeTable(ws, SCHOOL_HEADERS, [goodSchool('城关第一小学'), goodSchool('城关中学', '初中', 720)]);
      writeTable(ws, CLASS_HEADERS, [...classRows('城关第一小学', '小学', 3)], 6);
      return xlsx(wb);
    },
    expect: {
      kind: 'ok',
      check: (r) => {
        expectTrue(r.report.ledgers.length === 1 && r.report.ledgers[0].kind === 'school', 'the first ledger is read');
        expectTrue(!!schoolNamed(r, '城关第一小学') && !!schoolNamed(r, '城关中学'), 'its schools are read');
      },
    },
  },
  {
    id: 'cjk-extension-emoji',
    title: '校名含 CJK 扩展字（𠀀 𪚥）和表情符号',
    file: 'cjk.xlsx',
    build: base(() => undefined, {
      schools: CJK_NAMES.map((n) => goodSchool(n)),
      classes: [...classRows(CJK_NAMES[0], '小学', 6, 50)],
    }),
    expect: {
      kind: 'ok',
      findings: [{ sheet: C, cell: 'D2', message: /班额 50 人/ }],
      check: (r) => {
        for (const n of CJK_NAMES) expectTrue(!!schoolNamed(r, n), `school ${n} in the JSON`);
        const texts = summaryTexts(r.output, r.report.sheets).join('\n');
        for (const n of CJK_NAMES) expectTrue(texts.includes(n), `school ${n} intact in the summary sheets`);
        expectTrue(!texts.includes('\uFFFD'), 'no replacement character');
      },
    },
  },
  {
    id: 'cell-32767',
    title: '32 767 个字符的单元格（校名和说明）',
    file: 'long.xlsx',
    build: base((wb) => {
      const ws = sheet(wb, S);
      ws.getCell('A3').value = LONG;
      ws.getCell('B3').value = null; // the type cannot be told: the message quotes the 32 767-character name
      ws.getCell('C3').value = '暂无';
      ws.getCell('P1').value = '备注';
      ws.getCell('P2').value = LONG;
    }),
    expect: {
      kind: 'ok',
      findings: [{ sheet: S, cell: 'C3', message: /“暂无”/ }],
      check: (r) => {
        for (const n of r.report.sheets) {
          r.output.getWorksheet(n)!.eachRow((row) =>
            row.eachCell((cell) => {
              const t = typeof cell.value === 'string' ? cell.value : (cell.value as { text?: string })?.text;
              if (typeof t === 'string') expectTrue(t.length <= 32767, `${n}!${cell.address} has ${t.length} characters (Excel's limit is 32 767)`);
            }),
          );
        }
        let notes = 0;
        r.output.getWorksheet(S)!.eachRow({ includeEmpty: true }, (row) =>
          row.eachCell({ includeEmpty: true }, (cell) => {
            const note = cell.note;
            if (!note) return;
            notes++;
            const text = typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
            expectTrue(text.length <= 32767, `note of ${cell.address} has ${text.length} characters`);
          }),
        );
        expectTrue(notes >= 2, 'the type finding on the long-named school is marked too');
      },
    },
  },
  {
    id: 'empty-workbook',
    title: '没有任何工作表的工作簿',
    file: 'no-sheets.xlsx',
    build: async () => xlsx(new ExcelJS.Workbook()),
    expect: { kind: 'refuse', error: /没有找到学校台账或班级台账/ },
  },
  {
    id: 'blank-sheet',
    title: '只有一张空白工作表',
    file: 'blank.xlsx',
    build: async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Sheet1');
      return xlsx(wb);
    },
    expect: { kind: 'refuse', error: /没有找到学校台账或班级台账/ },
  },
  {
    id: 'encrypted',
    title: '设置了打开密码的工作簿（OLE 复合文件，含 EncryptionInfo/EncryptedPackage）',
    file: 'locked.xlsx',
    build: async () => oleFile(['EncryptionInfo', 'EncryptedPackage']),
    expect: { kind: 'refuse', error: /已加密/ },
  },
  {
    id: 'xls',
    title: '旧版二进制 .xls（OLE 复合文件，含 Workbook 流）',
    file: 'old.xls',
    build: async () => oleFile(['Workbook', '\u0005SummaryInformation']),
    expect: { kind: 'refuse', error: /旧版 \.xls 格式/ },
  },
  {
    id: 'xls-renamed',
    title: '扩展名是 .xlsx 的旧版 .xls',
    file: 'renamed.xlsx',
    build: async () => oleFile(['Workbook']),
    expect: { kind: 'refuse', error: /旧版 \.xls 格式/ },
  },
  {
    id: 'ole-other',
    title: '不是工作簿的 OLE 文件（旧版 Word 文档）',
    file: 'doc.xlsx',
    build: async () => oleFile(['WordDocument']),
    expect: { kind: 'refuse', error: /不是 Excel 工作簿/ },
  },
  {
    id: 'xlsm',
    title: '启用宏的工作簿 .xlsm（含 vbaProject.bin）',
    file: 'macro.xlsm',
    build: withVba,
    expect: {
      kind: 'ok',
      warn: /宏\(VBA\)/,
      outputName: 'macro-自查.xlsx',
      check: async (r) => {
        const zip = await JSZip.loadAsync(await fs.readFile(r.inputPath));
        expectTrue(!!zip.file('xl/vbaProject.bin'), 'the input still has its macros');
      },
    },
  },
  {
    id: 'xlsm-in-place',
    title: '.xlsm 加 --in-place（会丢失宏，拒绝）',
    file: 'macro2.xlsm',
    build: withVba,
    args: ['--in-place'],
    expect: { kind: 'refuse', error: /无法保留宏/ },
  },
  {
    id: 'xlsm-out-xlsm',
    title: '.xlsm 加 --out 另一个 .xlsm（拒绝）',
    file: 'macro3.xlsm',
    build: withVba,
    args: ['--out', '{dir}/copy.xlsm'],
    expect: { kind: 'refuse', error: /无法保留宏/ },
  },
  {
    id: 'csv',
    title: 'CSV 文本文件',
    file: '台账.csv',
    build: async () => Buffer.from('\uFEFF学校名称,学校类型,在校生数\n城关第一小学,小学,600\n', 'utf8'),
    expect: { kind: 'refuse', error: /CSV 文本文件.*另存为 \.xlsx/ },
  },
  {
    id: 'not-a-workbook',
    title: '根本不是工作簿（PDF）',
    file: 'report.xlsx',
    build: async () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'),
    expect: { kind: 'refuse', error: /不是 Excel 工作簿/ },
  },
  {
    id: 'zero-bytes',
    title: '0 字节的文件',
    file: 'empty.xlsx',
    build: async () => Buffer.alloc(0),
    expect: { kind: 'refuse', error: /不是 Excel 工作簿/ },
  },
  {
    id: 'truncated',
    title: '下载中断、被截断的 .xlsx',
    file: 'truncated.xlsx',
    build: async () => {
      const full = await xlsx(baseWorkbook());
      return full.subarray(0, Math.floor(full.length * 0.6));
    },
    expect: { kind: 'refuse', error: /无法打开|已损坏/ },
  },
  {
    id: 'zip-not-xlsx',
    title: '是 zip 但不是 xlsx（Word 文档）',
    file: 'letter.xlsx',
    build: async () => {
      const zip = new JSZip();
      zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
      zip.file('word/document.xml', '<w:document/>');
      return zip.generateAsync({ type: 'nodebuffer' });
    },
    expect: { kind: 'refuse', error: /不是 Excel 工作簿/ },
  },
  {
    id: 'xlsx-broken-part',
    title: 'xlsx 的工作表 XML 已损坏',
    file: 'broken.xlsx',
    build: async () =>
      patchZip(await xlsx(baseWorkbook()), (zip) => {
        zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>');
      }),
    expect: { kind: 'refuse', error: /无法打开/ },
  },
  {
    id: 'text-numbers',
    title: '数字存为文本：全角数字、千分位、单位',
    file: 'text-numbers.xlsx',
    build: base((wb) => {
      const ws = sheet(wb, S);
      ws.getCell('C2').value = '６００';
      ws.getCell('C3').value = '５４０人';
      ws.getCell('J2').value = '1,800,000';
      ws.getCell('J3').value = '１６２万元';
      ws.getCell('C4').value = ' 720 ';
    }),
    expect: {
      kind: 'ok',
      absent: ['C2', 'C3', 'J2', 'J3', 'C4'].map((cell) => ({ sheet: S, cell })),
      check: (r) => {
        expectTrue(schoolNamed(r, '城关第一小学')?.students === 600, 'full-width 600');
        expectTrue(schoolNamed(r, '城关第二小学')?.students === 540, '540人');
        expectTrue(schoolNamed(r, '城关中学')?.students === 720, 'padded 720');
      },
    },
  },
  {
    id: 'text-not-numbers',
    title: '看起来像数字但不是：12a、1.2.3、--5',
    file: 'not-numbers.xlsx',
    build: base((wb) => {
      const ws = sheet(wb, S);
      ws.getCell('C2').value = '12a';
      ws.getCell('D3').value = '1.2.3';
      ws.getCell('E4').value = '--5';
    }),
    expect: {
      kind: 'ok',
      findings: [
        { sheet: S, cell: 'C2', message: /“12a”无法识别为数字/ },
        { sheet: S, cell: 'D3', message: /“1\.2\.3”无法识别为数字/ },
        { sheet: S, cell: 'E4', message: /“--5”无法识别为数字/ },
      ],
    },
  },
  {
    id: 'negative',
    title: '负数人数和班额',
    file: 'negative.xlsx',
    build: base((wb) => {
      sheet(wb, S).getCell('C2').value = -600;
      sheet(wb, C).getCell('D2').value = -40;
    }),
    expect: {
      kind: 'ok',
      findings: [
        { sheet: S, cell: 'C2', message: /「在校生数」.*负数（-600）/ },
        { sheet: C, cell: 'D2', message: /「班级人数」.*负数（-40）/ },
      ],
    },
  },
  {
    id: 'fraction-count',
    title: '人数带小数',
    file: 'fraction.xlsx',
    build: base((wb) => {
      sheet(wb, C).getCell('D6').value = 40.5;
    }),
    expect: { kind: 'ok', findings: [{ sheet: C, cell: 'D6', message: /不是整数/ }] },
  },
  {
    id: 'header-only',
    title: '只有表头没有数据',
    file: 'header-only.xlsx',
    build: base(() => undefined, { schools: [], classes: null }),
    expect: {
      kind: 'ok',
      check: (r) => expectTrue(r.report.ledgers.length === 1 && r.report.ledgers[0].rows === 0 && r.report.schools.length === 0, 'recognised, 0 rows'),
    },
  },
  {
    id: 'totals-in-middle',
    title: '中间有合计、小计行',
    file: 'totals.xlsx',
    build: base(() => undefined, {
      schools: [
        goodSchool('城关第一小学'),
        ['小计', null, 600, 12],
        goodSchool('城关中学', '初中', 720),
        ['合 计', null, 1320, 24],
        goodSchool('北关小学', '小学', 480),
      ],
    }),
    expect: {
      kind: 'ok',
      check: (r) => {
        expectTrue(r.report.ledgers.find((l) => l.kind === 'school')?.rows === 3, '3 schools');
        expectTrue(!r.report.schools.some((s) => /计/.test(s.name)), 'no total row read as a school');
        expectTrue(!!schoolNamed(r, '北关小学'), 'the school after the totals is read');
      },
    },
  },
  {
    id: 'title-and-two-row-header',
    title: '标题行、单位行和两行合并表头',
    file: 'two-row.xlsx',
    build: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('学校台账');
      ws.getCell('A1').value = '某县义务教育学校办学条件统计表';
      ws.mergeCells('A1:F1');
      ws.getCell('A2').value = '单位：人、万元';
      ws.getRow(3).values = ['学校名称', '学校类型', '在校生数', null, '教学仪器设备值（万元）', '音乐教室'];
      ws.getRow(4).values = [null, null, '小学', '初中', null, '间数'];
      ws.mergeCells('C3:D3');
      ws.mergeCells('A3:A4');
      ws.mergeCells('B3:B4');
      ws.mergeCells('E3:E4');
      ws.getRow(5).values = ['城关九年一贯制学校', '九年一贯制', 600, 300, 270, 2];
      return xlsx(wb);
    },
    expect: {
      kind: 'ok',
      check: (r) => {
        const l = r.report.ledgers[0];
        expectTrue(l.headerRows.join() === '3,4', `header rows ${l.headerRows}`);
        expectTrue(l.columns['students.小学'] === 'C' && l.columns['students.初中'] === 'D' && l.columns.equipmentValue === 'E', JSON.stringify(l.columns));
      },
    },
  },
  {
    id: 'wide-sheet',
    title: '很宽的表：台账右边 16 000 列外还有内容（XFD 列）',
    file: 'wide.xlsx',
    build: base((wb) => {
      const ws = sheet(wb, S);
      ws.getCell('XFD1').value = '最右边的备注';
      for (let c = 20; c < 300; c++) ws.getCell(2, c).value = c;
    }),
    expect: { kind: 'ok', check: (r) => expectTrue(r.report.ledgers.find((l) => l.kind === 'school')?.rows === 3, '3 schools') },
  },
  {
    id: 'ledger-off-origin',
    title: '台账不从 A1 开始（从 C5 开始），工作表被隐藏',
    file: 'offset.xlsx',
    build: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('学校', { state: 'hidden' });
      writeTable(ws, SCHOOL_HEADERS, [goodSchool('城关第一小学'), ['城关第二小学', '小学', 'N/A']], 5, 3);
      wb.addWorksheet('封面').getCell('A1').value = '封面';
      return xlsx(wb);
    },
    expect: { kind: 'ok', findings: [{ sheet: '学校', cell: 'E7', message: /“N\/A”/ }] },
  },
  {
    id: 'notes-and-fills',
    title: '单元格原有批注和填充色（标记后保留原批注）',
    file: 'notes.xlsx',
    build: base((wb) => {
      const c = sheet(wb, S).getCell('C3');
      c.value = '待核实';
      c.note = '原有批注：等乡镇上报';
      c.style = { ...c.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF92D050' } } };
    }),
    expect: {
      kind: 'ok',
      findings: [{ sheet: S, cell: 'C3', message: /“待核实”/ }],
      check: (r) => {
        const n = r.output.getWorksheet(S)!.getCell('C3').note;
        const text = typeof n === 'string' ? n : (n?.texts ?? []).map((t) => t.text).join('');
        expectTrue(text.includes('原有批注：等乡镇上报'), `original note kept inside the mark: ${text}`);
      },
    },
  },
  {
    id: 'formula-injection',
    title: '校名是公式样文本（=HYPERLINK、+cmd、-2+3、@SUM）',
    file: 'inject.xlsx',
    build: base(() => undefined, {
      schools: ['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A2)'].map((n) => {
        const row = goodSchool(n);
        row[1] = '小学';
        row[2] = '暂无';
        return row;
      }),
      classes: null,
    }),
    expect: {
      kind: 'ok',
      findings: [{ sheet: S, cell: 'C4', message: /“暂无”/ }],
      check: (r) => {
        for (const n of r.report.sheets) {
          r.output.getWorksheet(n)!.eachRow((row) =>
            row.eachCell((cell) => expectTrue(cell.type !== ExcelJS.ValueType.Formula, `${n}!${cell.address} is a formula`)),
          );
        }
      },
    },
  },
  {
    id: 'already-checked',
    title: '已经检查过的工作簿再检查一次（替换上次结果，不叠加）',
    file: 'rechecked.xlsx',
    build: async () => {
      const fs = await import('fs');
      const os = await import('os');
      const path = await import('path');
      const { main } = await import('../../src/cli/main');
      const d = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'junheng-pre-'));
      const wb = baseWorkbook();
      sheet(wb, S).getCell('C2').value = '暂无';
      await fs.promises.writeFile(path.join(d, 'a.xlsx'), await xlsx(wb));
      const quiet = { out: () => undefined, err: () => undefined };
      if ((await main(['check', path.join(d, 'a.xlsx')], quiet)) !== 0) throw new Error('pre-check failed');
      const buf = await fs.promises.readFile(path.join(d, 'a-自查.xlsx'));
      await fs.promises.rm(d, { recursive: true, force: true });
      return buf;
    },
    expect: {
      kind: 'ok',
      findings: [{ sheet: S, cell: 'C2', message: /“暂无”/ }],
      check: (r) => {
        expectTrue(r.output.worksheets.filter((w) => w.name.startsWith('问题清单')).length === 1, 'one 问题清单, not two');
        const n = r.output.getWorksheet(S)!.getCell('C2').note;
        const text = typeof n === 'string' ? n : (n?.texts ?? []).map((t) => t.text).join('');
        expectTrue(!text.includes('原批注'), `marks not stacked: ${text}`);
      },
    },
  },
  {
    id: 'fifty-thousand-classes',
    title: '5 万行班级台账（性能检查，不计时）',
    file: 'big.xlsx',
    build: async () => {
      const schools: Row[] = [];
      const classes: Row[] = [];
      for (let i = 0; i < 500; i++) {
        const name = `第${i + 1}小学`;
        schools.push(goodSchool(name, '小学', 4000));
        classes.push(...classRows(name, '小学', 100, i === 7 ? 46 : 40));
      }
      return xlsx(baseWorkbook({ schools, classes }));
    },
    expect: {
      kind: 'ok',
      check: (r) => {
        expectTrue(r.report.ledgers.find((l) => l.kind === 'class')?.rows === 50000, '50 000 classes');
        expectTrue(r.report.findings.filter((f) => f.indicator === 'G5').length === 100, 'the 100 oversized classes of 第8小学');
      },
    },
  },
];

/** Hyperlink targets of the 问题清单 sheet of the checked copy. */
export function issueLinks(r: RunContext, what: 'hyperlink' | 'text' = 'hyperlink'): string[] {
  const name = r.report.sheets.find((s) => s.startsWith('问题清单'));
  const ws = name ? r.output.getWorksheet(name) : undefined;
  const out: string[] = [];
  ws?.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value as { hyperlink?: string; text?: string };
      if (v && typeof v === 'object' && typeof v.hyperlink === 'string') out.push(String(v[what]));
    }),
  );
  return out;
}
