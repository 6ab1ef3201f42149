/**
 * The command's file system: every read and write of the CLI goes through an `Fs` (Node's fs module by
 * default, a wrapper in tests), every write is atomic, and every file-system error becomes one Chinese
 * sentence naming the file.
 *
 * A write goes to a temporary file in the target's folder, is fsynced, then renamed over the target, so the
 * target (the input itself under --in-place) is at every moment either its old bytes or the complete new
 * file. The temporary file is removed when the write fails and on SIGINT/SIGTERM/SIGHUP (a SIGKILL can
 * leave it behind; it is hidden and never the target).
 */
import * as nodeFs from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';

export type Fs = typeof nodeFs;

/** A file the command cannot read or write: `message` is one Chinese sentence naming it (exit 2). */
export class FileError extends Error {
  readonly userMessage = true;
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'FileError';
  }
}

type Op = 'read' | 'write';

const REASONS: Record<string, string | Record<Op, string>> = {
  ENOENT: { read: '文件不存在', write: '所在的文件夹不存在' },
  EACCES: { read: '没有读取权限', write: '没有写入权限' },
  EPERM: { read: '没有读取权限', write: '没有写入权限（或文件被设为不可修改）' },
  EISDIR: '这是一个文件夹，不是文件',
  ENOTDIR: '路径中有一级不是文件夹',
  ENOSPC: '磁盘空间已满',
  EDQUOT: '磁盘配额已用完',
  EROFS: '所在的磁盘或文件夹是只读的',
  EEXIST: '同名文件已存在',
  ENAMETOOLONG: '文件名或路径太长',
  ELOOP: '符号链接层数过多（可能首尾相连）',
  EBUSY: '文件正被其他程序占用',
  ETXTBSY: '文件正被其他程序占用',
  EMFILE: '同时打开的文件太多',
  ENFILE: '同时打开的文件太多',
  EIO: '磁盘读写出错',
  EINVAL: '文件名或路径无效',
  EFBIG: '文件太大',
  EXDEV: '不能跨磁盘改名',
};

/**
 * Whether `e` is an error of Node's file system (it has a code such as ENOENT and a syscall). Duck-typed:
 * such errors may come from another realm (a test's vm context), where `instanceof Error` is false.
 */
export function isFsError(e: unknown): e is NodeJS.ErrnoException {
  const x = e as { code?: unknown; syscall?: unknown; message?: unknown } | null;
  return typeof x === 'object' && x !== null && typeof x.code === 'string' && /^E[A-Z0-9]+$/.test(x.code) && typeof x.syscall === 'string';
}

/** The Chinese reason for a file-system error (never its English text). */
export function reasonOf(e: unknown, op: Op): string {
  const r = REASONS[codeOf(e) ?? ''];
  if (typeof r === 'string') return r;
  if (r) return r[op];
  return op === 'read' ? '系统无法读取它' : '系统无法写入它';
}

