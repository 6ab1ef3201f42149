/** Q1 全县初中三年巩固率达到95%以上 (threshold share). Once for the county: the 县级数据 figure ≥ share. */
import { partItem, shareFigure, type ItemPart } from '../shared/county-figure';
import type { Rule } from './types';

export const Q1: Rule = {
  id: 'Q1',
  reads: [{ ledger: '县级数据', fields: ['初中三年巩固率'] }],
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
        part = shareFigure(run.ctx, county, 'Q1', 'retention');
      },
      item: () => partItem('Q1', '县级数据', part ?? shareFigure(run.ctx, null, 'Q1', 'retention')),
    };
  },
};
