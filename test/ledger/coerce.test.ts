import { readNumber, isDateFormat, parseGrade, stageOfGrade, parseSchoolType, inferSchoolType } from '../../src/ledger';

describe('readNumber', () => {
  it.each<[unknown, number, number | undefined]>([
    [1200, 1200, undefined],
    [0, 0, undefined],
    ['1200', 1200, undefined],
    ['１２００', 1200, undefined],
    ['1,200', 1200, undefined],
    ['1，200', 1200, undefined],
    ['1,234,567.5', 1234567.5, undefined],
    [' 1200人 ', 1200, undefined],
    ['\u3000１２００\u3000', 1200, undefined],
    ['3.5㎡', 3.5, 1],
    ['3.5平方米', 3.5, 1],
    ['3.5m²', 3.5, 1],
    ['12间', 12, undefined],
    ['45.6万元', 45.6, 10000],
    ['45.6万', 45.6, 10000],
    ['300元', 300, 1],
    ['-5', -5, undefined],
    ['45.5', 45.5, undefined],
    ['.5', 0.5, undefined],
  ])('reads %p', (input, value, factor) => {
    const r = readNumber(input as never);
    expect(r).toEqual(factor === undefined ? { value } : { value, factor });
  });

  it.each<[unknown]>([[null], [''], ['   '], ['\u3000'], [undefined]])('%p is blank', (v) => {
    expect(readNumber(v as never)).toEqual({ blank: true });
  });

  it.each<[unknown, string]>([
    ['暂无', '内容“暂无”无法识别为数字'],
    ['—', '内容“—”无法识别为数字'],
    ['-', '内容“-”无法识别为数字'],
    ['/', '内容“/”无法识别为数字'],
    ['无', '内容“无”无法识别为数字'],
    ['0x10', '内容“0x10”无法识别为数字'],
    ['约1200', '内容“约1200”无法识别为数字'],
    [{ error: '#DIV/0!' }, '是错误值“#DIV/0!”，无法读取'],
    [true, '内容“TRUE”是逻辑值，不是数字'],
    [new Date(2022, 8, 1), '内容是日期（2022-09-01），不是数字'],
    [Number.NaN, '内容“NaN”无法识别为数字'],
  ])('%p is unreadable', (v, error) => {
    expect(readNumber(v as never)).toEqual({ error });
  });

  it('a number shown with a date format is not a count', () => {
    expect(readNumber(44805, 'yyyy-mm-dd')).toHaveProperty('error');
    expect(readNumber(44805, 'yyyy"年"m"月"d"日"')).toHaveProperty('error');
    expect(readNumber(44805, 'General')).toEqual({ value: 44805 });
    expect(readNumber(44805, '#,##0.00_);[Red](#,##0.00)')).toEqual({ value: 44805 });
    expect(readNumber(44805, '0.00E+00')).toEqual({ value: 44805 });
    expect(readNumber(44805, '0"人"')).toEqual({ value: 44805 });
  });

  it('isDateFormat', () => {
    expect(isDateFormat('m/d/yy')).toBe(true);
    expect(isDateFormat('h:mm')).toBe(true);
    expect(isDateFormat('[$-804]yyyy"年"m"月"')).toBe(true);
    expect(isDateFormat('0.0"万元"')).toBe(false);
    expect(isDateFormat(null)).toBe(false);
    expect(isDateFormat('@')).toBe(false);
  });
});

describe('parseGrade', () => {
  it.each<[unknown, number | null]>([
    ['一年级', 1], ['六年级', 6], ['七年级', 7], ['九年级', 9], ['初一', 7], ['初二', 8], ['初三', 9],
    ['初中一年级', 7], ['初中三年级', 9], ['高一', 10], ['高三', 12], ['1年级', 1], ['7年级', 7], ['９年级', 9],
    [7, 7], [1, 1], ['3', 3], ['一年级（1）班', 1], ['初二3班', 8], [' 二年级 ', 2],
    ['2022级', null], ['', null], [null, null], [13, null], [0, null], [2.5, null], ['学前班', null],
  ])('%p → %p', (v, g) => {
    expect(parseGrade(v as never)).toBe(g);
  });
  it('stage of grade', () => {
    expect(stageOfGrade(1)).toBe('小学');
    expect(stageOfGrade(6)).toBe('小学');
    expect(stageOfGrade(7)).toBe('初中');
    expect(stageOfGrade(9)).toBe('初中');
    expect(stageOfGrade(10)).toBe('高中');
    expect(stageOfGrade(null)).toBeNull();
  });
});

describe('school types', () => {
  it.each<[string, string | null]>([
    ['小学', '小学'], ['初中', '初中'], ['九年一贯制', '九年一贯制'], ['十二年一贯制', '十二年一贯制'], ['完全中学', '完全中学'],
    ['教学点', '教学点'], ['特殊教育学校', '特殊教育学校'], ['九年制', '九年一贯制'], ['一贯制学校', '九年一贯制'],
    ['特教学校', '特殊教育学校'], ['完中', '完全中学'], ['九年一贯制学校', '九年一贯制'], ['初级中学', '初中'],
    [' 小 学 ', '小学'], ['职业高中', null], ['幼儿园', null],
  ])('type text %p → %p', (t, type) => {
    expect(parseSchoolType(t)).toBe(type);
  });
  it.each<[string, string | null]>([
    ['城关第一小学', '小学'], ['西河教学点', '教学点'], ['礼义镇初级中学', '初中'], ['崇文镇初中', '初中'],
    ['附城镇九年一贯制学校', '九年一贯制'], ['陵川县第一中学', '初中'], ['陵川县完全中学', '完全中学'],
    ['陵川县特殊教育学校', '特殊教育学校'], ['县特教中心', '特殊教育学校'], ['陵川县高级中学', null], ['杨村镇中心校', null],
    ['十二年一贯制实验学校', '十二年一贯制'],
  ])('name %p → %p', (name, type) => {
    expect(inferSchoolType(name)).toBe(type);
  });
});
