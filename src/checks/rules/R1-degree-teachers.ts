/** R1 每百名学生拥有高于规定学历教师数: 高于规定学历教师数 ÷ 在校生数 × 100 (the teacher ledger can supply the count). */
import { resourceRule } from '../common/resource-item';

export const R1 = resourceRule({
  id: 'R1',
  numerator: 'degreeTeachers',
  given: 'degreePer100',
  per: 100,
  fields: ['高于规定学历教师数（或教师台账「学历」）'],
  value: '高于规定学历教师数 ÷ 在校生数 × 100',
});
