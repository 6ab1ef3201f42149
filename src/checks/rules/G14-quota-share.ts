/** G14 优质高中招生名额分配比例不低于50%，并向农村初中倾斜 (threshold share). Once for the county: the 县级数据 figure ≥ share. */
import { partItem, shareFigure, type ItemPart } from '../shared/county-figure';
import type { Rule } from './types';

export const G14: Rule = {
  id: 'G14',
  reads: [{ ledger: '县级数据', fields: ['优质高中招生名额分配比例'] }],
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
        part = shareFigure(run.ctx, county, 'G14', 'quotaShare');
      },
      item: () => partItem('G14', '县级数据', part ?? shareFigure(run.ctx, null, 'G14', 'quotaShare')),
    };
  },
};
