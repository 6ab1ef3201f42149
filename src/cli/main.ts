import { promises as fs } from 'fs';
import * as path from 'path';
import { StandardError, nationalStandard, standardWithOverride, standardWithOverrides, type Standard } from '../standard';
import { DEFAULT_WORKBOOK_SETTINGS, keptMarks, parseSettings, standardOverrideOf, type WorkbookSettings } from '../host/settings';
import { checkWorkbook } from '../report/engine';
import { clearRun, runCheck } from '../host/run';
import { saveWorkbook, sniffWorkbook } from '../xlsx/host';
import { openXlsx, type SurgicalXlsxHost } from '../xlsx/surgical';
import { USAGE, UsageError, parseArgs, type CliArgs } from './args';
import { summaryLines } from './summary';
import { buildDemoWorkbook } from './demo-workbook';

/** An input the command cannot use: one Chinese line, exit code 2, nothing written. */
export class InputError extends Error {}

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Progress of a long run; only on an interactive terminal, so a script sees just the result or the one error line. */
  progress?: (line: string) => void;
}

const defaultIo: Io = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  progress: process.stderr.isTTY ? (l) => process.stderr.write(`${l}\n`) : undefined,
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
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
        return await checkCommand(args, io);
      case 'clear':
        return await clearCommand(args, io);
      case 'demo':
        return await demoCommand(args, io);
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
    throw e;
  }
}

/** Errors raised by the hosts with a Chinese sentence meant for the user (e.g. a damaged run memory). */
function isUserMessage(e: unknown): e is Error {
  return e instanceof Error && (e as { userMessage?: boolean }).userMessage === true;
}

/** The --standard file: read and validated before anything else, so a bad file is refused first. */
async function loadStandardFile(args: CliArgs): Promise<{ data: Record<string, unknown>; source: string } | null> {
  const file = args.options.standard;
  if (typeof file !== 'string') return null;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new InputError(`无法读取标准文件「${file}」`);
  }
  const source = `标准文件「${path.basename(file)}」`;
  standardWithOverride(text, source); // refuses an invalid file with a message naming the field
  return { data: JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>, source };
}

/**
 * The standard of a run: the national one, then what the add-in saved in the workbook (a local standard
 * file, the 教学点 cut), then the --standard file named on the command line — later wins.
 */
function standardFor(settings: WorkbookSettings, file: { data: Record<string, unknown>; source: string } | null): Standard {
  const saved = standardOverrideOf(settings);
  const parts = [...(saved ? [{ data: saved, source: '工作簿中保存的设置' }] : []), ...(file ? [file] : [])];
  return parts.length ? standardWithOverrides(parts) : nationalStandard();
}

/** One line saying which of the add-in's saved settings this run follows (none: nothing said). */
function settingsLine(s: WorkbookSettings): string | null {
  const parts: string[] = [];
  if (s.standard) parts.push(`本地标准「${s.standard.file}」`);
  if (s.teachingPointCut !== null) parts.push(`教学点不足 ${s.teachingPointCut} 人不参评`);
  const fixes = Object.values(s.columnOverrides).reduce((n, m) => n + Object.keys(m).length, 0);
  if (fixes) parts.push(`列对应修正 ${fixes} 处`);
  if (!s.marks.compliance) parts.push('不标注未达标单元格');
  if (!s.marks.data) parts.push('不标注无法识别的单元格');
  if (s.colours.fail !== DEFAULT_WORKBOOK_SETTINGS.colours.fail || s.colours.data !== DEFAULT_WORKBOOK_SETTINGS.colours.data) parts.push('自定义标注颜色');
  return parts.length ? `按工作簿中保存的加载项设置检查：${parts.join('；')}` : null;
}

async function readInput(file: string | undefined): Promise<Buffer> {
  if (!file) throw new InputError('请指定要检查的工作簿，例如：junheng check 台账.xlsx');
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch {
    throw new InputError(`找不到或无法读取文件「${file}」`);
  }
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
      return buf;
  }
}

async function openHost(file: string, buf: Buffer) {
  try {
    return openXlsx(buf);
  } catch {
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

function progress(io: Io) {
  const names: Record<string, string> = { 读取: '读取工作表', 检查: '逐项检查', 标记: '标注单元格', 汇总: '生成汇总表' };
  const show = io.progress;
  return show ? (stage: string) => show(`… ${names[stage] ?? stage}`) : undefined;
}

async function checkCommand(args: CliArgs, io: Io): Promise<number> {
  const input = args.positional[0];
  const file = await loadStandardFile(args);
  const buf = await readInput(input);
  const target = outputPath(input, args, '自查');
  checkTarget(target);
  const host = await openHost(input, buf);
  const workbook = path.basename(input);
  // The same workbook gives the same results here as in the add-in: follow the settings it saved.
  const settings = parseSettings(host.readSettingsText());
  const std = standardFor(settings, file);
  const keepAll = settings.marks.compliance && settings.marks.data;
  const outcome = await runCheck(host, std, { workbook, date: new Date() }, {
    onProgress: progress(io),
    overrides: settings.columnOverrides,
    colours: settings.colours,
    engine: keepAll ? undefined : (g, s, m, o) => {
      const out = checkWorkbook(g, s, m, o);
      return { ...out, marks: keptMarks(out.marks, settings) };
    },
  });
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
  await writeWorkbook(host, target, io);
  io.out(`已写出：${target}（新增工作表：${outcome.output.report.sheets.join('、')}）`);
  if (typeof args.options.json === 'string') {
    await fs.writeFile(args.options.json, `${JSON.stringify(outcome.output.report, null, 2)}\n`);
    io.out(`已写出：${args.options.json}`);
  }
  return 0;
}

// The .xlsx host keeps every part it does not change byte for byte (charts, pivot tables …). Only macros
// cannot go into the .xlsx target (checkTarget refuses an .xlsm one): they are left out, and the user told.
async function writeWorkbook(host: SurgicalXlsxHost, target: string, io: Io): Promise<void> {
  if (host.hasMacros() && /\.xl[st]x$/i.test(target)) {
    host.dropMacros();
    io.err('注意：原工作簿含有本工具无法保留的内容（宏(VBA)），写出的 .xlsx 文件中将不包含宏；原文件保持不变。');
  }
  await fs.writeFile(target, host.save());
}

async function clearCommand(args: CliArgs, io: Io): Promise<number> {
  const input = args.positional[0];
  const buf = await readInput(input);
  const target = outputPath(input, args, '已清除');
  checkTarget(target);
  const host = await openHost(input, buf);
  const result = await clearRun(host);
  await writeWorkbook(host, target, io);
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

async function demoCommand(args: CliArgs, io: Io): Promise<number> {
  const dir = typeof args.options.dir === 'string' ? args.options.dir : 'junheng-demo';
  await fs.mkdir(dir, { recursive: true });
  const source = path.join(dir, '示例县台账.xlsx');
  const wb = buildDemoWorkbook();
  await fs.writeFile(source, await saveWorkbook(wb));
  io.out(`已生成示例台账：${source}`);
  return checkCommand(
    {
      command: 'check',
      positional: [source],
      options: { ...args.options, out: path.join(dir, '示例县台账-自查.xlsx'), json: path.join(dir, '示例县台账-自查.json') },
    },
    io,
  );
}
