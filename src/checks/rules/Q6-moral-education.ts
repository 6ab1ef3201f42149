/** Q6 所有学校德育工作、校园文化建设水平达到良好以上: verified by the 核查清单. */
import { checklistRule } from '../common/checklist';

export const Q6 = checklistRule('Q6');
