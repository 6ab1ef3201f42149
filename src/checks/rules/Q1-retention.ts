/** Q1 全县初中三年巩固率达到95%以上 (threshold share). Once for the county: the 县级数据 figure ≥ share. */
import { shareRule } from '../common/county-figure';

export const Q1 = shareRule('Q1', 'retention');
