/**
 * Item status from findings, shared by the rules (a missing value is never a pass):
 * - per-school / per-row items (G3–G7, G13, Q3, Q4): 未达标 with any compliance finding (`failing` = schools,
 *   or cells for G5's classes); 数据不全 when the columns are missing or a data finding names the item;
 * - 核查清单 items: the user's answer (待核实 until answered);
 * - items with two halves (G8, G15): 未达标 if either fails, else 数据不全, else 待核实, else 达标.
 */
import type { Finding } from '../../ledger/finding';
import type { IndicatorId } from '../../standard/schema';
import type { Run } from '../rules/types';
import type { ItemResult, ItemStatus } from '../types';

export function combine(parts: readonly ItemStatus[]): ItemStatus {
  if (parts.includes('未达标')) return '未达标';
  if (parts.includes('数据不全')) return '数据不全';
  if (parts.includes('待核实')) return '待核实';
  return '达标';
}

/** Failing units and data findings per indicator, over every finding of the run. */
export function tallyFindings(all: readonly Finding[]): (id: IndicatorId, unit?: 'school' | 'cell') => { failing: number; data: number } {
  const bySchool = new Map<string, Set<string>>();
  const byCell = new Map<string, Set<string>>();
  const dataOf = new Map<string, number>();
  for (const f of all) {
    if (f.indicator === null) continue;
    if (f.kind === 'compliance') {
      const cell = `${f.sheet}!${f.cell}`;
      const s = bySchool.get(f.indicator) ?? new Set<string>();
      s.add(f.school ?? cell);
      bySchool.set(f.indicator, s);
      const c = byCell.get(f.indicator) ?? new Set<string>();
      c.add(cell);
      byCell.set(f.indicator, c);
    } else dataOf.set(f.indicator, (dataOf.get(f.indicator) ?? 0) + 1);
  }
  return (id, unit = 'school') => ({ failing: (unit === 'cell' ? byCell : bySchool).get(id)?.size ?? 0, data: dataOf.get(id) ?? 0 });
}

export interface PerSchoolItem {
  id: IndicatorId;
  method: string;
  required: string;
  /** The columns the item needs are in the ledger. */
  present: boolean;
  /** The note when they are not. */
  missing: string;
  /** What a failing unit is: a school (default) or a cell (G5: a class row). */
  unit?: 'school' | 'cell';
  /** Units checked, for "n 所学校均达标"; absent: "均达标". */
  checked?: number;
  /** Nothing to check in this county (G7 without a 特殊教育学校): 达标 with this note. */
  notApplicable?: string | null;
  /** The note of a pass (default 未发现问题). */
  passNote?: string;
}

export function perSchoolItem(run: Pick<Run, 'tally'>, o: PerSchoolItem): ItemResult {
  const { failing, data } = run.tally(o.id, o.unit);
  const word = o.unit === 'cell' ? '个班级' : '所学校';
  const item = (status: ItemStatus, value: string | null, note: string): ItemResult => ({ id: o.id, status, value, required: o.required, failing, method: o.method, note });
  if (failing > 0) return item('未达标', `${failing} ${word}未达标`, `${failing} ${word}未达标（见问题清单）${data > 0 ? `；另有 ${data} 处数据问题` : ''}`);
  if (!o.present) return item('数据不全', null, o.missing);
  if (data > 0) return item('数据不全', null, `${data} 处数据问题（见问题清单），尚不能判定`);
  if (o.notApplicable) return item('达标', '不适用', o.notApplicable);
  return item('达标', o.checked !== undefined ? `${o.checked} ${word}均达标` : '均达标', o.passNote ?? '未发现问题');
}

/** An item verified only by the 核查清单: the user's answer, 待核实 until answered. */
export function checklistItem(run: Pick<Run, 'checklist'>, id: IndicatorId): ItemResult {
  const line = run.checklist.find((l) => l.id === id);
  const status = line?.status ?? '待核实';
  return {
    id,
    status,
    // 待核实 is the same whether the sheet is new or read back unanswered: open, with no value.
    value: line && line.answered && line.status !== '待核实' ? line.status : null,
    required: '达标',
    failing: status === '未达标' ? 1 : 0,
    method: '核查清单',
    note: status === '待核实' || !line ? '待核实：请在「核查清单」中填写状态和佐证材料' : [line.evidence && `佐证：${line.evidence}`, line.remark].filter(Boolean).join('；'),
  };
}
