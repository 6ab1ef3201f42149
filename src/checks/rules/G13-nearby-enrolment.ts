/**
 * G13 城区和镇区公办小学、初中（不含寄宿制学校）就近划片入学比例分别达到100%、95% (thresholds 小学, 初中).
 * Per 城区 / 镇区 non-boarding school and 学段.
 */
import { parseYesNo } from '../../ledger/coerce';
import { normalizeText } from '../../ledger/normalize';
import type { SchoolRecord } from '../../ledger/types';
import type { Stage } from '../../standard/schema';
import { threshold } from '../../standard';
import { atLeast } from '../compare';
import { complianceFinding, dataFinding, noteMissing, type Ctx } from '../context';
import { formatThreshold, indicatorRef, pct, quantityLabel } from '../format';
import { perSchoolItem } from '../common/item-status';
import { stagesOfType } from '../common/whole-school';
import type { Rule } from './types';

/** 城区 / 镇区 / 乡村 from a 城乡类型 cell; null when it cannot be told. */
export function localeOf(text: string): '城区' | '镇区' | '乡村' | null {
  const s = normalizeText(text);
  if (s === '') return null;
  if (/乡村|农村|村/.test(s)) return '乡村';
  if (/城区|城市|县城|主城|城关|市区|城镇结合|城乡结合|城/.test(s)) return '城区';
  if (/镇区|镇|集镇/.test(s)) return '镇区';
  if (/乡/.test(s)) return '乡村';
  return null;
}

/** 是否寄宿制: true / false / null (cannot tell). */
export function boardingOf(text: string): boolean | null {
  const s = normalizeText(text);
  if (s === '') return null;
  if (/非寄宿|走读|不寄宿/.test(s)) return false;
  if (/寄宿/.test(s)) return true;
  return parseYesNo(s);
}

/** G13: 城区、镇区 non-boarding 小学 / 初中: 就近划片入学比例 ≥ the 学段 threshold. */
function checkNearbyEnrolment(ctx: Ctx, s: SchoolRecord, tally: { checked: number }): void {
  const split = s.quantities.nearbyShare;
  if (!split || s.type === '特殊教育学校') return;
  const std = ctx.std;
  const locale = s.attributes?.locale;
  const boarding = s.attributes?.boarding;
  if (!locale || !boarding) return; // the ledger reports the missing column
  const where = localeOf(locale.text);
  if (where === null) {
    dataFinding(ctx, locale.ref, 'G13', s.name, null,
      locale.text === '' ? `「城乡类型」未填写，无法判断是否检查 就近划片入学比例（G13）` : `「城乡类型」“${locale.text}”无法识别（应为 城区、镇区 或 乡村）`);
    return;
  }
  if (where === '乡村') return;
  const b = boardingOf(boarding.text);
  if (b === null) {
    dataFinding(ctx, boarding.ref, 'G13', s.name, null,
      boarding.text === '' ? `「是否寄宿制」未填写，无法判断是否检查 就近划片入学比例（G13）` : `「是否寄宿制」“${boarding.text}”无法识别（应填 是 或 否）`);
    return;
  }
  if (b) return;
  const stages = stagesOfType(s.type).filter((k): k is Stage => k === '小学' || k === '初中');
  let counted = false;
  for (const stage of stages) {
    const n = split[stage] ?? split.all;
    if (!n) continue;
    if (n.value === null) {
      noteMissing(ctx, n, quantityLabel('nearbyShare', split[stage] ? stage : 'all'), indicatorRef(std, 'G13'), 'G13', s.name, stage);
      continue;
    }
    if (!counted) tally.checked++;
    counted = true;
    const limit = threshold(std, 'G13', stage);
    if (atLeast(n.value, limit, ctx.eps)) continue;
    const prefix = stages.length > 1 ? `${stage}部：` : '';
    complianceFinding(ctx, n.ref, 'G13', s.name, stage, n.value, limit, Number((limit - n.value).toFixed(6)),
      `${prefix}就近划片入学比例 ${pct(n.value)}，标准 ≥ ${pct(limit)}（${where}非寄宿制${stage}）`);
  }
}

export const G13: Rule = {
  id: 'G13',
  reads: [{ ledger: '学校台账', fields: ['学校类型', '城乡类型', '是否寄宿制', '就近划片入学比例（分学段或全校）'] }],
  pass: 'school',
  checks: 'per 城区 / 镇区 non-boarding school and 学段 (小学, 初中): 就近划片入学比例 ≥ the 学段 threshold',
  raises: [
    { kind: 'compliance', when: 'on the 学段\'s 就近划片入学比例 cell when short' },
    { kind: 'data', when: 'on an unreadable 城乡类型 or 是否寄宿制 cell; on a blank 比例 cell' },
  ],
  start: (run) => {
    const tally = { checked: 0 };
    const hasAttr = (a: 'locale' | 'boarding') => run.schools.some((s) => s.attributes?.[a] !== undefined);
    return {
      school: (s) => checkNearbyEnrolment(run.ctx, s, tally),
      item: () => {
        const t = run.ctx.std.indicators.G13.thresholds;
        return perSchoolItem(run, {
          id: 'G13',
          method: '学校台账',
          required: `小学 ${formatThreshold(t.小学 * 100)}%，初中 ≥ ${formatThreshold(t.初中 * 100)}%`,
          present: run.schools.some((s) => s.quantities.nearbyShare !== undefined) && hasAttr('locale') && hasAttr('boarding'),
          missing: '学校台账缺少「就近划片入学比例」「城乡类型」或「是否寄宿制」列',
          checked: tally.checked,
        });
      },
    };
  },
};
