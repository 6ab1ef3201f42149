/** Q2 全县残疾儿童少年入学率达到95%以上 (threshold share). Once for the county: the 县级数据 figure ≥ share. */
import { partItem, shareFigure, type ItemPart } from '../shared/county-figure';
import type { Rule } from './types';

export const Q2: Rule = {
  id: 'Q2',
  reads: [{ ledger: '县级数据', fields: ['残疾儿童少年入学率'] }],
  pass: 'county',
  checks: 'once: the figure ≥ share',
  raises: [
    { kind: 'compliance', when: 'on the figure\'s value cell when short' },
    { kind: 'data', when: 'on a blank figure (an ambiguous or unreadable one is raised by the ledger reader)' },
  ],
  start: (run) => {
    let part: ItemPart | null = null;
    return {
      county: (county) => {
        part = shareFigure(run.ctx, county, 'Q2', 'disabledEnrolment');
      },
      item: () => partItem('Q2', '县级数据', part ?? shareFigure(run.ctx, null, 'Q2', 'disabledEnrolment')),
    };
  },
};
