import * as nodeFs from 'fs';
import * as path from 'path';
import { StandardError, standardWithOverride } from '../standard';
import { DEFAULT_WORKBOOK_SETTINGS, type WorkbookSettings } from '../host/settings';
import { applySettings, readSettings, type StandardPart } from '../host/apply-settings';
import { clearRun, runCheck } from '../host/run';
import { USAGE, UsageError, parseArgs, type CliArgs } from './args';
import { summaryLines } from './summary';
import { demoWorkbookBytes, openWorkbook, sniffWorkbook, type OpenedWorkbook } from './workbook';
import { folderError, fsErrorSentence, identify, isFsError, readError, sameFile, writeFileAtomic, type FileId, type Fs } from './files';

/** An input the command cannot use: one Chinese line, exit code 2, nothing written. */
export class InputError extends Error {}

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Progress of a long run; only on an interactive terminal, so a script sees just the result or the one error line. */
  progress?: (line: string) => void;
}

/** What the command runs against; tests replace the file system to make it fail. */
export interface Deps {
  fs: Fs;
}

interface Ctx {
  io: Io;
  fs: Fs;
}

const defaultIo: Io = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  progress: process.stderr.isTTY ? (l) => process.stderr.write(`${l}\n`) : undefined,
};

export async function main(argv: string[], io: Io = defaultIo, deps: Partial<Deps> = {}): Promise<number> {
  const ctx: Ctx = { io, fs: deps.fs ?? nodeFs };
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`均衡自查：${e.message}。运行 junheng --help 查看用法。`);
      return 2;
    }
    throw e;
  }
  if (args.options.help || args.command === null || args.command === 'help') {
    io.out(USAGE);
    return args.command === null && !args.options.help ? 2 : 0;
  }
  try {
    switch (args.command) {
      case 'check':
        return await checkCommand(args, ctx);
      case 'clear':
        return await clearCommand(args, ctx);
      case 'demo':
        return await demoCommand(args, ctx);
      default:
        throw new InputError(`未知命令「${args.command}」。可用命令：check、clear、demo`);
    }
  } catch (e) {
    if (e instanceof InputError || e instanceof StandardError || e instanceof UsageError) {
      io.err(`均衡自查：${e.message}`);
      return 2;
    }
    if (isUserMessage(e)) {
      io.err(`均衡自查：${e.message}`);
      return 2;
    }
    // Safety net: a file-system error not turned into a sentence where it happened is still one Chinese line.
    if (isFsError(e)) {
      io.err(`均衡自查：${fsErrorSentence(e)}`);
      return 2;
    }
    throw e;
  }
}

/** Errors raised by the hosts with a Chinese sentence meant for the user (e.g. a damaged run memory). */
function isUserMessage(e: unknown): e is Error {
  return e instanceof Error && (e as { userMessage?: boolean }).userMessage === true;
}

/** The --standard file: read and validated before anything else, so a bad file is refused first. */
async function loadStandardFile(args: CliArgs, fs: Fs): Promise<StandardPart | null> {
  const file = args.options.standard;
  if (typeof file !== 'string') return null;
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (e) {
    throw readError(file, e, '标准文件');
  }
  const source = `标准文件「${path.basename(file)}」`;
  standardWithOverride(text, source); // refuses an invalid file with a message naming the field
  return { data: JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>, source };
}

/** One line saying which of the add-in's saved settings this run follows (none: nothing said). */
function settingsLine(s: WorkbookSettings): string | null {
  const parts: string[] = [];
  if (s.standard) parts.push(`本地标准「${s.standard.file}」`);
  if (s.teachingPointCut !== null) parts.push(`教学点不足 ${s.teachingPointCut} 人不参评`);
  if (s.assessmentYear !== null) parts.push(`评估年度 ${s.assessmentYear} 年`);
  const fixes = Object.values(s.columnOverrides).reduce((n, m) => n + Object.keys(m).length, 0);
  if (fixes) parts.push(`列对应修正 ${fixes} 处`);
  if (!s.marks.compliance) parts.push('不标注未达标单元格');
  if (!s.marks.data) parts.push('不标注无法识别的单元格');
  if (s.colours.fail !== DEFAULT_WORKBOOK_SETTINGS.colours.fail || s.colours.data !== DEFAULT_WORKBOOK_SETTINGS.colours.data) parts.push('自定义标注颜色');
  return parts.length ? `按工作簿中保存的加载项设置检查：${parts.join('；')}` : null;
}

