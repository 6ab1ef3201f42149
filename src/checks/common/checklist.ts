/** The 核查清单: the lines the rules declare, with the user's answers read back. */
import { cellAddress } from '../../ledger/grid';
import type { ChecklistAnswer } from '../../ledger/types';
import type { IndicatorId, VetoItem } from '../../standard/schema';
import { textFinding, type Ctx } from '../context';
import type { Rule } from '../rules/types';
import { checklistItem } from './item-status';
import type { ChecklistLine, VetoLine } from '../types';

/** Who answers for a 一票否决 item (the county government as a whole; not in the indicators' 责任单位). */
export const VETO_DEPARTMENTS: readonly string[] = ['县人民政府', '县教育局'];

export const CHECKLIST_STATUSES = ['达标', '未达标', '待核实'] as const;

/** The lines of the rules that declare one, in the rules' order. */
export function checklistLines(rules: readonly Rule[]): { id: IndicatorId; content?: string }[] {
  const out: { id: IndicatorId; content?: string }[] = [];
  for (const r of rules) {
    if (!r.checklist || r.id === 'CV') continue;
    out.push(r.checklist.content !== undefined ? { id: r.id, content: r.checklist.content } : { id: r.id });
  }
  return out;
}

/** The checklist lines with the answers read back; a 未达标 answer is a compliance finding at its 状态 cell. */
export function buildChecklist(ctx: Ctx, lines: readonly { id: IndicatorId; content?: string }[], answers: readonly ChecklistAnswer[]): ChecklistLine[] {
  const byId = new Map<string, ChecklistAnswer>();
  for (const a of answers) if (!byId.has(a.id)) byId.set(a.id, a);
  return lines.map((l) => {
    const ind = ctx.std.indicators[l.id];
    const a = byId.get(l.id);
    if (a && a.status === '未达标') {
      textFinding(ctx, 'compliance', a.statusRef, l.id, null, null, '未达标', '达标',
        `核查清单：${l.id} ${ind.name}——自查结论为未达标${a.remark ? `（${a.remark}）` : ''}`);
    }
    return {
      id: l.id,
      item: ind.name,
      content: l.content ?? ind.name,
      status: a ? a.status : '待核实',
      evidence: a?.evidence ?? '',
      remark: a?.remark ?? '',
      answered: a !== undefined,
    };
  });
}

/** A rule verified only by the 核查清单 (G1, G2, G10, Q5–Q8). */
export function checklistRule(id: IndicatorId, content?: string): Rule {
  return {
    id,
    reads: [{ ledger: '核查清单', fields: ['编号', '状态', '佐证材料', '备注'] }],
    pass: 'checklist',
    checks: 'once: the user\'s answer in the 核查清单 sheet the tool writes (待核实 until answered)',
    raises: [
      { kind: 'compliance', when: 'on the 状态 cell, when the answer is 未达标' },
      { kind: 'data', when: 'on the 状态 cell, when it cannot be read (raised by the ledger reader)' },
    ],
    checklist: content !== undefined ? { content } : {},
    start: (run) => ({ item: () => checklistItem(run, id) }),
  };
}

/**
 * The 一票否决 lines (standard `veto`) with the answers read back: 达标 = 不存在该情形, 未达标 = 存在. A 未达标
 * answer is a compliance finding at its 状态 cell (indicator = the line's id). `sheetRead`: a 核查清单 was read
 * (the user's, kept as it is); a line it lacks is not on the sheet and counts as 未填写.
 */
export function buildVeto(ctx: Ctx, items: readonly VetoItem[], answers: readonly ChecklistAnswer[], sheetRead: boolean): VetoLine[] {
  const byId = new Map<string, ChecklistAnswer>();
  for (const a of answers) if (!byId.has(a.id)) byId.set(a.id, a);
  return items.map((v) => {
    const a = byId.get(v.id);
    if (a && a.status === '未达标') {
      ctx.findings.push({
        kind: 'compliance',
        indicator: v.id,
        sheet: a.statusRef.sheet,
        cell: cellAddress(a.statusRef.row, a.statusRef.col),
        school: null,
        stage: null,
        actual: '存在',
        required: '不存在',
        gap: null,
        message: `一票否决：${v.id} ${v.name}——核查清单填报为存在（未达标）${a.remark ? `（${a.remark}）` : ''}，全县不能通过优质均衡督导认定`,
        departments: [...VETO_DEPARTMENTS],
      });
    }
    return {
      id: v.id,
      item: v.name,
      status: a ? a.status : '待核实',
      evidence: a?.evidence ?? '',
      remark: a?.remark ?? '',
      answered: a !== undefined,
      onSheet: a !== undefined || !sheetRead,
    };
  });
}
