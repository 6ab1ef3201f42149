/**
 * npm run bench [-- --json bench.json] [--scales 1,5,10] [--runs 7] [--cli-runs 3] [--web-runs 2] [--only engine,office,cli,marks,bundle,web]
 *
 * Generates county workbooks at 1×, 5× and 10× the size of a county (bench/generate.ts, fixed seed) and
 * measures: the engine against a bare scan of the same grids; the Office.js host's round trips on the strict
 * fake Excel against a naive add-in; `junheng check` end to end against ExcelJS's own read + write; the
 * ExcelJS host marking 5 % of 1 M cells; the task pane's initial JavaScript; and the web page (dist/check.html) on
 * the 10× workbook in Chromium, in its worker and from file://, against `junheng check` on the same file
 * (bench/web.ts; needs `npm run build` first). Prints a table, writes JSON.
 * Never part of `npm test`.
 */
import { spawn, spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { nationalStandard } from '../src/standard';
import { XlsxHost, loadWorkbook, saveWorkbook } from '../src/xlsx/host';
import { benchBundle, type BundleFigures } from './bundle';
import { benchCli, type CliFigures } from './cli';
import { benchEngine, type EngineFigures } from './engine';
import { buildCountyWorkbook, makePlan } from './generate';
import { benchOffice, type OfficeFigures } from './office';
import { benchWeb, type WebFigures } from './web';
import { nowMs } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');
const BUILD = path.join(ROOT, 'build-bench');
const SEED = 20221101;

interface Args {
  json?: string;
  scales: number[];
  runs: number;
  cliRuns: number;
  webRuns: number;
  only: Set<string>;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { scales: [1, 5, 10], runs: 7, cliRuns: 5, webRuns: 2, only: new Set(['engine', 'office', 'cli', 'marks', 'bundle', 'web']) };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    switch (argv[i]) {
      case '--json': a.json = v; i++; break;
      case '--scales': a.scales = v.split(',').map(Number); i++; break;
      case '--runs': a.runs = Number(v); i++; break;
      case '--cli-runs': a.cliRuns = Number(v); i++; break;
      case '--web-runs': a.webRuns = Number(v); i++; break;
      case '--only': a.only = new Set(v.split(',')); i++; break;
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return a;
}

const log = (s: string) => process.stderr.write(`${s}\n`);

function table(title: string, rows: object[]): void {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]);
  const cells = rows.map((r) => cols.map((c) => String((r as Record<string, unknown>)[c] ?? '')));
  const w = cols.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const line = (xs: string[]) => xs.map((x, i) => x.padStart(w[i])).join('  ');
  process.stdout.write(`\n${title}\n${line(cols)}\n${line(w.map((n) => '-'.repeat(n)))}\n${cells.map(line).join('\n')}\n`);
}

