/** Parses `junheng` arguments. Unknown options are errors, so a typo never runs a different job. */
export interface CliArgs {
  command: string | null;
  positional: string[];
  options: Record<string, string | true>;
}

const VALUE_OPTIONS = new Set(['out', 'json', 'standard', 'dir']);
const FLAG_OPTIONS = new Set(['in-place', 'help', 'quiet', 'version']);

export class UsageError extends Error {}

export function parseArgs(argv: string[]): CliArgs {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h') {
      options.help = true;
    } else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (VALUE_OPTIONS.has(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined || value === '') throw new UsageError(`选项 --${name} 需要一个值`);
        options[name] = value;
      } else if (FLAG_OPTIONS.has(name) && eq < 0) {
        options[name] = true;
      } else {
        throw new UsageError(`无法识别的选项 ${a}`);
      }
    } else {
      positional.push(a);
    }
  }
  return { command: positional.shift() ?? null, positional, options };
}

export const USAGE = `均衡自查（junheng）— 县域义务教育优质均衡发展 自查自评 台账检查

用法：
  junheng check <台账.xlsx> [--out 结果.xlsx] [--json 报告.json] [--standard 标准.json] [--in-place]
      检查工作簿中的学校台账和班级台账，在未达标和无法识别的单元格上标注颜色和批注，
      并新增 资源配置达标情况、校际差异系数、问题清单 三张汇总表。
      默认另存为「<原文件名>-自查.xlsx」，原文件不变；--in-place 才会覆盖原文件。
  junheng clear <台账.xlsx> [--out 结果.xlsx] [--in-place]
      清除上次检查添加的标记和汇总表，恢复单元格原有的填充和批注。
  junheng demo [--dir 目录]
      生成一份示例县台账（约 30 所学校、400 个班级），检查并输出结果（默认目录 junheng-demo）。

退出码：0 已完成；2 输入无法使用（文件不是 .xlsx、已加密、找不到台账、标准文件有误等），此时不写任何文件。`;
