import { normalizeHeader, matchHeaderText, matchHeaderPair, SCHOOL_LEDGER, CLASS_LEDGER } from '../../src/ledger';

describe('normalizeHeader', () => {
  it('NFKC, whitespace, line breaks, brackets with units, trailing units', () => {
    expect(normalizeHeader('在校\n生数')).toEqual({ key: '在校生数', unit: null, stage: null });
    expect(normalizeHeader(' 在 校 生 数 （人） ').key).toBe('在校生数');
    expect(normalizeHeader('教学仪器设备值（万元）')).toMatchObject({ key: '教学仪器设备值', unit: { unit: '万元', factor: 10000 } });
    expect(normalizeHeader('教学仪器设备值(元)')).toMatchObject({ key: '教学仪器设备值', unit: { unit: '元', factor: 1 } });
    expect(normalizeHeader('教学仪器设备值万元')).toMatchObject({ key: '教学仪器设备值', unit: { unit: '万元' } });
    expect(normalizeHeader('教学及辅助用房面积【㎡】')).toMatchObject({ key: '教学及辅助用房面积', unit: { unit: '㎡', factor: 1 } });
    expect(normalizeHeader('教学及辅助用房面积[平方米]')).toMatchObject({ key: '教学及辅助用房面积', unit: { unit: '㎡' } });
    expect(normalizeHeader('体育运动场馆面积（m²）')).toMatchObject({ key: '体育运动场馆面积', unit: { unit: '㎡' } });
    expect(normalizeHeader('体育运动场馆面积(m2)')).toMatchObject({ key: '体育运动场馆面积', unit: { unit: '㎡' } });
    expect(normalizeHeader('体育运动场馆面积平米')).toMatchObject({ key: '体育运动场馆面积', unit: { unit: '㎡' } });
    expect(normalizeHeader('体育运动场馆面积㎡')).toMatchObject({ key: '体育运动场馆面积', unit: { unit: '㎡' } });
    expect(normalizeHeader('网络多媒体教室数(间)')).toMatchObject({ key: '网络多媒体教室数', unit: { unit: '间' } });
    expect(normalizeHeader('体育、艺术（音乐、美术）专任教师数').key).toBe('体育艺术专任教师数');
    expect(normalizeHeader('在校生数（小学）')).toMatchObject({ key: '在校生数', stage: '小学' });
    expect(normalizeHeader('其中：初中')).toMatchObject({ key: '初中' });
    expect(normalizeHeader('')).toEqual({ key: '', unit: null, stage: null });
  });
});

function field(text: string, def = SCHOOL_LEDGER): string | null {
  const m = matchHeaderText(def, text);
  return m ? (m.stage ? `${m.field.field}.${m.stage}` : m.field.field) : null;
}

