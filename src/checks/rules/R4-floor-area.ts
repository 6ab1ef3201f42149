/** R4 生均教学及辅助用房面积: 教学及辅助用房面积 ÷ 在校生数 (㎡). */
import { resourceRule } from '../common/resource-item';

export const R4 = resourceRule({
  id: 'R4',
  numerator: 'floorArea',
  given: 'floorAreaPerStudent',
  per: 1,
  fields: ['教学及辅助用房面积', '室内体育用房面积（settings.indoorSportsToR5）'],
  value: '教学及辅助用房面积 ÷ 在校生数',
});
