/**
 * G15 县域内留守儿童关爱体系健全，全面纳入政府保障；符合条件的随迁子女在公办学校和政府购买服务的民办学校就读的
 * 比例不低于85% (threshold share). Once for the county: the 随迁子女 share from the 县级数据 sheet, and the
 * 留守儿童关爱体系 half from its 核查清单 line. Both halves count.
 */
import { countyHooks, partItem, shareFigure, withChecklistHalf } from '../common/county-figure';
import type { ItemStatus } from '../types';
import type { Rule } from './types';

export const G15: Rule = {
  id: 'G15',
  reads: [{ ledger: '县级数据', fields: ['随迁子女在公办学校和政府购买服务的民办学校就读比例'] }, { ledger: '核查清单', fields: ['G15 状态'] }],
  pass: 'county',
  checks: 'once: the 随迁子女 share ≥ share, and the 核查清单 answer on the 留守儿童关爱体系',
  raises: [
    { kind: 'compliance', when: 'on the figure\'s value cell when short; on the 核查清单 状态 cell when 未达标' },
    { kind: 'data', when: 'on a blank figure' },
  ],
  checklist: { content: '县域内留守儿童关爱体系健全，全面纳入政府保障（随迁子女就读比例见县级数据）' },
  start: (run) =>
    countyHooks(run, (ctx, county) => shareFigure(ctx, county, 'G15', 'migrantShare'), (figure) => {
      const second: ItemStatus = run.checklist.find((l) => l.id === 'G15')?.status ?? '待核实';
      return withChecklistHalf(partItem('G15', '县级数据 + 核查清单', figure), figure, second, `${figure.note}；留守儿童关爱体系：核查清单${second}`);
    }),
};
