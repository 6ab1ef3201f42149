/**
 * The county's bottom line, shared by the 自查自评总表, the command line's summary and the JSON report: it would
 * pass today only when every item of the standard is 达标 and every 一票否决 item is answered 达标 (不存在该情形).
 * One 一票否决 item answered 未达标 (存在) means it cannot pass, whatever else holds. Pure.
 */
import type { CheckResult, ItemResult, VetoLine } from '../checks/types';

export interface CountyVerdict {
  pass: boolean;
  /** Items of the standard not yet 达标. */
  blocking: ItemResult[];
  /** 一票否决 items answered 未达标 (存在): the county cannot pass. */
  vetoed: VetoLine[];
  /** 一票否决 items not yet answered 达标: 待核实, or not on the user's (older) 核查清单 at all. */
  vetoOpen: VetoLine[];
  /** One Chinese sentence: why the county can or cannot pass. */
  reason: string;
}

/** "F1 以考试方式招生、F3 设重点学校或重点班". */
export function vetoNames(lines: readonly VetoLine[]): string {
  return lines.map((l) => `${l.id} ${l.item}`).join('、');
}

export function countyVerdict(result: CheckResult): CountyVerdict {
  const blocking = result.items.filter((i) => i.status !== '达标');
  const veto = result.veto ?? [];
  const vetoed = veto.filter((v) => v.status === '未达标');
  const vetoOpen = veto.filter((v) => v.status !== '未达标' && v.status !== '达标');
  const pass = result.items.length > 0 && blocking.length === 0 && vetoed.length === 0 && vetoOpen.length === 0;
  const parts: string[] = [];
  if (vetoed.length > 0) parts.push(`一票否决：${vetoNames(vetoed)} 填报为存在，全县不能通过认定`);
  const missing = vetoOpen.filter((v) => !v.onSheet);
  const pending = vetoOpen.filter((v) => v.onSheet);
  if (pending.length > 0) parts.push(`一票否决项待核实：${pending.map((v) => v.id).join('、')}`);
  if (missing.length > 0) parts.push(`一票否决项未填写：${missing.map((v) => v.id).join('、')}（现有核查清单中没有这几行，请在表末按编号补上并填写状态）`);
  for (const s of ['未达标', '数据不全', '待核实'] as const) {
    const ids = blocking.filter((i) => i.status === s).map((i) => i.id);
    if (ids.length > 0) parts.push(`${s}：${ids.join('、')}`);
  }
  return { pass, blocking, vetoed, vetoOpen, reason: pass ? '各项均已达标，一票否决项均不存在' : parts.join('；') };
}
