/** A county share over teacher rows (G9, G12): 未达标 when the known rows already fall short, 数据不全 when rows are unknown. */
import { atLeast } from '../compare';
import { amount, complianceFinding, type Ctx } from '../context';
import { pct } from '../format';
import type { ItemResult } from '../types';

export interface RateText {
  method: string;
  what: (share: number, known: number, reached: number) => string;
  short: (need: number) => string;
  failingCount: (known: number, reached: number) => number;
  missing: string;
}

/** A county share item: 未达标 when the known rows already fall short, 数据不全 when rows are unknown. */
export function rateItem(ctx: Ctx, id: 'G9' | 'G12', present: boolean, known: number, reached: number, unknown: number, required: number, t: RateText): ItemResult {
  if (!present || known + unknown === 0) {
    return { id, status: '数据不全', value: null, required, failing: 0, method: t.method, note: present ? '教师台账中没有可核查的教师' : t.missing };
  }
  // The share over all rows, unknown ones counted as not reaching (never a pass).
  const share = known > 0 ? reached / (known + unknown) : 0;
  const knownShare = known > 0 ? reached / known : 0;
  const failing = t.failingCount(known, reached);
  if (failing > 0 || !atLeast(knownShare, required, ctx.eps)) {
    const need = Math.max(failing, Math.ceil(required * (known + unknown) - reached - 1e-9));
    const msg = `${t.what(share, known + unknown, reached)}，标准 ≥ ${pct(required)}，${t.short(need)}`;
    complianceFinding(ctx, null, id, null, null, Number(share.toFixed(6)), required, Number((required - share).toFixed(6)), msg, {
      need: amount(need, '人', 0),
    });
    return { id, status: '未达标', value: share, required, failing, method: t.method, note: msg };
  }
  if (unknown > 0) {
    return { id, status: '数据不全', value: share, required, failing: 0, method: t.method, note: `${unknown} 名教师的数据未填或无法识别（见问题清单）` };
  }
  return { id, status: '达标', value: share, required, failing: 0, method: t.method, note: t.what(share, known, reached) };
}
