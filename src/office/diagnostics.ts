/**
 * 诊断 (self-check): in the user's real Excel, tries each assumption the Office host makes on a temporary
 * sheet, removes the sheet, and returns a pass/fail list with Chinese labels plus a plain-text report the
 * user can copy into a support request. Nothing of the user's is touched: every write goes to the
 * temporary sheets, which are removed at the end (also after a failure).
 *
 * Checks: workbook structure protection can be read (ExcelApi 1.7); a fill reads back as the mark colour,
 * "No Fill" reads back as no fill (OfficeDev/office-js#4900 reports pattern null) and is restored by
 * `fill.clear()`; notes can be added, read and deleted where the loaded library has them (office.js
 * 1.1.110 from npm has none while Excel answers ExcelApi 1.18 true); a merged area reads back whole
 * (#1590 reports top-left cells only) and from a range that holds only part of it (#3611); "@" then "=…"
 * stays text; a 2 000-character getRanges address (the host's longest) works; a very hidden sheet can be
 * added, refuses a plain delete, and is deleted once shown in the same batch. The report adds Excel's
 * version and platform and ExcelApi 1.9 / 1.13 / 1.17 / 1.18 as Office says them.
 *
 *   runDiagnostics(context, officeInfo?) → { items: { id, label, ok, detail }[], report }
 */
import { officeErrorMessage } from './errors';
import { isMarkFill, officeToFillDesc, type OfficeFill } from './fill';
import { libraryHasNotes, setSupported } from './host';

export interface DiagnosticItem {
  id: string;
  /** Chinese name of the check. */
  label: string;
  ok: boolean;
  /** One or two Chinese sentences: what was seen. */
  detail: string;
}

export interface DiagnosticsResult {
  items: DiagnosticItem[];
  /** Plain text for the user to copy (Chinese). */
  report: string;
}

/** What Office says about itself (Office.context); by default read from the global Office. */
export interface OfficeInfo {
  version?: string;
  platform?: string;
  host?: string;
  /** ExcelApi version → supported. */
  sets?: Record<string, boolean>;
  /** The loaded office.js defines the notes API (default: libraryHasNotes()). */
  libraryNotes?: boolean;
}

const SETS = ['1.9', '1.13', '1.17', '1.18'];
const TEMP = '_junheng_诊断';
const MARK = 'FFFFC7CE';

function officeInfoHere(): OfficeInfo {
  const o = (globalThis as unknown as { Office?: { context?: { diagnostics?: { version?: string; platform?: string; host?: string } } } }).Office;
  const d = o?.context?.diagnostics;
  const sets: Record<string, boolean> = {};
  for (const v of SETS) sets[v] = setSupported(v);
  return { version: d?.version, platform: d?.platform, host: d?.host, sets, libraryNotes: libraryHasNotes() };
}

function errText(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  return `${officeErrorMessage(e)}${typeof code === 'string' ? `（${code}）` : ''}`;
}

const fillText = (f: OfficeFill | null | undefined) =>
  f ? `颜色 ${String(f.color)}，图案 ${f.pattern === null || f.pattern === undefined ? '空' : f.pattern}，色调 ${f.tintAndShade === null || f.tintAndShade === undefined ? '空' : f.tintAndShade}` : '无';

/** 诊断 in this Excel: runDiagnostics in its own Excel.run (the pane's entry). */
export async function diagnoseHere(): Promise<DiagnosticsResult> {
  return Excel.run((context) => runDiagnostics(context));
}

/** Runs every check on temporary sheets and removes them. Never throws for a failed check. */
export async function runDiagnostics(context: Excel.RequestContext, officeInfo?: OfficeInfo): Promise<DiagnosticsResult> {
  const info = { ...officeInfoHere(), ...officeInfo };
  const items: DiagnosticItem[] = [];
  const add = (id: string, label: string, ok: boolean, detail: string) => items.push({ id, label, ok, detail });
  const wb = context.workbook;

  // Structure protection, and the sheet names in use.
  let structure: boolean | null = null;
  let names: string[] = [];
  try {
    const wss = wb.worksheets;
    wss.load('items/name');
    const prot = (wb as unknown as { protection?: Excel.WorkbookProtection }).protection;
    if (prot) prot.load('protected');
    await context.sync();
    names = wss.items.map((w) => w.name);
    structure = prot ? prot.protected : null;
    add(
      'structure',
      '读取工作簿结构保护',
      structure !== null,
      structure === null ? '无法读取工作簿结构保护（需要 ExcelApi 1.7）。' : structure ? '工作簿结构已保护：检查前需撤销保护（审阅 → 保护工作簿）。' : '工作簿结构未保护。',
    );
  } catch (e) {
    add('structure', '读取工作簿结构保护', false, `读取失败：${errText(e)}`);
  }

  const notesInLibrary = info.libraryNotes ?? false;
  add(
    'notes-library',
    '加载的 office.js 含批注（Notes）接口',
    notesInLibrary,
    notesInLibrary
      ? `有（Excel 报告 ExcelApi 1.18：${info.sets?.['1.18'] ? '支持' : '不支持'}）。`
      : `没有（Excel 报告 ExcelApi 1.18：${info.sets?.['1.18'] ? '支持' : '不支持'}）：标记时不写批注，说明见「问题清单」。`,
  );

  if (structure === true) add('sheet-checks', '其余诊断', false, '工作簿结构已保护，无法添加临时工作表，其余诊断未执行。');
  else await runSheetChecks(context, names, notesInLibrary && !!info.sets?.['1.18'], add);

  return { items, report: reportText(info, items) };
}