async function readInput(fs: Fs, file: string | undefined): Promise<{ buf: Buffer; id: FileId }> {
  if (!file) throw new InputError('请指定要检查的工作簿，例如：junheng check 台账.xlsx');
  let buf: Buffer;
  try {
    buf = await fs.promises.readFile(file);
  } catch (e) {
    throw readError(file, e);
  }
  const id = await identify(fs, file, 'read');
  const kind = sniffWorkbook(buf);
  if (kind === 'not-a-workbook' && /\.(csv|txt|tsv)$/i.test(file)) {
    // Decision: a CSV is refused, not read — it has no cells to mark, and its encoding (GBK or UTF-8) is a guess.
    throw new InputError(`「${path.basename(file)}」是 CSV 文本文件，本工具只检查 Excel 工作簿（.xlsx）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查`);
  }
  switch (kind) {
    case 'encrypted':
      throw new InputError(`「${path.basename(file)}」已加密（设置了打开密码），请在 Excel 中取消密码后另存再检查`);
    case 'xls':
      throw new InputError(`「${path.basename(file)}」是旧版 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx 后再检查`);
    case 'not-a-workbook':
      throw new InputError(`「${path.basename(file)}」不是 Excel 工作簿（.xlsx），或文件已损坏`);
    default:
      return { buf, id };
  }
}

async function openHost(file: string, buf: Buffer): Promise<OpenedWorkbook> {
  try {
    return await openWorkbook(buf);
  } catch (e) {
    if (isUserMessage(e)) throw new InputError(`「${path.basename(file)}」${e.message}`);
    throw new InputError(`「${path.basename(file)}」无法打开：文件可能已损坏，或由不兼容的软件生成。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试`);
  }
}

function outputPath(input: string, args: CliArgs, suffix: string): string {
  if (typeof args.options.out === 'string') return args.options.out;
  if (args.options['in-place']) return input;
  const ext = path.extname(input);
  // ExcelJS writes a macro-free .xlsx (it drops xl/vbaProject.bin): a copy of an .xlsm is named .xlsx.
  const outExt = !ext || /^\.xl[st]m$/i.test(ext) ? '.xlsx' : ext;
  return path.join(path.dirname(input), `${path.basename(input, ext)}-${suffix}${outExt}`);
}

/**
 * Refuses, before anything is written, a target that would hold a workbook with macros: ExcelJS cannot
 * keep VBA, and an .xlsm without macros does not open in Excel.
 */
function checkTarget(target: string): void {
  if (/\.xl[st]m$/i.test(target)) {
    throw new InputError(
      `不能写出「${path.basename(target)}」：本工具无法保留宏（VBA），不能写出启用宏的工作簿（.xlsm）。请去掉 --in-place，或用 --out 指定一个 .xlsx 文件名；原文件保持不变`,
    );
  }
}

/** The files a run writes, decided (and refused) before anything is read into the host or written. */
interface Targets {
  workbook: string;
  /** The workbook goes over the input (--in-place, or --out naming the input with --in-place). */
  inPlace: boolean;
  json?: string;
}

const SAME_AS_INPUT = { path: '就是输入文件', symlink: '通过符号链接指向输入文件', hardlink: '是输入文件的硬链接（同一个文件）' } as const;

/**
 * Refuses an output that would destroy what it should not: a workbook target that is the input (same
 * path, however spelt, a symlink or a hard link to it) without --in-place, and a JSON report that would go
 * over the input, over the workbook this run writes, or over any existing workbook.
 */
async function planTargets(fs: Fs, input: string, inputId: FileId, args: CliArgs, suffix: string, json?: string): Promise<Targets> {
  const workbook = outputPath(input, args, suffix);
  checkTarget(workbook);
  const w = await identify(fs, workbook, 'write');
  const alias = sameFile(w, inputId);
  if (alias && !args.options['in-place']) {
    throw new InputError(`不能写出「${workbook}」：它${SAME_AS_INPUT[alias]}，写出会覆盖原文件；确要覆盖原文件请加 --in-place，否则请用 --out 另指定一个文件名，原文件保持不变`);
  }
  if (json !== undefined) {
    const j = await identify(fs, json, 'write');
    const refuse = (why: string) =>
      new InputError(`不能把 JSON 报告写到「${json}」：它${why}，报告会替换掉工作簿；请用 --json 另指定一个文件名（如 报告.json），原文件保持不变`);
    const toInput = sameFile(j, inputId);
    if (toInput) throw refuse(SAME_AS_INPUT[toInput]);
    if (sameFile(j, w)) throw refuse(`就是本次要写出的工作簿「${workbook}」`);
    if (j.exists && (await isWorkbookFile(fs, json))) throw refuse('是一个 Excel 工作簿');
  }
  return { workbook, inPlace: alias !== null, json };
}

/** Whether an existing file holds a workbook (an unreadable one is left to the write to report). */
async function isWorkbookFile(fs: Fs, file: string): Promise<boolean> {
  try {
    return sniffWorkbook(await fs.promises.readFile(file)) !== 'not-a-workbook';
  } catch {
    return false;
  }
}

function progress(io: Io) {
  const names: Record<string, string> = { 读取: '读取工作表', 检查: '逐项检查', 标记: '标注单元格', 汇总: '生成汇总表' };
  const show = io.progress;
  return show ? (stage: string) => show(`… ${names[stage] ?? stage}`) : undefined;
}