function childJson(script: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}')) : reject(new Error(`${script} exited ${code}: ${err.slice(0, 2000)}`))));
  });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const t0 = nowMs();
  const data = path.join(BUILD, 'data');
  const tmp = path.join(BUILD, 'tmp');
  await fs.mkdir(data, { recursive: true });
  await fs.mkdir(tmp, { recursive: true });
  const std = nationalStandard();

  const engine: EngineFigures[] = [];
  const office: OfficeFigures[] = [];
  const cli: CliFigures[] = [];
  const web: WebFigures[] = [];
  const workbooks: Record<string, unknown>[] = [];
  let marks: Record<string, unknown> | null = null;
  let bundle: BundleFigures = { taskpaneInitialGzipKb: null, note: 'not run' };
  const notes: string[] = [];

  if (args.only.has('cli') || args.only.has('web')) {
    log('building the CLI (npm run build:cli) …');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) notes.push(`npm run build:cli reported type errors (files emitted anyway): ${(r.stdout ?? '').split('\n')[0]}`);
  }

  for (const scale of args.scales) {
    const plan = makePlan(scale, SEED);
    let t = nowMs();
    const buf = await saveWorkbook(buildCountyWorkbook(scale, SEED, plan));
    const file = path.join(data, `county-x${scale}.xlsx`);
    await fs.writeFile(file, buf);
    const genMs = nowMs() - t;
    t = nowMs();
    const host = new XlsxHost(await loadWorkbook(buf));
    const grids = await host.readGrids((await host.listSheets()).filter((s) => s.state !== 'veryHidden').map((s) => s.name));
    workbooks.push({
      scale,
      schools: plan.schools.length,
      classes: plan.classCount,
      teachers: plan.teacherCount,
      bytes: buf.length,
      generateMs: Math.round(genMs),
      loadAndGridsMs: Math.round(nowMs() - t),
    });
    log(`×${scale}: ${plan.schools.length} schools, ${plan.classCount} classes, ${plan.teacherCount} teachers, ${(buf.length / 1e6).toFixed(1)} MB`);

    if (args.only.has('engine')) {
      log(`  engine ×${scale} …`);
      engine.push(await benchEngine(scale, grids, std, args.runs));
    }
    if (args.only.has('office')) {
      log(`  office ×${scale} …`);
      office.push(await benchOffice(scale, await loadWorkbook(buf), std));
    }
    if (args.only.has('cli')) {
      log(`  cli ×${scale} …`);
      cli.push(await benchCli(scale, file, ROOT, tmp, args.cliRuns));
    }
    if (args.only.has('web') && scale === Math.max(...args.scales)) {
      log(`  web page ×${scale} (dist/check.html in Chromium) …`);
      try {
        web.push(...(await benchWeb(scale, file, ROOT, path.join(ROOT, 'dist'), tmp, args.webRuns)));
      } catch (e) {
        notes.push(`web page not measured: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  if (args.only.has('marks')) {
    log('ExcelJS host: marking 5 % of 1 M cells …');
    marks = await childJson(path.join(__dirname, 'children', 'xlsx-marks.js'));
  }
  if (args.only.has('bundle')) {
    log('task pane bundle (webpack --mode production) …');
    bundle = benchBundle(ROOT, path.join(BUILD, 'dist'));
    if (bundle.note) notes.push(bundle.note);
  }

  table('Workbooks', workbooks);
  table('Engine (checkWorkbook on prebuilt grids vs a bare scan; medians)', engine);
  table('Office.js host on the strict fake Excel vs a naive add-in', office);
  table('junheng check (surgical host) vs ExcelJS read + write; the surgical host alone (open, grids, save) vs a plain SAX read (child processes; medians)', cli);
  table('均衡自查 · 网页版 (dist/check.html, Chromium) vs junheng check on the same file (medians; renderer peak RSS includes the worker thread)', web);
  if (marks) table('ExcelJS host: mark 5 % of 1 M cells (was test/xlsx/perf.test.ts)', [marks]);
  table('Task pane initial JavaScript (gzip -9)', [{ taskpaneInitialGzipKb: bundle.taskpaneInitialGzipKb, officeJsGzipKb: bundle.officeJsGzipKb ?? '' }]);
  for (const n of notes) process.stdout.write(`note: ${n}\n`);
  process.stdout.write(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs (other work on the machine adds noise; pairs are alternated so ratios suffer less)\n`);
  process.stdout.write(`\nbench took ${((nowMs() - t0) / 1000).toFixed(0)} s\n`);

  const report = {
    engine: engine.map(({ scale, cells, ms, cellsPerSec, bareScanMs, ratioToBareScan }) => ({ scale, cells, ms, cellsPerSec, bareScanMs, ratioToBareScan })),
    office: office.map(({ scale, syncs, maxRequestBytes, naiveSyncs }) => ({ scale, syncs, maxRequestBytes, naiveSyncs })),
    cli: cli.map(({ scale, ms, exceljsReadWriteMs, ratio, peakRssMb, exceljsPeakRssMb, hostMs, hostPeakRssMb, saxFloorMs, saxFloorPeakRssMb }) => ({ scale, ms, exceljsReadWriteMs, ratio, peakRssMb, exceljsPeakRssMb, hostMs, hostPeakRssMb, saxFloorMs, saxFloorPeakRssMb })),
    bundle: { taskpaneInitialGzipKb: bundle.taskpaneInitialGzipKb },
    web,
    details: { workbooks, engine, office, cli, xlsxMarks: marks, bundle, notes, node: process.version, cpus: os.cpus().length, loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 10) / 10), seed: SEED },
  };
  if (args.json) {
    await fs.writeFile(path.resolve(process.env.INIT_CWD ?? process.cwd(), args.json), `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${args.json}`);
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
