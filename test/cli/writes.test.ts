/**
 * Issue 13: writes that cannot destroy. Outputs that are the input under another name are refused, file
 * errors are one Chinese sentence, and a failing disk leaves the input as it was (in process, through the
 * CLI's file-system seam). Killing a real process is test/cli/processes.test.ts.
 */
import * as nodeFs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { TEMP_FILE, writeFileAtomic, type Fs } from '../../src/cli/files';
import { demoWorkbookBytes } from '../../src/cli/workbook';

const fs = nodeFs.promises;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

/** One Chinese line on stderr: no English error text, no stack, no error code. */
function expectOneChineseLine(err: string[], pattern: RegExp): void {
  expect(err).toHaveLength(1);
  expect(err[0]).toMatch(/^均衡自查：/);
  expect(err[0]).toMatch(pattern);
  // The random temporary folder's name aside (mkdtemp may draw EABCD).
  const line = err[0].split(root).join('…');
  expect(line).not.toMatch(/[A-Za-z]{4,}:|\bat \S+ \(|no such file|permission denied|undefined|error/i);
  expect(line).not.toMatch(/\bE[A-Z]{3,}\b/);
}

let root: string;
let ledger: Buffer;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'junheng-writes-'));
  ledger = Buffer.from(await demoWorkbookBytes());
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

let n = 0;
/** A fresh folder holding 台账.xlsx (the demo ledger). */
async function folder(): Promise<{ dir: string; input: string }> {
  const dir = path.join(root, `case${++n}`);
  await fs.mkdir(path.join(dir, 'sub'), { recursive: true });
  const input = path.join(dir, '台账.xlsx');
  await fs.writeFile(input, ledger);
  return { dir, input };
}

async function listing(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).sort();
}

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fs.readFile(file)) as unknown as ArrayBuffer);
  return wb.worksheets.map((w) => w.name);
}

describe('an output that is the input is refused without --in-place', () => {
  const kinds: [string, (dir: string, input: string) => Promise<string>][] = [
    ['the same path', async (_dir, input) => input],
    ['the same file spelt differently (./sub/../)', async (dir) => `${dir}/./sub/../台账.xlsx`],
    ['a symlink to it', async (dir, input) => {
      const link = path.join(dir, 'sub', '链接.xlsx');
      await fs.symlink(input, link);
      return link;
    }],
    ['a hard link to it', async (dir, input) => {
      const link = path.join(dir, 'sub', '硬链接.xlsx');
      await fs.link(input, link);
      return link;
    }],
  ];

  it.each(kinds)('--out naming %s: exit 2, one Chinese line, nothing written', async (_kind, make) => {
    const { dir, input } = await folder();
    const out = await make(dir, input);
    const before = [await listing(dir), await listing(path.join(dir, 'sub'))];
    for (const command of ['check', 'clear']) {
      const c = capture();
      expect(await main([command, input, '--out', out], c.io)).toBe(2);
      expectOneChineseLine(c.err, /^均衡自查：不能写出「.*」：它(就是输入文件|通过符号链接指向输入文件|是输入文件的硬链接).*请加 --in-place.*原文件保持不变$/);
      expect(c.out).toEqual([]);
    }
    expect(Buffer.compare(await fs.readFile(input), ledger)).toBe(0);
    expect([await listing(dir), await listing(path.join(dir, 'sub'))]).toEqual(before);
  });

  it.each(kinds)('--json naming %s: refused, even with --in-place', async (_kind, make) => {
    const { dir, input } = await folder();
    const json = await make(dir, input);
    for (const extra of [[], ['--in-place']]) {
      const c = capture();
      expect(await main(['check', input, '--json', json, ...extra], c.io)).toBe(2);
      expectOneChineseLine(c.err, /^均衡自查：不能把 JSON 报告写到「.*」：它(就是输入文件|通过符号链接指向输入文件|是输入文件的硬链接).*请用 --json 另指定一个文件名/);
    }
    expect(Buffer.compare(await fs.readFile(input), ledger)).toBe(0);
    expect(await listing(dir)).toEqual(['sub', '台账.xlsx']);
  });

  it('the default target (台账-自查.xlsx) being a symlink to the input is refused too', async () => {
    const { dir, input } = await folder();
    await fs.symlink(input, path.join(dir, '台账-自查.xlsx'));
    const c = capture();
    expect(await main(['check', input], c.io)).toBe(2);
    expectOneChineseLine(c.err, /不能写出「.*台账-自查\.xlsx」：它通过符号链接指向输入文件/);
    expect(Buffer.compare(await fs.readFile(input), ledger)).toBe(0);
  });

  it('with --in-place, --out may name the input through a symlink: the file is checked, keeps its mode and owner, the link stays a link', async () => {
    const { dir, input } = await folder();
    const link = path.join(dir, 'sub', '链接.xlsx');
    await fs.symlink(input, link);
    await fs.chmod(input, 0o640);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) await fs.chown(input, 65534, 65534);
    const c = capture();
    expect(await main(['check', input, '--in-place', '--out', link], c.io)).toBe(0);
    if (asRoot) expect([(await fs.stat(input)).uid, (await fs.stat(input)).gid]).toEqual([65534, 65534]);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await sheetNames(input)).toEqual(expect.arrayContaining(['问题清单', '_junheng']));
    expect((await fs.stat(input)).mode & 0o777).toBe(0o640);
    expect(await listing(dir)).toEqual(['sub', '台账.xlsx']);
  });
});

