/** Q7 课程开齐开足，教学秩序规范，综合实践活动有效开展: verified by the 核查清单. */
import { checklistRule } from '../common/checklist';

export const Q7 = checklistRule('Q7');
