/** The 核查清单: the lines the rules declare, with the user's answers read back. */
import type { ChecklistAnswer } from '../../ledger/types';
import type { IndicatorId } from '../../standard/schema';
import { textFinding, type Ctx } from '../context';
import type { Rule } from '../rules/types';
import { checklistItem } from './item-status';
import type { ChecklistLine } from '../types';

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
