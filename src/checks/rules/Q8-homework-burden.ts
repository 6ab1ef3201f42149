/** Q8 无过重课业负担: verified by the 核查清单. */
import { checklistRule } from '../common/checklist';

export const Q8 = checklistRule('Q8');
