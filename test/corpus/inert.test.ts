/**
 * Nothing runs: ledger text that looks like a formula (a school named `=HYPERLINK(…)`, `+cmd|' /C calc'!A0`,
 * `-2+3`, `@SUM(A1:A2)`) is written as plain text in every summary sheet of `junheng check`'s copy.
 * Checked twice: by re-reading the copy with ExcelJS (type String, no formula), and by an independent
 * reader — LibreOffice headless converts every sheet to CSV and the text must come back verbatim
 * (`-2+3`, not `1`). The LibreOffice half is skipped, with a message, only when `soffice` is not installed.
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { CLASS_HEADERS, SCHOOL_HEADERS, classRows, goodSchool, writeTable, xlsx } from './build';

jest.setTimeout(300_000);

const NAMES = ['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A2)', '=1+1', '-1', "'=quoted"];

let dir: string;
let output: string;
let report: { sheets: string[]; findings: { school: string | null; message: string }[] };

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'junheng-inert-'));
  const wb = new ExcelJS.Workbook();
  // Schools that fail some indicators (so they appear in 问题清单 too) and have classes over the limit.
  const schools = NAMES.map((n, i) => {
    const row = goodSchool(n, i % 2 ? '初中' : '小学');
    if (i % 3 === 0) row[7] = 10; // 教学及辅助用房面积 far below the standard
    return row;
  });
  writeTable(wb.addWorksheet('学校台账'), SCHOOL_HEADERS, schools);
  writeTable(
    wb.addWorksheet('班级台账'),
    CLASS_HEADERS,
    NAMES.flatMap((n, i) => classRows(n, i % 2 ? '初中' : '小学', 3, 60)),
  );
  const input = path.join(dir, 'inject.xlsx');
  await fs.writeFile(input, await xlsx(wb));
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['check', input, '--json', path.join(dir, 'r.json')], { out: (l) => out.push(l), err: (l) => err.push(l) });
  expect({ code, err }).toEqual({ code: 0, err: [] });
  output = path.join(dir, 'inject-自查.xlsx');
  report = JSON.parse(await fs.readFile(path.join(dir, 'r.json'), 'utf8'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function textOf(cell: ExcelJS.Cell): string | null {
  const v = cell.value as unknown;
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string') return (v as { text: string }).text;
  return null;
}

/** Where each formula-like name occurs in the summary sheets of the copy: sheet → texts containing it. */
async function occurrences(): Promise<Map<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(output);
  const byName = new Map<string, string[]>();
  for (const name of report.sheets) {
    const ws = wb.getWorksheet(name)!;
    const texts: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const t = textOf(cell);
        if (t !== null && NAMES.some((n) => t.includes(n))) texts.push(t);
      }),
    );
    byName.set(name, texts);
  }
  return byName;
}

test('the names reach the summary sheets and the findings', () => {
  expect(report.sheets).toEqual(expect.arrayContaining(['资源配置达标情况', '问题清单']));
  for (const n of NAMES) expect(report.findings.some((f) => f.school === n)).toBe(true);
});

test('ExcelJS reads every such cell back as a plain string, and no summary cell is a formula', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(output);
  let seen = 0;
  for (const name of report.sheets) {
    const ws = wb.getWorksheet(name)!;
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        expect({ at: `${name}!${cell.address}`, formula: cell.formula ?? null, type: cell.type === ExcelJS.ValueType.Formula }).toEqual({
          at: `${name}!${cell.address}`,
          formula: null,
          type: false,
        });
        const t = textOf(cell);
        if (t !== null && NAMES.includes(t)) {
          seen++;
          // Plain text, or a link to the ledger row whose shown text is that plain string.
          const inert = cell.type === ExcelJS.ValueType.String || (cell.type === ExcelJS.ValueType.Hyperlink && typeof (cell.value as ExcelJS.CellHyperlinkValue).text === 'string');
          expect({ at: `${name}!${cell.address}`, type: cell.type, inert }).toEqual({ at: `${name}!${cell.address}`, type: cell.type, inert: true });
        }
      }),
    );
  }
  // Every name stands alone in at least the 资源配置 sheet.
  expect(seen).toBeGreaterThanOrEqual(NAMES.length);
  // The user's own ledger keeps them as text too.
  const ledger = wb.getWorksheet('学校台账')!;
  for (let r = 2; r < 2 + NAMES.length; r++) expect(ledger.getCell(r, 1).type).toBe(ExcelJS.ValueType.String);
});

function run(cmd: string, args: string[], timeout: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout }, (error, stdout, stderr) => {
      const code = error ? ((error as { code?: number | string }).code as number | null) ?? 1 : 0;
      resolve({ code: typeof code === 'number' ? code : 1, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

async function hasSoffice(): Promise<boolean> {
  const r = await run('soffice', ['--version'], 60_000);
  return r.code === 0 && /LibreOffice/.test(r.stdout);
}

/** RFC 4180 CSV → rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

test('LibreOffice reads the summary sheets with the names verbatim, not evaluated', async () => {
  if (!(await hasSoffice())) {
     
    console.log('跳过：本机没有 LibreOffice（soffice），未做 LibreOffice 独立读取检查。CI 安装 libreoffice-calc-nogui 后会运行。');
    return;
  }
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'junheng-lo-'));
  const outDir = path.join(dir, 'csv');
  await fs.mkdir(outDir);
  try {
    // 44 = comma, 34 = quote, 76 = UTF-8, sheet -1 = every sheet into <name>-<sheet>.csv (LibreOffice ≥ 7.2);
    // the 9th token "false" = export cell contents as shown is off, so text is text.
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
    const r = await run(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', outDir, output],
      150_000,
    );
    const files = await fs.readdir(outDir);
    // soffice exits 0 even when it could not load the file: the outputs must exist.
    expect({ files: files.length > 0, stderr: files.length > 0 ? '' : r.stderr }).toEqual({ files: true, stderr: '' });
    const occ = await occurrences();
    for (const sheet of report.sheets) {
      const file = files.find((f) => f === `inject-自查-${sheet}.csv`);
      expect({ sheet, file: file ?? null, files }).toEqual({ sheet, file: `inject-自查-${sheet}.csv`, files });
      const cells = parseCsv(await fs.readFile(path.join(outDir, file!), 'utf8')).flat();
      for (const t of occ.get(sheet) ?? []) {
        expect({ sheet, text: t, found: cells.includes(t) }).toEqual({ sheet, text: t, found: true });
      }
      if (sheet.startsWith('资源配置')) {
        for (const n of NAMES) expect({ sheet, name: n, found: cells.includes(n) }).toEqual({ sheet, name: n, found: true });
        // Evaluated, "-2+3" would read 1, "=1+1" 2, "=HYPERLINK(…)" x.
        expect(cells.filter((c) => c === 'x')).toEqual([]);
      }
    }
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
});
