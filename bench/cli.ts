/**
 * The command line end to end: `node bin/junheng.js check in.xlsx --out out.xlsx` as a child process,
 * against a child that only reads and writes the same file with ExcelJS; and the surgical .xlsx host alone
 * (open, read every sheet's grid, save) against a plain SAX read of the same file (inflate + decode + saxes,
 * nothing kept: the floor). Wall time from spawn to exit
 * (node start-up included on both sides) and peak RSS (`/usr/bin/time -f %M`, else the child's
 * process.resourceUsage().maxRSS through a preloaded hook).
 */
import { spawn } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { alternate, median, nowMs, round } from './stats';

export interface CliFigures {
  scale: number;
  ms: number;
  exceljsReadWriteMs: number;
  ratio: number;
  peakRssMb: number;
  exceljsPeakRssMb: number;
  rssRatio: number;
  /** The surgical host alone: open, grids of every sheet, save. */
  hostMs: number;
  hostPeakRssMb: number;
  /** A plain SAX read of the shared strings and every worksheet. */
  saxFloorMs: number;
  saxFloorPeakRssMb: number;
}

const TIME = '/usr/bin/time';

interface ChildRun {
  ms: number;
  rssMb: number;
}

async function runChild(args: string[], cwd: string, tmp: string): Promise<ChildRun> {
  const rssFile = path.join(tmp, `rss-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  const useTime = existsSync(TIME);
  const hook = path.join(__dirname, 'children', 'rss-hook.js');
  const cmd = useTime ? TIME : process.execPath;
  const argv = useTime ? ['-f', '%M', '-o', rssFile, process.execPath, ...args] : ['-r', hook, ...args];
  const t0 = nowMs();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd, env: { ...process.env, BENCH_RSS_FILE: rssFile }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c, stderr: err }));
  });
  const ms = nowMs() - t0;
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(0, 2000)}`);
  const text = (await fs.readFile(rssFile, 'utf8')).trim().split('\n').pop() ?? '';
  await fs.rm(rssFile, { force: true });
  return { ms, rssMb: Number(text) / 1024 };
}

export async function benchCli(scale: number, input: string, root: string, tmp: string, runs: number): Promise<CliFigures> {
  const outCheck = path.join(tmp, `check-x${scale}.xlsx`);
  const outRw = path.join(tmp, `rw-x${scale}.xlsx`);
  const rw = path.join(__dirname, 'children', 'exceljs-rw.js');
  const check = () => runChild([path.join(root, 'bin', 'junheng.js'), 'check', input, '--out', outCheck], root, tmp);
  const copy = () => runChild([rw, input, outRw], root, tmp);
  const host = () => runChild([path.join(__dirname, 'children', 'surgical-rw.js'), input, outRw], root, tmp);
  const floor = () => runChild([path.join(__dirname, 'children', 'sax-floor.js'), input], root, tmp);
  // Warm the file cache once on each side.
  await check();
  await copy();
  const a: ChildRun[] = [];
  const b: ChildRun[] = [];
  await alternate(
    runs,
    async () => {
      const r = await check();
      a.push(r);
      return r.ms;
    },
    async () => {
      const r = await copy();
      b.push(r);
      return r.ms;
    },
  );
  const h: ChildRun[] = [];
  const f: ChildRun[] = [];
  await host();
  await alternate(
    runs,
    async () => {
      const r = await host();
      h.push(r);
      return r.ms;
    },
    async () => {
      const r = await floor();
      f.push(r);
      return r.ms;
    },
  );
  const ms = median(a.map((r) => r.ms));
  const base = median(b.map((r) => r.ms));
  const rss = median(a.map((r) => r.rssMb));
  const rssBase = median(b.map((r) => r.rssMb));
  return {
    scale,
    ms: Math.round(ms),
    exceljsReadWriteMs: Math.round(base),
    ratio: round(ms / base, 2),
    peakRssMb: Math.round(rss),
    exceljsPeakRssMb: Math.round(rssBase),
    rssRatio: round(rss / rssBase, 2),
    hostMs: Math.round(median(h.map((r) => r.ms))),
    hostPeakRssMb: Math.round(median(h.map((r) => r.rssMb))),
    saxFloorMs: Math.round(median(f.map((r) => r.ms))),
    saxFloorPeakRssMb: Math.round(median(f.map((r) => r.rssMb))),
  };
}