describe('the JSON report never goes over a workbook', () => {
  it('refuses --json naming the workbook this run writes (given by --out, or the default name)', async () => {
    const { dir, input } = await folder();
    let c = capture();
    expect(await main(['check', input, '--out', path.join(dir, '结果.xlsx'), '--json', `${dir}/sub/../结果.xlsx`], c.io)).toBe(2);
    expectOneChineseLine(c.err, /不能把 JSON 报告写到「.*结果\.xlsx」：它就是本次要写出的工作簿「.*结果\.xlsx」/);
    c = capture();
    expect(await main(['check', input, '--json', path.join(dir, '台账-自查.xlsx')], c.io)).toBe(2);
    expectOneChineseLine(c.err, /它就是本次要写出的工作簿/);
    expect(await listing(dir)).toEqual(['sub', '台账.xlsx']);
  });

  it('refuses --json naming another existing workbook, whatever its extension', async () => {
    const { dir, input } = await folder();
    const other = path.join(dir, '去年.dat');
    await fs.writeFile(other, ledger);
    const c = capture();
    expect(await main(['check', input, '--json', other], c.io)).toBe(2);
    expectOneChineseLine(c.err, /不能把 JSON 报告写到「.*去年\.dat」：它是一个 Excel 工作簿/);
    expect(Buffer.compare(await fs.readFile(other), ledger)).toBe(0);
  });

  it('replaces an earlier JSON report', async () => {
    const { dir, input } = await folder();
    const json = path.join(dir, '报告.json');
    await fs.writeFile(json, '{"old":true}\n');
    expect(await main(['check', input, '--json', json], capture().io)).toBe(0);
    expect(Object.keys(JSON.parse(await fs.readFile(json, 'utf8')))).toContain('findings');
    expect((await listing(dir)).filter((f) => TEMP_FILE.test(f))).toEqual([]);
  });
});

describe('file-system errors are one Chinese sentence naming the file, exit 2', () => {
  it('ENOENT: a missing input, a missing standard file, an output folder that does not exist', async () => {
    const { dir, input } = await folder();
    let c = capture();
    expect(await main(['check', path.join(dir, '没有.xlsx')], c.io)).toBe(2);
    expectOneChineseLine(c.err, /^均衡自查：找不到或无法读取文件「.*没有\.xlsx」：文件不存在$/);
    c = capture();
    expect(await main(['check', input, '--standard', path.join(dir, '没有.json')], c.io)).toBe(2);
    expectOneChineseLine(c.err, /^均衡自查：找不到或无法读取标准文件「.*没有\.json」：文件不存在$/);
    for (const opt of ['--out', '--json']) {
      c = capture();
      expect(await main(['check', input, opt, path.join(dir, '没有的文件夹', 'x.out')], c.io)).toBe(2);
      expectOneChineseLine(c.err, /^均衡自查：无法写出「.*没有的文件夹\/x\.out」：所在的文件夹不存在；原文件保持不变$/);
    }
    expect(await listing(dir)).toEqual(['sub', '台账.xlsx']);
  });

  it('EISDIR: a folder given as the input, as --out, as --json', async () => {
    const { dir, input } = await folder();
    const sub = path.join(dir, 'sub');
    let c = capture();
    expect(await main(['check', sub], c.io)).toBe(2);
    expectOneChineseLine(c.err, /^均衡自查：找不到或无法读取文件「.*sub」：这是一个文件夹，不是文件$/);
    for (const opt of ['--out', '--json']) {
      c = capture();
      expect(await main(['check', input, opt, sub], c.io)).toBe(2);
      expectOneChineseLine(c.err, /^均衡自查：无法写出「.*sub」：这是一个文件夹，不是文件；原文件保持不变$/);
    }
    expect(await listing(sub)).toEqual([]);
  });

  it('ENOTDIR: an output under a file', async () => {
    const { input } = await folder();
    const c = capture();
    expect(await main(['check', input, '--out', path.join(input, 'x.xlsx')], c.io)).toBe(2);
    expectOneChineseLine(c.err, /^均衡自查：无法写出「.*台账\.xlsx\/x\.xlsx」：路径中有一级不是文件夹；原文件保持不变$/);
  });
});

