/**
 * 学校自评表: the form one school files — A 级指标 | B 级指标及评估要点 | 指标值或简要结论 | 是否达标, one row per
 * indicator that applies to the school, its name, 学段 and 在校生数 under the title, and a 学校（盖章）/ 填表人 /
 * 审核人 / 填报日期 line. One SheetModel per school (in the workbook on request, or one workbook per school). Pure.
 */
import type { SchoolRecord, StageKey } from '../../ledger/types';
import { isoDate } from '../format';
import type { ModelCell, ModelMerge, SheetModel } from '../model';
import type { ReportContext } from '../sheets';
import { blank, formSheet } from '../national/common';
import { kept, stageResults, whole, type SchoolFormSource } from './figures';
import { resourceRows, schoolItemRows, type FormRow } from './rows';
import { SCHOOL_FORM_PREFIX } from '../../ledger/tool-sheets';

export type { SchoolFormSource } from './figures';

export const SCHOOL_FORM_TITLE = '义务教育优质均衡发展学校自评表';
export const SCHOOL_FORM_SIGNATURE = ['学校（盖章）：', '填表人：', '审核人：', '填报日期：　　年　月　日'];
/** The sheet name of the form in a workbook of its own. */
export const SCHOOL_FORM_SHEET = '学校自评表';

/** Which schools get a form: every school of the ledger, or these names. */
export type SchoolFormChoice = 'all' | readonly string[];

const BAD_SHEET_CHARS = /[\\/?*[\]:]/g;

/** 学段 of the school as the title block writes it: from its 资源配置 results, else its type. */
function stagesText(src: SchoolFormSource, s: SchoolRecord): string {
  const st = stageResults(src, s).map((r) => r.stage);
  if (st.length > 0) return st.join('、');
  if (s.type === '特殊教育学校') return '特殊教育';
  const k = kept(s, 'students');
  if (k && k.by === 'stage') return (Object.keys(k.values) as StageKey[]).join('、');
  return s.type ?? '';
}

/** "1234 人（小学 800 人，初中 434 人）". */
function studentsText(s: SchoolRecord): string {
  const total = whole(s, 'students');
  if (total === null) return '　　人';
  const k = kept(s, 'students');
  const parts = k && k.by === 'stage' && Object.keys(k.values).length > 1 ? (Object.entries(k.values) as [StageKey, number][]).map(([st, v]) => `${st} ${v} 人`) : [];
  return `${total} 人${parts.length > 0 ? `（${parts.join('，')}）` : ''}`;
}

function passCell(p: boolean | null): ModelCell {
  if (p === true) return { value: '是', style: 'pass' };
  if (p === false) return { value: '否', style: 'fail' };
  return blank();
}

/** The form of one school under the given sheet name. */
export function buildSchoolForm(src: SchoolFormSource, s: SchoolRecord, ctx: ReportContext, sheetName: string): SheetModel {
  const items: FormRow[] = [...resourceRows(src, s, ctx.std), ...schoolItemRows(src, s, ctx.std)];
  const rows: ModelCell[][] = items.map((r) => [
    { value: r.group, style: 'text' },
    { value: r.item, style: 'text' },
    r.conclusion === null ? blank() : { value: r.conclusion, style: 'text' },
    passCell(r.pass),
  ]);
  // A 级指标 merged down over its rows.
  const merges: ModelMerge[] = [];
  for (let i = 0; i < items.length; ) {
    let j = i;
    while (j + 1 < items.length && items[j + 1].group === items[i].group) j++;
    if (j > i) {
      merges.push({ row: i, col: 0, rows: j - i + 1, cols: 1 });
      for (let k = i + 1; k <= j; k++) rows[k][0] = { value: '', style: 'text' };
    }
    i = j + 1;
  }
  const model = formSheet(
    {
      name: sheetName,
      title: SCHOOL_FORM_TITLE,
      headerRows: [['A 级指标', 'B 级指标及评估要点', '指标值或简要结论', '是否达标']],
      headerMerges: [],
      codeRow: ['', '', '', ''],
      rows,
      merges,
      notes: [
        '注：资源配置指标值保留两位小数，比例数值保留一位小数，其余保留整数；空白处由学校填写。',
        `据台账「${ctx.workbook}」自动填写（${isoDate(ctx.date)}，${ctx.std.name}）。`,
      ],
      // Narrow enough for a portrait A4 page (src/report/print.ts decides the orientation from the widths).
      widths: { fixed: { 0: 8, 1: 34, 2: 48, 3: 8 } },
    },
    ctx,
  );
  return {
    ...model,
    // The title block: the school, its 学段 and 在校生数 (the source line goes to the notes).
    subtitle: `学校名称：${s.name}　　学段：${stagesText(src, s)}　　在校生数：${studentsText(s)}`,
    // No code row on a school's form.
    codeRow: undefined,
    print: model.print ? { ...model.print, titleRows: 3 } : undefined,
    signature: [...SCHOOL_FORM_SIGNATURE],
  };
}

/** The schools a choice names: every school of the ledger in ledger order, or the named ones; and names not found. */
export function chooseSchools(src: SchoolFormSource, choice: SchoolFormChoice): { schools: SchoolRecord[]; unknown: string[] } {
  const all = src.ledgers.schools;
  if (choice === 'all') return { schools: [...all], unknown: [] };
  const schools: SchoolRecord[] = [];
  const unknown: string[] = [];
  for (const n of choice) {
    const hit = all.find((s) => s.name.trim() === n.trim());
    if (!hit) unknown.push(n);
    else if (!schools.includes(hit)) schools.push(hit);
  }
  return { schools, unknown };
}

/** A sheet name for a school's form in the county workbook: 「自评表-学校名」, legal (≤ 31 characters) and unique. */
export function schoolFormSheetName(school: string, taken: ReadonlySet<string>): string {
  const base = `${SCHOOL_FORM_PREFIX}${school.replace(BAD_SHEET_CHARS, '_').replace(/^'+|'+$/g, '').trim()}`;
  const cut = (s: string, n: number) => [...s].slice(0, n).join('');
  let name = cut(base, 31);
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${cut(base, 31 - String(i).length - 2)}（${i}）`;
  return name;
}

/** One form per chosen school, named for the county workbook (names unique among `taken` and each other). */
export function buildSchoolForms(src: SchoolFormSource, ctx: ReportContext, choice: SchoolFormChoice, taken: Iterable<string> = []): { forms: SheetModel[]; unknown: string[] } {
  const { schools, unknown } = chooseSchools(src, choice);
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const forms = schools.map((s) => {
    const name = schoolFormSheetName(s.name, used);
    used.add(name.toLowerCase());
    return buildSchoolForm(src, s, ctx, name);
  });
  return { forms, unknown };
}

/** A file name for a school's own workbook: 「学校名-学校自评表.xlsx」, without characters a file system refuses. */
export function schoolFormFileName(school: string, taken: ReadonlySet<string>): string {
  // eslint-disable-next-line no-control-regex
  const safe = school.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '').trim() || '学校';
  const base = [...safe].slice(0, 80).join('');
  let name = `${base}-学校自评表.xlsx`;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}（${i}）-学校自评表.xlsx`;
  return name;
}
