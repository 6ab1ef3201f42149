/**
 * G11 全县每年交流轮岗教师的比例不低于符合交流条件教师总数的10%；其中，骨干教师不低于交流轮岗教师总数的20%:
 * rotated ÷ eligible ≥ rotationShare, 县级及以上骨干
 * ≥ backboneShare of those rotated. Per teacher row (a blank 是/否 reads as 否), then the county shares.
 */
import { parseYesNo } from '../../ledger/coerce';
import type { TextCell } from '../../ledger/types';
import { threshold } from '../../standard';
import { atLeast } from '../compare';
import { amount, complianceFinding, dataFinding, type Ctx } from '../context';
import { pct } from '../format';
import type { ItemResult } from '../types';
import type { Rule } from './types';

export const G11: Rule = {
  id: 'G11',
  reads: [{ ledger: '教师台账', fields: ['姓名', '学校', '骨干级别', '是否符合交流条件', '本年度是否交流轮岗'] }],
  pass: 'teacher',
  checks: 'per teacher row: eligible and rotated counted (backbone from the teacher-ledger derivation); at the end, rotated ÷ eligible and backbone ÷ rotated against their shares',
  raises: [
    { kind: 'compliance', when: 'once for the county (no cell) per share that is short' },
    { kind: 'data', when: 'on an unreadable 是/否 cell (counted as 否)' },
  ],
  start: (run) => {
    const { ctx } = run;
    let eligible = 0;
    let rotated = 0;
    let rotatedBackbone = 0;
    let rotatedBackboneUnknown = 0;
    let eligibleColumn = false;
    let rotatedColumn = false;
    let item: ItemResult | null = null;
    return {
      teacherRow: ({ t, school, stage, backbone }) => {
        // A blank 是/否 cell reads as 否.
        const yes = (c: TextCell | null, label: string): boolean => {
          if (!c || c.text === '') return false;
          const v = parseYesNo(c.text);
          if (v === null) {
            dataFinding(ctx, c.ref, 'G11', school, stage, `教师“${t.name}”的「${label}」“${c.text}”无法识别（应填 是 或 否），按 否 统计`);
            return false;
          }
          return v;
        };
        if (t.eligible) eligibleColumn = true;
        if (t.rotated) rotatedColumn = true;
        if (yes(t.eligible, '是否符合交流条件')) eligible++;
        if (yes(t.rotated, '本年度是否交流轮岗')) {
          rotated++;
          if (backbone === true) rotatedBackbone++;
          else if (backbone === null) rotatedBackboneUnknown++;
        }
      },
      end: () => {
        item = rotationItem(ctx, run.hasTeacherLedger && eligibleColumn && rotatedColumn, eligible, rotated, rotatedBackbone, rotatedBackboneUnknown);
      },
      item: () => item ?? rotationItem(ctx, false, 0, 0, 0, 0),
    };
  },
};

function rotationItem(ctx: Ctx, present: boolean, eligible: number, rotated: number, backbone: number, backboneUnknown: number): ItemResult {
  const std = ctx.std;
  const eps = ctx.eps;
  const rShare = threshold(std, 'G11', 'rotationShare');
  const bShare = threshold(std, 'G11', 'backboneShare');
  const required = `交流轮岗 ≥ ${pct(rShare)}；其中骨干 ≥ ${pct(bShare)}`;
  if (!present) {
    return { id: 'G11', status: '数据不全', value: null, required, failing: 0, method: '教师台账', note: '教师台账缺少「是否符合交流条件」或「本年度是否交流轮岗」，无法计算' };
  }
  if (eligible === 0) {
    return { id: 'G11', status: '数据不全', value: null, required, failing: 0, method: '教师台账', note: '教师台账中没有符合交流条件的教师，无法计算交流轮岗比例' };
  }
  const share = rotated / eligible;
  const notes: string[] = [];
  let failing = 0;
  let unknown = false;
  const value = `交流 ${pct(share)}（${rotated}/${eligible}）${rotated > 0 ? `；骨干 ${pct(backbone / rotated)}（${backbone}/${rotated}）` : ''}`;
  if (!atLeast(share, rShare, eps)) {
    const need = Math.max(1, Math.ceil(rShare * eligible - rotated - 1e-9));
    failing += need;
    const msg = `全县交流轮岗教师 ${rotated} 人，占符合交流条件教师 ${eligible} 人的 ${pct(share)}，标准 ≥ ${pct(rShare)}，还需交流 ${need} 人`;
    complianceFinding(ctx, null, 'G11', null, null, Number(share.toFixed(6)), rShare, Number((rShare - share).toFixed(6)), msg, { need: amount(need, '人', 0) });
    notes.push(msg);
  }
  if (rotated > 0) {
    const b = backbone / rotated;
    if (!atLeast(b, bShare, eps)) {
      if (atLeast((backbone + backboneUnknown) / rotated, bShare, eps)) unknown = true;
      else {
        // x more backbone teachers rotating: (b + x) / (r + x) ≥ share.
        const need = Math.max(1, Math.ceil((bShare * rotated - backbone) / (1 - bShare) - 1e-9));
        failing += need;
        const msg = `交流轮岗教师中县级及以上骨干教师 ${backbone} 人，占交流轮岗教师 ${rotated} 人的 ${pct(b)}，标准 ≥ ${pct(bShare)}，还需骨干教师交流 ${need} 人`;
        complianceFinding(ctx, null, 'G11', null, null, Number(b.toFixed(6)), bShare, Number((bShare - b).toFixed(6)), msg, { need: amount(need, '人', 0) });
        notes.push(msg);
      }
    }
  } else if (failing === 0) unknown = true;
  if (failing > 0) return { id: 'G11', status: '未达标', value, required, failing, method: '教师台账', note: notes.join('；') };
  if (unknown) return { id: 'G11', status: '数据不全', value, required, failing: 0, method: '教师台账', note: '部分交流轮岗教师的骨干级别无法判断（见问题清单）' };
  return { id: 'G11', status: '达标', value, required, failing: 0, method: '教师台账', note: value };
}