async function checkCommand(args: CliArgs, ctx: Ctx): Promise<number> {
  const { io, fs } = ctx;
  const input = args.positional[0];
  const file = await loadStandardFile(args, fs);
  const { buf, id } = await readInput(fs, input);
  const targets = await planTargets(fs, input, id, args, '自查', typeof args.options.json === 'string' ? args.options.json : undefined);
  const target = targets.workbook;
  const opened = await openHost(input, buf);
  const host = opened.host;
  const workbook = path.basename(input);
  // The same workbook gives the same results here as in the add-in: follow the settings it saved, through
  // the add-in's own function, with the --standard file on top.
  const settings = await readSettings(host);
  const { standard: std, options } = applySettings(settings, file ? [file] : []);
  const outcome = await runCheck(host, std, { workbook, date: new Date() }, { ...options, onProgress: progress(io) });
  const used = settingsLine(settings);
  if (outcome.output.ledgers.ledgers.length === 0) {
    throw new InputError(`在「${workbook}」中没有找到学校台账或班级台账（需要有“学校名称”等表头的工作表），未写出任何文件`);
  }
  if (used) io.out(used);
  for (const line of summaryLines(outcome.output, std, workbook)) io.out(line);
  for (const n of outcome.notices) io.out(`注意：${n}`);
  // ExcelJS cannot draw charts: a sheet that declares one is written as its table (said once).
  const charted = outcome.output.sheets.filter((m) => m.chart !== undefined).map((m) => `「${m.name}」`);
  if (charted.length > 0) io.out(`注意：${charted.join('、')}为表格形式（命令行版本无法绘制折线图；在 Excel 加载项中运行可生成折线图）。`);
  await writeWorkbook(ctx, opened, targets);
  io.out(`已写出：${target}（新增工作表：${outcome.output.report.sheets.join('、')}）`);
  if (targets.json !== undefined) {
    // After the workbook: under --in-place the input is by now the checked workbook, so no "原文件保持不变".
    await writeFileAtomic(fs, targets.json, `${JSON.stringify(outcome.output.report, null, 2)}\n`, { inputKept: !targets.inPlace });
    io.out(`已写出：${targets.json}`);
  }
  return 0;
}

// The .xlsx host keeps every part it does not change byte for byte (charts, pivot tables, text boxes …). Only
// macros cannot go into an .xlsx target (checkTarget refuses an .xlsm one): they are left out, and the user told.
async function writeWorkbook(ctx: Ctx, opened: OpenedWorkbook, targets: Targets): Promise<void> {
  if (opened.hasMacros() && /\.xl[st]x$/i.test(targets.workbook)) {
    opened.dropMacros();
    ctx.io.err(`注意：原工作簿含有本工具无法保留的内容（宏(VBA)），写出的 .xlsx 文件中将不包含宏${targets.inPlace ? '' : '；原文件保持不变'}。`);
  }
  // Never over the input before the new bytes are complete on disk: temp file, fsync, rename.
  await writeFileAtomic(ctx.fs, targets.workbook, await opened.save(), { inputKept: true });
}

async function clearCommand(args: CliArgs, ctx: Ctx): Promise<number> {
  const { io, fs } = ctx;
  const input = args.positional[0];
  const { buf, id } = await readInput(fs, input);
  const targets = await planTargets(fs, input, id, args, '已清除');
  const target = targets.workbook;
  const opened = await openHost(input, buf);
  const result = await clearRun(opened.host);
  await writeWorkbook(ctx, opened, targets);
  io.out(`已清除 ${result.cellsRestored} 个单元格的标记，删除汇总表 ${result.sheetsRemoved.length} 张${result.sheetsRemoved.length ? `（${result.sheetsRemoved.join('、')}）` : ''}`);
  // The 整改 history lived in the run memory, which clearing removes: say so (there is no prompt in a CLI).
  io.out(
    result.historyRuns > 0
      ? `注意：运行记录中的整改记录（${result.historyRuns} 次检查）已一并清除，「整改进度」将从下次检查重新开始。`
      : '整改记录：无（本工作簿没有保存以往检查的整改记录）。',
  );
  io.out(`已写出：${target}`);
  return 0;
}

async function demoCommand(args: CliArgs, ctx: Ctx): Promise<number> {
  const { io, fs } = ctx;
  const dir = typeof args.options.dir === 'string' ? args.options.dir : 'junheng-demo';
  try {
    await fs.promises.mkdir(dir, { recursive: true });
  } catch (e) {
    throw folderError(dir, e);
  }
  const source = path.join(dir, '示例县台账.xlsx');
  await writeFileAtomic(fs, source, await demoWorkbookBytes(), { inputKept: false });
  io.out(`已生成示例台账：${source}`);
  return checkCommand(
    {
      command: 'check',
      positional: [source],
      options: { ...args.options, out: path.join(dir, '示例县台账-自查.xlsx'), json: path.join(dir, '示例县台账-自查.json') },
    },
    ctx,
  );
}
