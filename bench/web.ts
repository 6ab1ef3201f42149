/**
 * 均衡自查 · 网页版 (dist/check.html) on the same workbook as `junheng check`: Debian's Chromium through
 * playwright-core, the page served by a plain node http server (so the engine runs in its Web Worker) and
 * opened from file:// (the engine in the page). Per run a fresh browser; figures:
 *  - pickMs: setInputFiles → 台账识别 shown (the page reads every sheet once to list the ledgers);
 *  - checkMs: 开始自查 → 下载结果 shown (read, check, mark, summary, save: what `junheng check` does after
 *    node's start-up), and the longest gap between two animation frames meanwhile;
 *  - peak RSS of the page's renderer process (VmHWM from /proc: the worker is a thread of it), the browser's
 *    own processes left out; and, from file://, the page's JS heap (performance.memory, sampled).
 * Against it: `node bin/junheng.js check file --out …` wall time and peak RSS (/usr/bin/time -f %M).
 */
import { spawn } from 'child_process';
import { existsSync, readFileSync, readdirSync } from 'fs';
import * as http from 'http';
import * as path from 'path';
import { median, nowMs, round } from './stats';

export interface WebFigures {
  scale: number;
  mode: 'worker (http)' | 'page (file://)';
  pickMs: number;
  checkMs: number;
  longestFrameGapMs: number;
  rendererPeakRssMb: number;
  jsHeapPeakMb: number | null;
  cliMs: number;
  cliPeakRssMb: number;
  checkVsCli: number;
  rssVsCli: number;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function serve(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const file = path.normalize(path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!file.startsWith(dir + path.sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve({ origin: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

/** Peak RSS (VmHWM, MB) of the renderer processes descended from the browser started with `marker` in its arguments. */
function rendererPeakMb(marker: string): number {
  const parent = new Map<number, number>();
  const cmd = new Map<number, string>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      cmd.set(Number(d), readFileSync(`/proc/${d}/cmdline`, 'utf8'));
    } catch {
      // gone
    }
  }
  const roots = new Set([...cmd].filter(([, c]) => c.includes(marker)).map(([p]) => p));
  const under = (p: number): boolean => {
    for (let q = parent.get(p); q !== undefined && q > 1; q = parent.get(q)) if (roots.has(q)) return true;
    return false;
  };
  let peak = 0;
  for (const [p, c] of cmd) {
    if (!c.includes('--type=renderer') || !under(p)) continue;
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
    } catch {
      // gone
    }
  }
  return peak;
}

async function pageRun(dist: string, file: string, mode: WebFigures['mode']): Promise<{ pickMs: number; checkMs: number; gap: number; rss: number; heap: number | null }> {
  const { chromium } = await import('playwright-core');
  const server = mode === 'worker (http)' ? await serve(dist) : null;
  // an argument Chromium ignores, to find its processes in /proc
  const marker = `--junheng-bench=${process.pid}-${Math.random().toString(36).slice(2)}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...ARGS, '--enable-precise-memory-info', marker] });
  try {
    const page = await browser.newPage();
    await page.goto(server ? `${server.origin}/check.html` : `file://${dist}/check.html`);
    await page.getByTestId('drop').waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { __b: { gap: number; last: number; heap: number; on: boolean } };
      w.__b = { gap: 0, last: performance.now(), heap: 0, on: true };
      const mem = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
      const loop = (t: number) => {
        const b = w.__b;
        if (!b.on) return;
        b.gap = Math.max(b.gap, t - b.last);
        b.last = t;
        b.heap = Math.max(b.heap, mem());
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
      // the in-page engine blocks frames: sample the heap from timers too
      const tick = () => {
        if (!w.__b.on) return;
        w.__b.heap = Math.max(w.__b.heap, mem());
        setTimeout(tick, 50);
      };
      tick();
    });
    let t = nowMs();
    await page.getByTestId('file').setInputFiles(file);
    await page.getByTestId('ledgers').waitFor({ timeout: 900_000 });
    const pickMs = nowMs() - t;
    // the gap of the pick is not the check's
    await page.evaluate(() => {
      const b = (window as unknown as { __b: { gap: number; last: number } }).__b;
      b.gap = 0;
      b.last = performance.now();
    });
    t = nowMs();
    await page.getByTestId('check').click();
    await page.getByTestId('download').waitFor({ timeout: 900_000 });
    const checkMs = nowMs() - t;
    const b = await page.evaluate(() => {
      const x = (window as unknown as { __b: { gap: number; heap: number; on: boolean } }).__b;
      x.on = false;
      return { gap: x.gap, heap: x.heap };
    });
    const rss = rendererPeakMb(marker);
    return { pickMs, checkMs, gap: b.gap, rss, heap: b.heap ? b.heap / 1048576 : null };
  } finally {
    await browser.close();
    await server?.close();
  }
}

function cliRun(root: string, file: string, out: string, tmp: string): Promise<{ ms: number; rssMb: number }> {
  const rssFile = path.join(tmp, `web-cli-rss-${process.pid}.txt`);
  const t0 = nowMs();
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', rssFile, process.execPath, path.join(root, 'bin', 'junheng.js'), 'check', file, '--out', out], { cwd: root, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = nowMs() - t0;
      if (code !== 0) return reject(new Error(`junheng check exited ${code}`));
      const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
      resolve({ ms, rssMb: kb / 1024 });
    });
  });
}

/** The page's figures on `file` (a workbook of `scale`), medians of `runs`, and the CLI's on the same file. */
export async function benchWeb(scale: number, file: string, root: string, dist: string, tmp: string, runs: number): Promise<WebFigures[]> {
  if (!existsSync(path.join(dist, 'check.html')) || !readdirSync(dist).some((f) => f.endsWith('.js'))) throw new Error(`${dist}/check.html missing (npm run build)`);
  const cli: { ms: number; rssMb: number }[] = [];
  const out: WebFigures[] = [];
  for (const mode of ['worker (http)', 'page (file://)'] as const) {
    const r: Awaited<ReturnType<typeof pageRun>>[] = [];
    for (let i = 0; i < runs; i++) {
      r.push(await pageRun(dist, file, mode));
      cli.push(await cliRun(root, file, path.join(tmp, `web-cli-x${scale}.xlsx`), tmp));
    }
    const cliMs = median(cli.map((c) => c.ms));
    const cliRss = median(cli.map((c) => c.rssMb));
    const checkMs = median(r.map((x) => x.checkMs));
    const rss = median(r.map((x) => x.rss));
    const heaps = r.map((x) => x.heap).filter((h): h is number => h !== null && h > 0);
    out.push({
      scale,
      mode,
      pickMs: Math.round(median(r.map((x) => x.pickMs))),
      checkMs: Math.round(checkMs),
      longestFrameGapMs: Math.round(Math.max(...r.map((x) => x.gap))),
      rendererPeakRssMb: Math.round(rss),
      jsHeapPeakMb: mode === 'page (file://)' && heaps.length ? Math.round(median(heaps)) : null,
      cliMs: Math.round(cliMs),
      cliPeakRssMb: Math.round(cliRss),
      checkVsCli: round(checkMs / cliMs, 2),
      rssVsCli: round(rss / cliRss, 2),
    });
  }
  return out;
}
