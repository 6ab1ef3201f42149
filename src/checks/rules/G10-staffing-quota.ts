/** G10 县级教育行政部门统筹分配各校教职工编制和岗位数量: verified by the 核查清单. */
import { checklistRule } from '../common/checklist';

export const G10 = checklistRule('G10', '县级教育行政部门在核定的编制总额和岗位总量内统筹分配各校编制和岗位的文件');