/** Node's fs with one operation failing as the operating system would fail it. */
function failing(make: (real: Fs) => Partial<Fs>): Fs {
  return { ...nodeFs, ...make(nodeFs) } as Fs;
}

function osError(code: string, syscall: string, file?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated, ${syscall}${file ? ` '${file}'` : ''}`), { code, syscall, errno: -1, path: file });
}

describe('a disk that fails mid-write leaves the input as it was (--in-place)', () => {
  const cases: [string, RegExp, (real: Fs) => Partial<Fs>][] = [
    // Half the bytes go down, then the disk is full.
    ['ENOSPC while writing', /磁盘空间已满/, (real) => ({
      write: ((fd: number, buf: Uint8Array, off: number, len: number, pos: null, done: (e: NodeJS.ErrnoException | null, n?: number) => void) => {
        if (len > 1000) real.write(fd, buf, off, Math.floor(len / 2), pos, done);
        else done(osError('ENOSPC', 'write'));
      }) as unknown as Fs['write'],
    })],
    ['EIO on fsync', /磁盘读写出错/, () => ({ fsync: ((_fd: number, done: (e: NodeJS.ErrnoException) => void) => done(osError('EIO', 'fsync'))) as unknown as Fs['fsync'] })],
    ['EROFS when creating the temporary file', /所在的磁盘或文件夹是只读的/, () => ({ openSync: ((f: string) => { throw osError('EROFS', 'open', f); }) as unknown as Fs['openSync'] })],
    ['EACCES on the rename', /没有写入权限/, (real) => ({
      promises: { ...real.promises, rename: async (a: nodeFs.PathLike) => { throw osError('EACCES', 'rename', String(a)); } } as Fs['promises'],
    })],
  ];

  it.each(cases)('%s: exit 2, one Chinese line, the input byte for byte, no temporary file left', async (_name, reason, make) => {
    const { dir, input } = await folder();
    const c = capture();
    expect(await main(['check', input, '--in-place'], c.io, { fs: failing(make) })).toBe(2);
    expect(c.err).toHaveLength(1);
    expectOneChineseLine(c.err, new RegExp(`^均衡自查：无法写出「${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}」：${reason.source}；原文件保持不变$`));
    expect(Buffer.compare(await fs.readFile(input), ledger)).toBe(0);
    expect(await listing(dir)).toEqual(['sub', '台账.xlsx']);
  });

  it('a failing JSON write after an --in-place workbook does not claim the input is unchanged', async () => {
    const { dir, input } = await folder();
    const json = path.join(dir, '报告.json');
    const fsx = failing((real) => ({
      openSync: ((f: string, ...rest: unknown[]) => {
        // The second temporary file is the JSON's.
        if (TEMP_FILE.test(path.basename(f)) && ++opened === 2) throw osError('ENOSPC', 'open', f);
        return (real.openSync as (...a: unknown[]) => number)(f, ...rest);
      }) as unknown as Fs['openSync'],
    }));
    let opened = 0;
    const c = capture();
    expect(await main(['check', input, '--in-place', '--json', json], c.io, { fs: fsx })).toBe(2);
    expectOneChineseLine(c.err, /^均衡自查：无法写出「.*报告\.json」：磁盘空间已满$/);
    expect(c.out).toContain(`已写出：${input}（新增工作表：资源配置达标情况、校际差异系数、问题清单、补短板清单、整改进度、政府保障程度、教育质量、社会认可度、自查自评总表、核查清单、表Ⅰ 基本情况、表Ⅱ-1 资源配置、表Ⅱ-2 资源配置（分学校）、表Ⅲ 校际均衡、表Ⅳ 政府保障程度、表Ⅴ 教育质量、表Ⅵ 社会认可度）`);
    expect(await sheetNames(input)).toContain('问题清单');
    expect(await listing(dir)).toEqual(['sub', '台账.xlsx']);
  });
});

describe('--in-place touches the input once: a rename onto it of a temporary file already fsynced', () => {
  it('records every file-system call naming the input or a temporary file', async () => {
    const { dir, input } = await folder();
    const calls: string[] = [];
    const fdNames = new Map<number, string>();
    const name = (p: unknown) => (typeof p === 'string' ? (path.resolve(p) === input ? 'INPUT' : TEMP_FILE.test(path.basename(p)) ? 'TEMP' : null) : null);
    const spy = <T extends (...a: never[]) => unknown>(label: string, f: T): T =>
      ((...a: Parameters<T>) => {
        const named = (a as unknown[]).map((x) => (typeof x === 'number' ? fdNames.get(x) ?? null : name(x))).filter((x) => x !== null);
        if (named.length) calls.push(`${label}(${named.join(',')})`);
        if ((label === 'close' || label === 'closeSync') && typeof a[0] === 'number') fdNames.delete(a[0]);
        const r = f(...a);
        if (label === 'openSync') {
          const n = name(a[0]);
          if (n) fdNames.set(r as number, n);
          else fdNames.delete(r as number);
        }
        return r;
      }) as T;
    const real = nodeFs;
    const promises = Object.fromEntries(Object.entries(real.promises).map(([k, v]) => [k, typeof v === 'function' ? spy(`promises.${k}`, v.bind(real.promises)) : v]));
    const fsx: Record<string, unknown> = Object.fromEntries(Object.entries(real).map(([k, v]) => [k, typeof v === 'function' ? spy(k, v as (...a: never[]) => unknown) : v]));
    fsx.promises = promises;
    expect(await main(['check', input, '--in-place'], capture().io, { fs: fsx as unknown as Fs })).toBe(0);
    const writes = calls.filter((c) => !/^(promises\.)?(stat|lstat|realpath|readFile)\(INPUT\)$/.test(c));
    expect(writes).toEqual(['openSync(TEMP)', 'fchmod(TEMP)', 'write(TEMP)', 'fsync(TEMP)', 'close(TEMP)', 'promises.rename(TEMP,INPUT)']);
    // Reads of the input all come before the first temporary file.
    expect(calls.slice(calls.indexOf('openSync(TEMP)')).filter((c) => c.includes('INPUT'))).toEqual(['promises.rename(TEMP,INPUT)']);
    expect(await listing(dir)).toEqual(['sub', '台账.xlsx']);
  });
});

describe('SIGINT/SIGTERM during a write', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s removes the temporary file and leaves the target as it was', async (signal) => {
    const { dir, input } = await folder();
    let release: () => void = () => undefined;
    const written = new Promise<void>((resolve) => (release = resolve));
    let writing: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (writing = resolve));
    // A write that hangs until released, as a slow disk would.
    const fsx = failing((real) => ({
      write: ((fd: number, buf: Uint8Array, off: number, len: number, pos: null, done: (e: NodeJS.ErrnoException | null, n?: number) => void) => {
        writing();
        void written.then(() => real.write(fd, buf, off, len, pos, done));
      }) as unknown as Fs['write'],
    }));
    const baseline = process.listenerCount(signal);
    // Someone else listening keeps the handler from re-raising the signal (which would end this test process).
    const keepAlive = () => undefined;
    process.on(signal, keepAlive);
    try {
      const result = writeFileAtomic(fsx, input, Buffer.from('new bytes'), { inputKept: true }).then(
        () => 'written',
        (e: Error) => e.message,
      );
      await started;
      expect((await listing(dir)).filter((f) => TEMP_FILE.test(f))).toHaveLength(1);
      process.emit(signal, signal);
      expect(await listing(dir)).toEqual(['sub', '台账.xlsx']);
      release();
      // The rename of the removed temporary file then fails; the target is untouched.
      expect(await result).toMatch(/^无法写出「.*台账\.xlsx」：.*；原文件保持不变$/);
      expect(Buffer.compare(await fs.readFile(input), ledger)).toBe(0);
      expect(await listing(dir)).toEqual(['sub', '台账.xlsx']);
    } finally {
      process.off(signal, keepAlive);
    }
    expect(process.listenerCount(signal)).toBe(baseline);
  });
});
