/**
 * Issue 13 against the real command, in child processes: the `junheng` binary is compiled once into
 * test-artifacts/ and run as a user would run it.
 *
 * - Killing `check --in-place` at any moment leaves the ledger byte-identical or the complete checked
 *   workbook (never empty, never a partial zip), and SIGTERM/SIGINT leave no temporary file. The command
 *   runs on a simulated slow disk (slow-disk.js) so that kills land in the middle of writes too.
 * - A real EACCES (the command run without root's power to ignore file permissions, when the tests run as
 *   root) is one Chinese line.
 */
import { execFileSync, spawn } from 'child_process';
import * as nodeFs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { TEMP_FILE } from '../../src/cli/files';
import { demoWorkbookBytes } from '../../src/cli/workbook';

const fs = nodeFs.promises;
const repo = path.resolve(__dirname, '..', '..');

let built: string;
let bin: string;
let root: string;
let ledger: Buffer;

beforeAll(async () => {
  await fs.mkdir(path.join(repo, 'test-artifacts'), { recursive: true });
  built = await fs.mkdtemp(path.join(repo, 'test-artifacts', 'junheng-cli-'));
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(repo, 'tsconfig.cli.json'), '--outDir', path.join(built, 'lib')], { stdio: 'pipe' });
  await fs.mkdir(path.join(built, 'bin'));
  bin = path.join(built, 'bin', 'junheng.js');
  await fs.copyFile(path.join(repo, 'bin', 'junheng.js'), bin);
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'junheng-proc-'));
  ledger = Buffer.from(await demoWorkbookBytes());
}, 300_000);

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
  await fs.rm(built, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * As root every permission check passes. The command then runs under util-linux's setpriv with the two
 * capabilities that bypass file permissions dropped from its bounding set: still root, so it can reach the
 * repository and node_modules wherever the clone is (a user such as nobody cannot pass a 0700 parent), but
 * the kernel refuses a 000 file or a 555 folder for real.
 */
const SETPRIV = ['--bounding-set', '-dac_override,-dac_read_search'];

function start(args: string[], cwd: string, extra: { unprivileged?: boolean; slowDisk?: boolean } = {}) {
  const node = extra.slowDisk ? ['-r', path.join(__dirname, 'slow-disk.js')] : [];
  const argv = [...node, bin, ...args];
  const child = extra.unprivileged ? spawn('setpriv', [...SETPRIV, process.execPath, ...argv], { cwd, stdio: ['ignore', 'pipe', 'pipe'] }) : spawn(process.execPath, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fs.readFile(file)) as unknown as ArrayBuffer);
  return wb.worksheets.map((w) => w.name);
}

let n = 0;
async function folder(mode = 0o755): Promise<string> {
  const dir = path.join(root, `p${++n}`);
  await fs.mkdir(dir);
  await fs.writeFile(path.join(dir, '台账.xlsx'), ledger);
  await fs.chmod(dir, mode);
  return dir;
}

describe('killing check --in-place', () => {
  it('at any moment leaves the ledger untouched or the complete checked workbook', async () => {
    // A run to the end: the checked workbook's sheets, and roughly how long a run takes (to spread the kills).
    const ref = await folder();
    const t0 = Date.now();
    const full = await start(['check', '台账.xlsx', '--in-place'], ref, { slowDisk: true }).done;
    const duration = Date.now() - t0;
    expect(full).toMatchObject({ code: 0, signal: null });
    const checked = await sheetNames(path.join(ref, '台账.xlsx'));
    expect(checked).toEqual(expect.arrayContaining(['问题清单', '_junheng']));

    const SIGNALS: NodeJS.Signals[] = ['SIGKILL', 'SIGTERM', 'SIGINT'];
    const AFTER_WRITE_BEGINS = [0, 2, 10, 40];
    const TRIALS = 8;
    const seen = { untouched: 0, complete: 0 };
    for (let i = 0; i < TRIALS; i++) {
      const dir = await folder();
      const input = path.join(dir, '台账.xlsx');
      const signal = SIGNALS[Math.floor(i / 2) % SIGNALS.length];
      const run = start(['check', '台账.xlsx', '--in-place'], dir, { slowDisk: true });
      let timer: NodeJS.Timeout | undefined;
      let watcher: nodeFs.FSWatcher | undefined;
      const kill = () => run.child.kill(signal);
      if (i % 2 === 0) {
        // Anywhere in the run, from start-up to the end.
        timer = setTimeout(kill, Math.round((duration * (i + 1)) / TRIALS));
      } else {
        // Just after the command first changes anything in the folder (whatever it writes first).
        watcher = nodeFs.watch(dir, () => {
          watcher?.close();
          timer = setTimeout(kill, AFTER_WRITE_BEGINS[Math.floor(i / 2) % AFTER_WRITE_BEGINS.length]);
        });
      }
      const result = await run.done;
      watcher?.close();
      if (timer) clearTimeout(timer);

      const bytes = await fs.readFile(input);
      const context = `trial ${i}: ${signal}, exit ${result.code ?? result.signal}, ${bytes.length} bytes`;
      if (Buffer.compare(bytes, ledger) === 0) {
        expect({ context, finished: result.code === 0 }).toEqual({ context, finished: false });
        seen.untouched++;
      } else {
        // Not the original: then it must be the whole checked workbook (a partial zip does not load).
        const names = await sheetNames(input).catch((e: Error) => [`unreadable: ${e.message}`]);
        expect({ context, names }).toEqual({ context, names: checked });
        seen.complete++;
      }
      const left = (await fs.readdir(dir)).filter((f) => f !== '台账.xlsx');
      // SIGKILL cannot be caught: it may leave the hidden temporary file, and nothing else.
      if (signal === 'SIGKILL') expect({ context, left: left.filter((f) => !TEMP_FILE.test(f)) }).toEqual({ context, left: [] });
      else expect({ context, left }).toEqual({ context, left: [] });
    }
    expect(seen.untouched + seen.complete).toBe(TRIALS);
  }, 300_000);
});

describe('a real EACCES', () => {
  const asUser = { unprivileged: process.getuid?.() === 0 };

  it('an unreadable input, an unwritable folder: one Chinese line naming the file, exit 2, nothing changed', async () => {
    const dir = await folder(0o777);
    await fs.chmod(path.join(dir, '台账.xlsx'), 0o000);
    let r = await start(['check', '台账.xlsx'], dir, asUser).done;
    expect(r).toEqual({ code: 2, signal: null, stdout: '', stderr: '均衡自查：找不到或无法读取文件「台账.xlsx」：没有读取权限\n' });

    const locked = await folder(0o555);
    for (const args of [['check', '台账.xlsx'], ['check', '台账.xlsx', '--in-place'], ['clear', '台账.xlsx', '--in-place']]) {
      r = await start(args, locked, asUser).done;
      const target = args.includes('--in-place') ? '台账.xlsx' : '台账-自查.xlsx';
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`均衡自查：无法写出「${target}」：没有写入权限；原文件保持不变\n`);
    }
    r = await start(['check', '台账.xlsx', '--out', path.join(dir, '结果.xlsx'), '--json', '报告.json'], locked, asUser).done;
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('均衡自查：无法写出「报告.json」：没有写入权限；原文件保持不变\n');
    expect(await fs.readdir(locked)).toEqual(['台账.xlsx']);
    expect(Buffer.compare(await fs.readFile(path.join(locked, '台账.xlsx')), ledger)).toBe(0);
  }, 300_000);
});
