/** R5 生均体育运动场馆面积: 体育运动场馆面积 ÷ 在校生数 (㎡). */
import { resourceRule } from '../common/resource-item';

export const R5 = resourceRule({
  id: 'R5',
  numerator: 'sportsArea',
  given: 'sportsAreaPerStudent',
  per: 1,
  fields: ['体育运动场馆面积', '《规程》：中心城区学校、租赁/改造运动场地面积', '室内体育用房面积（settings.indoorSportsToR5）'],
  value: '体育运动场馆面积 ÷ 在校生数',
});
