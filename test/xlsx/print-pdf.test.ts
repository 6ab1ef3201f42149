/**
 * The demo output (`junheng demo`, the surgical host) printed by LibreOffice to PDF: every summary sheet and
 * national table starts each of its pages with its title (print titles), has its first and its last column's header on
 * every page (nothing split across sheets of paper: its pages are driven by its rows only), prints in the
 * orientation its page setup says, and the 自查自评总表 takes one page. Skipped, with a message, only when
 * `soffice` or poppler (`pdfinfo`, `pdftotext`) is not installed.
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import type { SheetModel } from '../../src/report/model';
import { SUMMARY_SHEETS, OVERVIEW_SHEET } from '../../src/report/sheets';
import { openXlsx } from '../../src/xlsx/surgical';
import { runCheck } from '../../src/host/run';
import { nationalStandard } from '../../src/standard';

function run(cmd: string, args: string[], timeout = 280_000): Promise<{ ok: boolean; out: string }> {
  return new Promise((resolve) => execFile(cmd, args, { timeout, maxBuffer: 64 * 1024 * 1024 }, (e, out) => resolve({ ok: !e, out: String(out) })));
}

const strip = (s: string) => s.replace(/\s+/g, '');

/** The texts that must be on every page of a sheet: its first column's header and its last column's (or last code). */
function edges(m: SheetModel): [string, string] {
  const first = m.headerRows?.[0]?.[0] || m.columns[0].header;
  const last = m.codeRow?.[m.codeRow.length - 1] || m.columns[m.columns.length - 1].header;
  return [strip(first), strip(last)];
}

describe('the demo output printed by LibreOffice', () => {
  let dir: string;
  let tools = true;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'junheng-print-'));
    tools = (await run('soffice', ['--version'], 60_000)).ok && (await run('pdfinfo', ['-v'], 10_000)).ok;
    if (!tools) {
      console.log('跳过：本机没有 LibreOffice（soffice）或 poppler（pdfinfo、pdftotext），未检查打印分页。');
    }
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('prints each sheet one page wide, its title on every page, the 总表 on one page', async () => {
    if (!tools) return;
    const io = { out: () => undefined, err: () => undefined };
    expect(await main(['demo', '--dir', dir], io)).toBe(0);
    const file = path.join(dir, '示例县台账-自查.xlsx');
    // The models as the run wrote them (the same engine, the same ledgers).
    const again = await runCheck(openXlsx(await fs.readFile(file)), nationalStandard(), { workbook: '示例县台账.xlsx', date: new Date() });
    const models = again.sheets;
    expect(models.map((m) => m.name)).toEqual([...SUMMARY_SHEETS]);

    const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'junheng-lo-'));
    const conv = await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file]);
    await fs.rm(profile, { recursive: true, force: true });
    expect(conv.ok).toBe(true);
    const pdf = path.join(dir, '示例县台账-自查.pdf');
    const info = await run('pdfinfo', ['-f', '1', '-l', '9999', pdf]);
    const sizes = [...info.out.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({ page: Number(m[1]), landscape: Number(m[2]) > Number(m[3]) }));
    const pages = sizes.length;
    expect(pages).toBeGreaterThan(models.length);

    // Each page's text, and its top line as laid out: a summary sheet's page starts with the sheet's title.
    const owner: (SheetModel | null)[] = [];
    const texts: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const page = ['-f', String(p), '-l', String(p)];
      texts.push(strip((await run('pdftotext', [...page, '-raw', pdf, '-'])).out));
      const top = strip((await run('pdftotext', [...page, '-layout', pdf, '-'])).out.split('\n').find((l) => l.trim() !== '') ?? '');
      owner.push(models.find((m) => strip(m.title) === top) ?? null);
    }
    const counts = new Map<string, number[]>();
    owner.forEach((m, i) => {
      if (!m) return;
      const l = counts.get(m.name) ?? [];
      l.push(i);
      counts.set(m.name, l);
    });
    console.log(`打印页数（LibreOffice，共 ${pages} 页）：${models.map((m) => `${m.name} ${counts.get(m.name)?.length ?? 0}`).join('，')}`);

    const first = owner.findIndex((m) => m !== null);
    // From the first summary page on, every page belongs to a sheet: none without its title on top.
    expect(owner.slice(first).every((m) => m !== null)).toBe(true);
    for (const m of models) {
      const at = counts.get(m.name) ?? [];
      expect(at.length).toBeGreaterThan(0);
      // Its pages follow each other, in the sheets' order.
      expect(at[at.length - 1] - at[0] + 1).toBe(at.length);
      const [a, b] = edges(m);
      for (const i of at) {
        expect({ sheet: m.name, page: i + 1, first: texts[i].includes(a), last: texts[i].includes(b) }).toEqual({ sheet: m.name, page: i + 1, first: true, last: true });
        expect({ sheet: m.name, landscape: sizes[i].landscape }).toEqual({ sheet: m.name, landscape: m.print!.orientation === 'landscape' });
      }
      if (m.print!.onePage) expect({ sheet: m.name, pages: at.length }).toEqual({ sheet: m.name, pages: 1 });
    }
    expect(counts.get(OVERVIEW_SHEET)).toHaveLength(1);
  }, 300_000);
});
