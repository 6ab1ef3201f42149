import * as nodeFs from 'fs';
import * as path from 'path';
import { StandardError, standardWithOverride } from '../standard';
import { applySettings, readSettings, type StandardPart } from '../host/apply-settings';
import { checkWorkbook } from '../report/engine';
import { clearRun, runCheck } from '../host/run';
import { USAGE, UsageError, parseArgs, type CliArgs } from './args';
import { summaryLines } from './summary';
import { clearLines, macrosDroppedSentence, noLedgerSentence, openFailure, refusalOf, settingsLine } from './messages';
import { demoWorkbookBytes, newWorkbookBytes, openWorkbook, sniffWorkbook, type OpenedWorkbook } from './workbook';
import { chooseSchools, SCHOOL_FORM_SHEET, SCHOOL_FORM_TITLE, schoolFormFileName, type SchoolFormChoice } from '../report/school-form';
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
      case 'school-forms':
        return await schoolFormsCommand(args, ctx);
      default:
        throw new InputError(`未知命令「${args.command}」。可用命令：check、school-forms、clear、demo`);
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

async function readInput(fs: Fs, file: string | undefined): Promise<{ buf: Buffer; id: FileId }> {
  if (!file) throw new InputError('请指定要检查的工作簿，例如：junheng check 台账.xlsx');
  let buf: Buffer;
  try {
    buf = await fs.promises.readFile(file);
  } catch (e) {
    throw readError(file, e);
  }
  const id = await identify(fs, file, 'read');
  const refusal = refusalOf(sniffWorkbook(buf), path.basename(file));
  if (refusal) throw new InputError(refusal);
  return { buf, id };
}

async function openHost(file: string, buf: Buffer): Promise<OpenedWorkbook> {
  try {
    return await openWorkbook(buf);
  } catch (e) {
    throw new InputError(openFailure(path.basename(file), e));
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
  const schoolForms = schoolFormChoice(args.options['school-forms']);
  const outcome = await runCheck(host, std, { workbook, date: new Date() }, {
    ...options,
    onProgress: progress(io),
    ...(schoolForms ? { schoolForms } : {}),
  });
  const used = settingsLine(settings);
  if (outcome.output.ledgers.ledgers.length === 0) {
    throw new InputError(noLedgerSentence(workbook));
  }
  refuseUnknownSchools(outcome.output.unknownSchools, workbook);
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
    ctx.io.err(macrosDroppedSentence(!targets.inPlace));
  }
  // Never over the input before the new bytes are complete on disk: temp file, fsync, rename.
  await writeFileAtomic(ctx.fs, targets.workbook, await opened.save(), { inputKept: true });
}

/** --school-forms: every school (the flag alone), or the names given after '=' (comma-separated). */
function schoolFormChoice(opt: string | true | undefined): SchoolFormChoice | undefined {
  if (opt === undefined) return undefined;
  if (opt === true) return 'all';
  return splitNames([opt]);
}

/** School names from the command line: each word, split at commas (, ， 、), blanks dropped. */
function splitNames(words: readonly string[]): string[] {
  return words.flatMap((w) => w.split(/[,，、]/)).map((n) => n.trim()).filter((n) => n !== '');
}

function refuseUnknownSchools(unknown: readonly string[] | undefined, workbook: string): void {
  if (!unknown || unknown.length === 0) return;
  throw new InputError(`「${workbook}」的学校台账中没有${unknown.map((n) => `「${n}」`).join('、')}（学校名称须与学校台账中的写法一致），未写出任何文件`);
}

/**
 * school-forms: one workbook per school (or per named school) in a folder, each holding its 学校自评表. The input
 * is only read; every file is written atomically; an unknown school name or a folder that cannot be used is refused
 * before anything is written.
 */
async function schoolFormsCommand(args: CliArgs, ctx: Ctx): Promise<number> {
  const { io, fs } = ctx;
  const input = args.positional[0];
  const file = await loadStandardFile(args, fs);
  const { buf, id } = await readInput(fs, input);
  const dir = typeof args.options.out === 'string' ? args.options.out : path.join(path.dirname(input), `${path.basename(input, path.extname(input))}-学校自评表`);
  if (args.options['in-place']) throw new InputError('school-forms 不修改原文件，不能与 --in-place 同用；请用 --out 指定输出目录');
  if (typeof args.options.json === 'string') throw new InputError('school-forms 不写 JSON 报告，不能与 --json 同用');
  const opened = await openHost(input, buf);
  const workbook = path.basename(input);
  const settings = await readSettings(opened.host);
  const { standard: std } = applySettings(settings, file ? [file] : []);
  const names = splitNames(args.positional.slice(1));
  const sheets = (await opened.host.listSheets()).filter((s) => s.state !== 'veryHidden').map((s) => s.name);
  const grids = await opened.host.readGrids(sheets);
  const out = checkWorkbook(grids, std, { workbook, date: new Date() }, { overrides: settings.columnOverrides, schoolForms: names.length > 0 ? names : 'all' });
  if (out.ledgers.schools.length === 0) {
    throw new InputError(`在「${workbook}」中没有找到学校台账（需要有“学校名称”等表头的工作表），未写出任何文件`);
  }
  refuseUnknownSchools(out.unknownSchools, workbook);
  const forms = out.sheets.filter((s) => s.title === SCHOOL_FORM_TITLE);
  const schools = chooseSchools({ ledgers: out.ledgers, result: out.result }, names.length > 0 ? names : 'all').schools;
  try {
    await fs.promises.mkdir(dir, { recursive: true });
  } catch (e) {
    throw folderError(dir, e);
  }
  const taken = new Set<string>();
  const written: string[] = [];
  for (let i = 0; i < forms.length; i++) {
    const name = schoolFormFileName(schools[i].name, taken);
    taken.add(name.toLowerCase());
    const target = path.join(dir, name);
    if (sameFile(await identify(fs, target, 'write'), id)) {
      throw new InputError(`不能写出「${target}」：它就是输入文件；请用 --out 另指定一个目录，原文件保持不变`);
    }
    const bytes = await newWorkbookBytes([{ name: SCHOOL_FORM_SHEET, model: forms[i] }]);
    await writeFileAtomic(fs, target, bytes, { inputKept: true });
    written.push(name);
  }
  io.out(`已写出 ${written.length} 份学校自评表到「${dir}」：${written.join('、')}`);
  return 0;
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
  for (const line of clearLines(result)) io.out(line);
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
