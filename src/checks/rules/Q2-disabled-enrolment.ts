/** Q2 全县残疾儿童少年入学率达到95%以上 (threshold share). Once for the county: the 县级数据 figure ≥ share. */
import { shareRule } from '../common/county-figure';

export const Q2 = shareRule('Q2', 'disabledEnrolment');