describe('synonyms', () => {
  it('every synonym in the table matches its own field', () => {
    for (const def of [SCHOOL_LEDGER, CLASS_LEDGER]) {
      for (const f of def.fields) for (const s of f.synonyms) expect([def.kind, s, field(s, def)]).toEqual([def.kind, s, f.field]);
    }
  });

  it.each<[string, string]>([
    ['学校名称', 'name'], ['学校', 'name'], ['校名', 'name'], ['单位名称', 'name'], ['学校（单位）名称', 'name'],
    ['学校类型', 'type'], ['类型', 'type'],
    ['在校生数', 'students'], ['在校学生数', 'students'], ['学生数', 'students'], ['学生人数', 'students'], ['在校生', 'students'],
    ['在校生数（人）', 'students'], ['在校生\n数', 'students'], ['小学在校生数', 'students.小学'], ['初中在校生数', 'students.初中'],
    ['在校生数（初中）', 'students.初中'],
    ['班级数', 'classes'], ['班数', 'classes'], ['班级数（个）', 'classes'],
    ['教学及辅助用房面积', 'floorArea'], ['教学及辅助用房', 'floorArea'], ['教学辅助用房面积', 'floorArea'],
    ['教学及辅助用房面积（平方米）', 'floorArea'], ['教学及辅助用房面积(㎡)', 'floorArea'],
    ['体育运动场馆面积', 'sportsArea'], ['体育场馆面积', 'sportsArea'], ['运动场地面积', 'sportsArea'], ['体育运动场（馆）面积', 'sportsArea'],
    ['教学仪器设备值', 'equipmentValue'], ['教学仪器设备总值', 'equipmentValue'], ['仪器设备值', 'equipmentValue'],
    ['教学仪器设备值（万元）', 'equipmentValue'],
    ['网络多媒体教室', 'multimediaRooms'], ['多媒体教室数', 'multimediaRooms'], ['网络多媒体教室数(间)', 'multimediaRooms'],
    ['高于规定学历教师数', 'degreeTeachers'], ['高于规定学历教师', 'degreeTeachers'],
    ['县级及以上骨干教师数', 'backboneTeachers'], ['县级以上骨干教师', 'backboneTeachers'],
    ['体育艺术专任教师数', 'peArtTeachers'], ['体育、艺术（音乐、美术）专任教师数', 'peArtTeachers'], ['体音美专任教师数', 'peArtTeachers'],
    ['体育专任教师数', 'peTeachers'], ['音乐教师数', 'musicTeachers'], ['美术专任教师', 'artTeachers'],
    ['音乐教室间数', 'musicRooms'], ['音乐教室（间）', 'musicRooms'], ['音乐教室面积', 'musicRoomArea'], ['音乐教室（㎡）', 'musicRoomArea'],
    ['音乐教室间均面积', 'musicRoomAreaEach'], ['美术专用教室数', 'artRooms'], ['美术教室总面积', 'artRoomArea'],
    ['美术教室每间面积（㎡）', 'artRoomAreaEach'],
  ])('school header %p → %p', (text, f) => {
    expect(field(text)).toBe(f);
  });

  it.each<[string, string | null]>([
    ['班级', 'className'], ['班别', 'className'], ['班级名称', 'className'], ['年级', 'grade'], ['学校', 'school'],
    ['班级人数', 'students'], ['学生数', 'students'], ['人数', 'students'], ['班额', 'students'],
    ['班级数', null],
  ])('class header %p → %p', (text, f) => {
    expect(field(text, CLASS_LEDGER)).toBe(f);
  });

  it('班级 (a name) is not 班级数 (a count)', () => {
    expect(field('班级', SCHOOL_LEDGER)).toBeNull();
    expect(field('班级数', CLASS_LEDGER)).toBeNull();
  });

  it('unrelated headers do not match', () => {
    for (const t of ['序号', '备注', '陵川县2022年义务教育学校办学条件统计表', '填表人', '', '面积']) expect(field(t)).toBeNull();
  });

  it('two-row pairs', () => {
    const pair = (p: string, c: string, spread = true): string | null => {
      const m = matchHeaderPair(SCHOOL_LEDGER, p, c, spread);
      return m ? (m.stage ? `${m.field.field}.${m.stage}` : m.field.field) : null;
    };
    expect(pair('在校生数', '小学')).toBe('students.小学');
    expect(pair('在校生数', '初中')).toBe('students.初中');
    expect(pair('在校生数', '高中')).toBe('students.高中');
    expect(pair('在校生数', '合计')).toBe('students');
    expect(pair('班级数', '小学部')).toBe('classes.小学');
    expect(pair('小学', '在校生数')).toBe('students.小学');
    expect(pair('音乐教室', '间数')).toBe('musicRooms');
    expect(pair('音乐教室', '面积')).toBe('musicRoomArea');
    expect(pair('音乐教室', '面积（㎡）')).toBe('musicRoomArea');
    expect(pair('音乐专用教室', '间均面积')).toBe('musicRoomAreaEach');
    expect(pair('美术教室', '间数')).toBe('artRooms');
    expect(pair('美术教室', '面积')).toBe('artRoomArea');
    expect(pair('体育艺术专任教师', '体育')).toBe('peTeachers');
    expect(pair('体育艺术专任教师', '音乐')).toBe('musicTeachers');
    expect(pair('体育艺术专任教师', '美术')).toBe('artTeachers');
    expect(pair('体育艺术专任教师', '合计')).toBe('peArtTeachers');
    expect(pair('办学条件', '教学及辅助用房面积')).toBe('floorArea');
    expect(pair('教学仪器设备值', '万元')).toBe('equipmentValue');
    expect(matchHeaderPair(SCHOOL_LEDGER, '教学仪器设备值', '万元', false)?.unit?.factor).toBe(10000);
    expect(pair('学校名称', '')).toBe('name');
    expect(pair('在校生数', '男')).toBeNull();
    expect(pair('学校名称', '城关小学', false)).toBe('name');
  });
});
