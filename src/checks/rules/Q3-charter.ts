/** Q3 所有学校制定章程，实现一校一章程. Per school: the 章程 cell. */
import { parseYesNo } from '../../ledger/coerce';
import type { SchoolRecord } from '../../ledger/types';
import { dataFinding, textFinding, type Ctx } from '../context';
import { indicatorRef } from '../format';
import { perSchoolItem } from '../common/item-status';
import type { Rule } from './types';

/** Q3: the school has a 章程. 有/是/已制定 (or any other note of one) passes; 无/否/未制定 fails; blank is a data finding. */
function checkCharter(ctx: Ctx, s: SchoolRecord, tally: { checked: number }): void {
  const c = s.attributes?.charter;
  if (!c) return;
  if (c.text === '') {
    dataFinding(ctx, c.ref, 'Q3', s.name, null, `「章程」未填写，无法核查 ${indicatorRef(ctx.std, 'Q3')}`);
    return;
  }
  tally.checked++;
  if (parseYesNo(c.text) !== false) return;
  textFinding(ctx, 'compliance', c.ref, 'Q3', s.name, null, c.text, '有', `学校未制定章程（「章程」填写为“${c.text}”）`);
}

export const Q3: Rule = {
  id: 'Q3',
  reads: [{ ledger: '学校台账', fields: ['章程'] }],
  pass: 'school',
  checks: 'per school: 有/是/已制定 (or any note of one) passes; 无/否/未制定 fails',
  raises: [
    { kind: 'compliance', when: 'on the 章程 cell when 无' },
    { kind: 'data', when: 'on a blank 章程 cell' },
  ],
  start: (run) => {
    const tally = { checked: 0 };
    return {
      school: (s) => checkCharter(run.ctx, s, tally),
      item: () =>
        perSchoolItem(run, {
          id: 'Q3',
          method: '学校台账',
          required: '所有学校制定章程',
          present: run.schools.some((s) => s.attributes?.charter !== undefined),
          missing: '学校台账缺少「章程」列',
          checked: tally.checked,
        }),
    };
  },
};
