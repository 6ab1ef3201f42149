/** G2 县级人民政府制定义务教育学校办学标准，所有学校达到要求: verified by the 核查清单. */
import { checklistRule } from '../common/checklist';

export const G2 = checklistRule('G2', '县级人民政府制定的义务教育学校办学标准文件，及所有学校达到标准的情况');