/** True when the library's object has this method (an optional API), without reading a property of it. */
function hasMethod(obj: unknown, name: string): boolean {
  return typeof (obj as Record<string, unknown>)[name] === 'function';
}

function freeName(base: string, names: string[]): string {
  const taken = new Set(names.map((n) => n.toLocaleLowerCase()));
  if (!taken.has(base.toLocaleLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`.toLocaleLowerCase())) return `${base}${i}`;
}

async function runSheetChecks(
  context: Excel.RequestContext,
  names: string[],
  notes: boolean,
  add: (id: string, label: string, ok: boolean, detail: string) => void,
): Promise<void> {
  const wss = context.workbook.worksheets;
  const temp = freeName(TEMP, names);
  const hidden = freeName(`${TEMP}隐`, [...names, temp]);
  const made: string[] = [];
  try {
    let ws: Excel.Worksheet;
    try {
      ws = wss.add(temp);
      await context.sync();
      made.push(temp);
    } catch (e) {
      add('temp-sheet', '添加临时工作表', false, `无法添加临时工作表：${errText(e)}`);
      return;
    }

    // Fills: a mark colour, No Fill, white; then a mark cleared back to No Fill.
    try {
      ws.getRange('A1').format.fill.color = '#FFC7CE';
      ws.getRange('A3').format.fill.color = '#FFFFFF';
      const m = ws.getRange('A4');
      m.format.fill.color = '#FFC7CE';
      m.format.fill.clear();
      const props = ws.getRange('A1:A4').getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
      await context.sync();
      const f = props.value.map((r) => (r[0]?.format?.fill ?? null) as OfficeFill | null);
      const markOk = isMarkFill(f[0], MARK);
      const noneOk = officeToFillDesc(f[1]) === null;
      const whiteApart = officeToFillDesc(f[2]) !== null;
      const clearOk = officeToFillDesc(f[3]) === null;
      add('fill-mark', '标记颜色读回', markOk, `读回：${fillText(f[0])}。`);
      add(
        'fill-none',
        '“无填充”读回与恢复',
        noneOk && clearOk,
        `无填充读回：${fillText(f[1])}；清除后读回：${fillText(f[3])}；白色填充读回：${fillText(f[2])}（${whiteApart ? '能与无填充区分' : '与无填充无法区分，清除标记时白色按无填充恢复'}）。`,
      );
    } catch (e) {
      add('fill-mark', '标记颜色读回', false, errText(e));
    }

    // Notes (only where the library and Excel have them).
    if (notes) {
      try {
        const coll = (ws as unknown as { notes: Excel.NoteCollection }).notes;
        coll.add('B1', '均衡自查诊断');
        const n = coll.getItemOrNullObject('B1');
        n.load('content');
        await context.sync();
        const read = n.isNullObject ? null : n.content;
        n.delete();
        const gone = coll.getItemOrNullObject('B1');
        gone.load('content');
        await context.sync();
        const ok = read === '均衡自查诊断' && gone.isNullObject;
        add('notes', '批注添加、读取、删除', ok, ok ? '正常。' : `读回：${read === null ? '无' : `「${read}」`}；删除后${gone.isNullObject ? '已无批注' : '仍有批注'}。`);
      } catch (e) {
        add('notes', '批注添加、读取、删除', false, errText(e));
      }
    }

    // Merged areas: whole, and from a range holding only part of the area.
    try {
      ws.getRange('C1:D2').merge(false);
      const whole = ws.getRange('A1:E5');
      if (!hasMethod(whole, 'getMergedAreasOrNullObject')) {
        await context.sync();
        add('merges', '读取合并单元格', false, '加载的 office.js 没有 getMergedAreasOrNullObject（需要 ExcelApi 1.13）：台账中的合并单元格无法识别。');
      } else {
        const a = whole.getMergedAreasOrNullObject();
        a.load('address');
        const part = ws.getRange('D2:E5').getMergedAreasOrNullObject();
        part.load('address');
        await context.sync();
        const addr = a.isNullObject ? '' : a.address;
        const partAddr = part.isNullObject ? '' : part.address;
        const full = /C1:D2/.test(addr);
        add(
          'merges',
          '读取合并单元格',
          full,
          `读回：${addr || '无'}（${full ? '完整' : /C1/.test(addr) ? '只有左上角单元格，见 office-js#1590' : '未读到'}）；只含其一部分的区域读回：${partAddr || '无'}。`,
        );
      }
    } catch (e) {
      add('merges', '读取合并单元格', false, errText(e));
    }

    // "@" then "=…" stays text.
    try {
      const t = ws.getRange('F1');
      t.numberFormat = [['@']];
      t.values = [['=1+1']];
      const back = ws.getRange('F1');
      back.load('values,formulas');
      await context.sync();
      const v = back.values[0]?.[0];
      const f = back.formulas[0]?.[0];
      const ok = v === '=1+1';
      add('text-format', '文本格式下“=…”保持为文字', ok, `写入「=1+1」后读回值：${JSON.stringify(v)}，公式：${JSON.stringify(f)}。`);
    } catch (e) {
      add('text-format', '文本格式下“=…”保持为文字', false, errText(e));
    }

    // A getRanges address as long as the host's longest (2 000 characters).
    try {
      const parts: string[] = [];
      let len = 0;
      for (let r = 1; len < 1990; r += 2) {
        const p = `H${r}`;
        parts.push(p);
        len += p.length + 1;
      }
      const addr = parts.join(',').slice(0, 2000).replace(/,[^,]*$/, '');
      const areas = ws.getRanges(addr);
      areas.format.fill.color = '#FFEB9C';
      areas.load('areaCount');
      await context.sync();
      add('get-ranges', '长地址 getRanges（2000 字符）', areas.areaCount === addr.split(',').length, `${addr.length} 个字符，${areas.areaCount} 个区域。`);
    } catch (e) {
      add('get-ranges', '长地址 getRanges（2000 字符）', false, errText(e));
    }

    // A very hidden sheet: added, refuses a plain delete, deleted once shown in the same batch.
    try {
      const h = wss.add(hidden);
      h.visibility = 'VeryHidden';
      await context.sync();
      made.push(hidden);
      let refused = false;
      try {
        wss.getItem(hidden).delete();
        await context.sync();
        made.splice(made.indexOf(hidden), 1);
      } catch {
        refused = true;
      }
      if (refused) {
        const again = wss.getItem(hidden);
        again.visibility = 'Hidden';
        again.delete();
        await context.sync();
        made.splice(made.indexOf(hidden), 1);
      }
      add(
        'very-hidden',
        '深度隐藏工作表的添加与删除',
        true,
        refused ? '可添加；直接删除被拒绝，先改为隐藏再删除成功（与本工具的做法一致）。' : '可添加，可直接删除。',
      );
    } catch (e) {
      add('very-hidden', '深度隐藏工作表的添加与删除', false, errText(e));
    }
  } finally {
    // Remove what was made, each shown first (a very hidden sheet cannot be deleted as such).
    if (made.length) {
      for (const name of made) {
        const w = wss.getItem(name);
        if (name === hidden) w.visibility = 'Hidden';
        w.delete();
      }
      try {
        await context.sync();
      } catch (e) {
        add('cleanup', '删除临时工作表', false, `临时工作表${made.map((n) => `「${n}」`).join('、')}未能全部删除，请手动删除：${errText(e)}`);
      }
    }
  }
}

function reportText(info: OfficeInfo, items: DiagnosticItem[]): string {
  const yes = (b: boolean | undefined) => (b === undefined ? '未知' : b ? '支持' : '不支持');
  const lines = [
    '均衡自查 诊断报告',
    `Excel 版本：${info.version ?? '未知'}；平台：${info.platform ?? '未知'}；宿主：${info.host ?? '未知'}`,
    `ExcelApi 要求集：${SETS.map((v) => `${v} ${yes(info.sets?.[v])}`).join('；')}`,
    `加载的 office.js 含批注接口：${info.libraryNotes ? '是' : '否'}`,
    `结果：${items.filter((i) => i.ok).length} 项通过，${items.filter((i) => !i.ok).length} 项未通过`,
    ...items.map((i) => `[${i.ok ? '通过' : '未通过'}] ${i.label}：${i.detail}`),
  ];
  return lines.join('\n');
}
