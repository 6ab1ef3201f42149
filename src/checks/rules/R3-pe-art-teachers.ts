/**
 * R3 每百名学生拥有体育、艺术（美术、音乐）专任教师数: the combined column, else 体育 + 音乐 + 美术 专任教师数,
 * ÷ 在校生数 × 100 (the teacher ledger can supply the counts from 任教学科 and 是否专任).
 */
import { resourceRule } from '../common/resource-item';

export const R3 = resourceRule({
  id: 'R3',
  numerator: 'peArtTeachers',
  given: 'peArtPer100',
  per: 100,
  parts: ['peTeachers', 'musicTeachers', 'artTeachers'],
  fields: [
    '体育、艺术（音乐、美术）专任教师数，或 体育 / 音乐 / 美术专任教师数（或教师台账「任教学科」「是否专任」）',
    '《规程》：乡村小规模学校、走教/兼职体艺教师数',
  ],
  value: '体育、艺术专任教师数 ÷ 在校生数 × 100',
});
