/** R7 每百名学生拥有网络多媒体教室数: 网络多媒体教室数 ÷ 在校生数 × 100. */
import { resourceRule } from '../common/resource-item';

export const R7 = resourceRule({
  id: 'R7',
  numerator: 'multimediaRooms',
  given: 'multimediaPer100',
  per: 100,
  fields: ['网络多媒体教室数'],
  value: '网络多媒体教室数 ÷ 在校生数 × 100',
});
