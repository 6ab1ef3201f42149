/** G1 学校规划布局合理，符合国家规定要求: verified by the 核查清单 (the county's layout plan and its execution). */
import { checklistRule } from '../common/checklist';

export const G1 = checklistRule('G1', '县域义务教育学校布局规划及执行情况（规划文件、学校分布、新建改扩建项目）');
