/**
 * 校际差异系数 (CV) of R1–R7, per 学段: the student-weighted coefficient of variation over the schools that
 * entered 资源配置 with data (small 教学点 left out), against settings.cvLimits (小学 ≤ 0.50, 初中 ≤ 0.45). It
 * counts in the R1–R7 items (a CV over its limit makes the item 未达标). Also the 综合差异系数 (plain mean
 * of the seven, for information).
 */
import { RESOURCE_IDS, STAGES } from '../../standard/schema';
import { atMost } from '../compare';
import { complianceFinding } from '../context';
import { weightedCv } from '../cv';
import { cvMessage, roundTo } from '../format';
import { PER_100 } from '../common/resource-indicators';
import type { Rule } from './types';

export const CV: Rule = {
  id: 'CV',
  reads: [{ ledger: '学校台账', fields: ['R1–R7 的分子与在校生数（各校资源配置结果）'] }],
  pass: 'cv',
  checks: 'once per 学段 and indicator, from the per-school inputs the 资源配置 evaluation collects',
  raises: [{ kind: 'compliance', when: 'once for the county (no cell, measure cv) per CV over its limit' }],
  start: (run) => ({
    end: () => {
      const { ctx } = run;
      const std = ctx.std;
      for (const stage of STAGES) {
        const limit = std.settings.cvLimits[stage];
        let sum = 0;
        let all = true;
        for (const id of RESOURCE_IDS) {
          const P = run.cvInputs.students[stage][id];
          const Q = run.cvInputs.quantities[stage][id];
          const r = weightedCv(P, Q);
          const value = r ? r.cv : null;
          const pass = value === null ? null : atMost(value, limit, std.settings.epsilon);
          run.cv.push({ indicator: id, stage, countyValue: r ? r.mean * PER_100[id] : null, value, limit, pass, schools: P.length });
          if (value === null) all = false;
          else sum += value;
          if (pass === false && value !== null) {
            complianceFinding(ctx, null, id, null, stage, roundTo(value, 2), limit, roundTo(value - limit, 4), cvMessage(std, id, stage, value, limit), { measure: 'cv' });
          }
        }
        run.compositeCv[stage] = all ? sum / RESOURCE_IDS.length : null;
      }
    },
  }),
};
