/** Q5 教师能熟练运用信息化手段组织教学，设施设备利用率达到较高水平: verified by the 核查清单. */
import { checklistRule } from '../common/checklist';

export const Q5 = checklistRule('Q5');
