/**
 * Parses `junheng` arguments with Node's util.parseArgs. Unknown options are errors, so a typo never runs a
 * different job. parseArgs runs non-strict with tokens so that every refusal is ours, in Chinese, and the
 * command line keeps its earlier reading (a value option takes the next word, whatever it starts with).
 */
import { parseArgs as nodeParseArgs } from 'util';

export interface CliArgs {
  command: string | null;
  positional: string[];
  options: Record<string, string | true>;
}

const VALUE_OPTIONS = ['out', 'json', 'standard', 'dir'] as const;
const FLAG_OPTIONS = ['in-place', 'help', 'quiet', 'version'] as const;
/** Options that are a flag alone or take a value after '=': --school-forms (every school) or --school-forms=甲小学,乙小学. */
const OPTIONAL_VALUE_OPTIONS = ['school-forms'] as const;

const OPTIONS = {
  ...Object.fromEntries(VALUE_OPTIONS.map((name) => [name, { type: 'string' as const }])),
  ...Object.fromEntries(FLAG_OPTIONS.map((name) => [name, { type: 'boolean' as const }])),
  ...Object.fromEntries(OPTIONAL_VALUE_OPTIONS.map((name) => [name, { type: 'boolean' as const }])),
  help: { type: 'boolean' as const, short: 'h' },
};

export class UsageError extends Error {}

export function parseArgs(argv: string[]): CliArgs {
  const { tokens } = nodeParseArgs({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (const t of tokens) {
    if (t.kind === 'positional') {
      positional.push(t.value);
    } else if (t.kind === 'option') {
      const raw = t.inlineValue ? `${t.rawName}=${t.value ?? ''}` : t.rawName;
      if ((VALUE_OPTIONS as readonly string[]).includes(t.name) && t.rawName.startsWith('--')) {
        if (t.value === undefined || t.value === '') throw new UsageError(`选项 --${t.name} 需要一个值`);
        options[t.name] = t.value;
      } else if ((OPTIONAL_VALUE_OPTIONS as readonly string[]).includes(t.name) && t.rawName.startsWith('--')) {
        if (t.inlineValue && (t.value === undefined || t.value.trim() === '')) throw new UsageError(`选项 --${t.name}= 后面需要学校名称（多个用逗号分隔），或去掉“=”为所有学校生成`);
        options[t.name] = t.inlineValue && t.value !== undefined ? t.value : true;
      } else if (((FLAG_OPTIONS as readonly string[]).includes(t.name) && t.rawName.startsWith('--')) || t.rawName === '-h') {
        if (t.inlineValue) throw new UsageError(`无法识别的选项 ${raw}`);
        options[t.name] = true;
      } else {
        throw new UsageError(`无法识别的选项 ${raw}`);
      }
    }
    // An option-terminator (`--`): what follows is positional, so a file may be named "-x.xlsx".
  }
  return { command: positional.shift() ?? null, positional, options };
}
export const USAGE = `均衡自查（junheng）— 县域义务教育优质均衡发展 自查自评 台账检查

用法：
  junheng check <台账.xlsx> [--out 结果.xlsx] [--json 报告.json] [--standard 标准.json] [--in-place] [--school-forms[=学校名,…]]
      检查工作簿中的学校台账和班级台账，在未达标和无法识别的单元格上标注颜色和批注，
      并新增 资源配置达标情况、校际差异系数、问题清单 三张汇总表。
      默认另存为「<原文件名>-自查.xlsx」，原文件不变；--in-place 才会覆盖原文件。
      --school-forms 另为每所学校新增一张「学校自评表」；--school-forms=甲小学,乙小学 只为这几所学校生成。
  junheng school-forms <台账.xlsx> [学校名 …] [--out 目录]
      为每所学校（或列出的学校）各写出一个工作簿「<学校名>-学校自评表.xlsx」到目录中
      （默认「<原文件名>-学校自评表」目录），原文件不变。
  junheng clear <台账.xlsx> [--out 结果.xlsx] [--in-place]
      清除上次检查添加的标记和汇总表，恢复单元格原有的填充和批注。
  junheng demo [--dir 目录]
      生成一份示例县台账（约 30 所学校、400 个班级），检查并输出结果（默认目录 junheng-demo）。

退出码：0 已完成；2 输入无法使用（文件不是 .xlsx、已加密、找不到台账、标准文件有误等），此时不写任何文件。`;
