/** G14 优质高中招生名额分配比例不低于50%，并向农村初中倾斜 (threshold share). Once for the county: the 县级数据 figure ≥ share. */
import { shareRule } from '../common/county-figure';

export const G14 = shareRule('G14', 'quotaShare');