function codeOf(e: unknown): string | undefined {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

export function readError(file: string, e: unknown, what = '文件'): FileError {
  return new FileError(`找不到或无法读取${what}「${file}」：${reasonOf(e, 'read')}`, codeOf(e));
}

export function writeError(file: string, e: unknown, inputKept: boolean): FileError {
  return new FileError(`无法写出「${file}」：${reasonOf(e, 'write')}${inputKept ? '；原文件保持不变' : ''}`, codeOf(e));
}

export function folderError(dir: string, e: unknown): FileError {
  return new FileError(`无法创建文件夹「${dir}」：${reasonOf(e, 'write')}`, codeOf(e));
}

/** A file-system error that escaped the command's own handling, as one sentence (the safety net of main). */
export function fsErrorSentence(e: NodeJS.ErrnoException): string {
  const reading = ['open', 'read', 'stat', 'lstat', 'fstat', 'scandir', 'readlink', 'realpath', 'access'].includes(e.syscall ?? '');
  const file = e.path ?? (e as { dest?: string }).dest;
  return `${file ? `文件「${file}」` : '文件'}无法${reading ? '读取' : '写入'}：${reasonOf(e, reading ? 'read' : 'write')}`;
}

// ---------------------------------------------------------------------------------------------
// Where a path leads

/** A path as the file system sees it: its real path, and its device and inode when it exists. */
export interface FileId {
  /** As given, made absolute. */
  abs: string;
  /** Symlinks resolved (for a file that does not exist yet: its folder's real path + its name). */
  real: string;
  exists: boolean;
  isDirectory: boolean;
  dev?: number;
  ino?: number;
}

/**
 * Where `file` leads. A missing file is fine (a target to create); a missing, unusable or (for `op`
 * 'write') unwritable folder, a folder in place of the file, and any other error are a FileError.
 */
export async function identify(fs: Fs, file: string, op: Op): Promise<FileId> {
  const abs = path.resolve(file);
  const fail = (e: unknown) => (op === 'read' ? readError(file, e) : writeError(file, e, true));
  let st: nodeFs.Stats;
  try {
    st = await fs.promises.stat(abs);
  } catch (e) {
    if (codeOf(e) !== 'ENOENT' || op === 'read') throw fail(e);
    // A new file: its folder must exist and be a folder.
    let dir: string;
    try {
      dir = await fs.promises.realpath(path.dirname(abs));
      if (!(await fs.promises.stat(dir)).isDirectory()) throw Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR' });
    } catch (e2) {
      throw fail(e2);
    }
    await writable(fs, dir, fail);
    return { abs, real: path.join(dir, path.basename(abs)), exists: false, isDirectory: false };
  }
  if (st.isDirectory()) throw fail(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
  let real: string;
  try {
    real = await fs.promises.realpath(abs);
  } catch (e) {
    throw fail(e);
  }
  if (op === 'write') await writable(fs, path.dirname(real), fail);
  return { abs, real, exists: true, isDirectory: false, dev: st.dev, ino: st.ino };
}

/**
 * The folder a write creates its temporary file in must be writable: said before the check runs rather
 * than after (the write itself still reports what the file system says then).
 */
async function writable(fs: Fs, dir: string, fail: (e: unknown) => FileError): Promise<void> {
  try {
    await fs.promises.access(dir, nodeFs.constants.W_OK);
  } catch (e) {
    throw fail(e);
  }
}

/** How `a` is the same file as `b`, or null: the same path, the same real path (a symlink), the same inode (a hard link). */
export function sameFile(a: FileId, b: FileId): 'path' | 'symlink' | 'hardlink' | null {
  if (a.abs === b.abs) return 'path';
  if (a.real === b.real) return 'symlink';
  if (a.exists && b.exists && a.dev === b.dev && a.ino === b.ino) return 'hardlink';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Atomic writes

/** Temporary files being written, removed if the process is interrupted. */
const pending = new Map<string, Fs>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function onSignal(signal: NodeJS.Signals): void {
  for (const [file, fs] of pending) {
    try {
      fs.unlinkSync(file);
    } catch {
      // already renamed or never created
    }
  }
  pending.clear();
  disarm();
  // Then end the way the signal would have ended the process (unless someone else listens for it).
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function arm(): void {
  if (pending.size === 1) for (const s of SIGNALS) process.on(s, onSignal);
}

function disarm(): void {
  if (pending.size === 0) for (const s of SIGNALS) process.off(s, onSignal);
}

/** The temporary files of interrupted or failed writes are named so: hidden, in the target's folder. */
export const TEMP_FILE = /^\.junheng-\d+-[0-9a-f]+\.tmp$/;

function cb<T>(f: (done: (err: NodeJS.ErrnoException | null, v?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => f((err, v) => (err ? reject(err) : resolve(v as T))));
}

/**
 * Writes `data` to `target` atomically (see the top of this file). An existing target keeps its permission
 * bits (and, when run as root, its owner), and a symlink target is followed (the file it points to is replaced, the link stays). On failure
 * the target is untouched, the temporary file is removed and a FileError names `target`.
 */
export async function writeFileAtomic(fs: Fs, target: string, data: Uint8Array | string, opts: { inputKept: boolean }): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let dest = path.resolve(target);
  let mode: number | undefined;
  let owner: { uid: number; gid: number } | undefined;
  try {
    const st = await fs.promises.stat(dest);
    dest = await fs.promises.realpath(dest);
    mode = st.mode & 0o7777;
    // Run as root on someone else's ledger: the new file stays theirs.
    if (process.getuid?.() === 0 && (st.uid !== 0 || st.gid !== (process.getgid?.() ?? 0))) owner = { uid: st.uid, gid: st.gid };
  } catch (e) {
    if (codeOf(e) !== 'ENOENT') throw writeError(target, e, opts.inputKept);
  }
  const dir = path.dirname(dest);
  const tmp = path.join(dir, `.junheng-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  pending.set(tmp, fs);
  arm();
  try {
    // Synchronous, so a signal handler never runs between the file's creation and its being recorded.
    fd = fs.openSync(tmp, 'wx', 0o666);
    const handle = fd;
    if (owner) await cb<void>((done) => fs.fchown(handle, owner!.uid, owner!.gid, done));
    if (mode !== undefined) await cb<void>((done) => fs.fchmod(handle, mode!, done));
    for (let off = 0; off < bytes.length; ) {
      const at = off;
      off += await cb<number>((done) => fs.write(handle, bytes, at, bytes.length - at, null, done));
    }
    await cb<void>((done) => fs.fsync(handle, done));
    fd = undefined;
    await cb<void>((done) => fs.close(handle, done));
    await fs.promises.rename(tmp, dest);
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // the error that matters is e
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      // not created
    }
    throw writeError(target, e, opts.inputKept);
  } finally {
    pending.delete(tmp);
    disarm();
  }
  // The rename itself reaches the disk with the folder's fsync (not possible everywhere: best effort).
  try {
    const dfd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    // a folder that cannot be fsynced (some file systems, Windows) still holds the renamed file
  }
}
