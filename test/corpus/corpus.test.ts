/**
 * The corpus through the real CLI entry, in process: `main(['check', file, '--json', …], io)`.
 * Every case: no exception escapes, no stack trace is printed, every line the user sees is Chinese, and the
 * case's own outcome (a positioned finding, a refusal with exit 2 and nothing written, or a normal run).
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { loadWorkbook } from '../../src/xlsx/host';
import { CASES, type JsonReportLike, type RunContext } from './cases';

jest.setTimeout(300_000);

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'junheng-corpus-'));
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const CJK = /[\u3400-\u9fff]/;
const STACK = /^\s+at\s|\n\s+at\s|(?:Type|Reference|Range|Syntax)?Error:|\[object Object\]|\bundefined\b|\bNaN\b/;

function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as unknown;
  if (!n) return '';
  if (typeof n === 'string') return n;
  return ((n as { texts?: { text: string }[] }).texts ?? []).map((t) => t.text).join('');
}

test('the corpus has at least 40 cases with unique ids', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(40);
  expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
});

describe.each(CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
  it(c.title, async () => {
    const dir = path.join(root, c.id);
    await fs.mkdir(dir);
    const input = path.join(dir, c.file);
    await fs.writeFile(input, await c.build());
    const inputBytes = await fs.readFile(input);
    const json = path.join(dir, 'report.json');
    const before = (await fs.readdir(dir)).sort();

    const out: string[] = [];
    const err: string[] = [];
    let code: number;
    try {
      code = await main(['check', input, '--json', json, ...(c.args ?? []).map((a) => a.replace('{dir}', dir))], {
        out: (l) => out.push(l),
        err: (l) => err.push(l),
      });
    } catch (e) {
      throw new Error(`an exception escaped main(): ${e instanceof Error ? e.stack : String(e)}`);
    }

    // Everything the user sees: no stack, no JS words, Chinese.
    for (const line of [...out, ...err]) {
      expect(line).not.toMatch(STACK);
      expect(line).toMatch(CJK);
    }
    for (const line of err) expect(line).toMatch(/^(均衡自查：|注意：)/);
    // The input is never changed.
    expect(Buffer.compare(await fs.readFile(input), inputBytes)).toBe(0);

    const e = c.expect;
    if (e.kind === 'refuse') {
      expect({ code, err }).toEqual({ code: 2, err: [expect.stringMatching(e.error)] });
      expect((await fs.readdir(dir)).sort()).toEqual(before);
      return;
    }

    expect({ code, err: err.filter((l) => !e.warn || !e.warn.test(l)) }).toEqual({ code: 0, err: [] });
    if (e.warn) expect(err.some((l) => e.warn!.test(l))).toBe(true);
    const outputName = e.outputName ?? `${path.basename(c.file, path.extname(c.file))}-自查.xlsx`;
    const outputPath = path.join(dir, outputName);
    expect((await fs.readdir(dir)).sort()).toEqual([...before, outputName, 'report.json'].sort());
    const report = JSON.parse(await fs.readFile(json, 'utf8')) as JsonReportLike;
    const output = await loadWorkbook(await fs.readFile(outputPath));
    const ctx: RunContext = { out, err, report, output, outputPath, inputPath: input, dir };

    // The summary sheets are there, and nothing in them is a formula.
    for (const name of report.sheets) {
      const ws = output.getWorksheet(name);
      expect(ws).toBeDefined();
      ws!.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeFalsy()));
    }
    for (const f of e.findings ?? []) {
      const hit = report.findings.filter((x) => x.sheet === f.sheet && x.cell === f.cell);
      expect({ at: `${f.sheet}!${f.cell}`, messages: hit.map((x) => x.message) }).toEqual({
        at: `${f.sheet}!${f.cell}`,
        messages: expect.arrayContaining([expect.stringMatching(f.message)]),
      });
      expect(noteText(output.getWorksheet(f.sheet)!.getCell(f.cell))).toMatch(f.message);
    }
    for (const a of e.absent ?? []) {
      expect(report.findings.filter((x) => x.sheet === a.sheet && x.cell === a.cell).map((x) => x.message)).toEqual([]);
    }
    await e.check?.(ctx);
  });
});
