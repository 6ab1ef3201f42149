/** R2 每百名学生拥有县级及以上骨干教师数: 县级及以上骨干教师数 ÷ 在校生数 × 100 (the teacher ledger can supply the count). */
import { resourceRule } from '../common/resource-item';

export const R2 = resourceRule({
  id: 'R2',
  numerator: 'backboneTeachers',
  given: 'backbonePer100',
  per: 100,
  fields: ['县级及以上骨干教师数（或教师台账「骨干级别」）'],
  value: '县级及以上骨干教师数 ÷ 在校生数 × 100',
});
