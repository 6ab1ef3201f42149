/** R6 生均教学仪器设备值: 教学仪器设备值 ÷ 在校生数 (元). */
import { resourceRule } from '../common/resource-item';

export const R6 = resourceRule({
  id: 'R6',
  numerator: 'equipmentValue',
  given: 'equipmentPerStudent',
  per: 1,
  fields: ['教学仪器设备值'],
  value: '教学仪器设备值 ÷ 在校生数',
});
