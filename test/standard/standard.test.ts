import {
  INDICATOR_IDS,
  RESOURCE_IDS,
  StandardError,
  nationalStandard,
  parseStandard,
  standardWithOverride,
  threshold,
} from '../../src/standard';

describe('national-2017', () => {
  const std = nationalStandard();

  it('holds every indicator id of the rulebook with a Chinese name and departments', () => {
    expect(Object.keys(std.indicators).sort()).toEqual([...INDICATOR_IDS].sort());
    expect(INDICATOR_IDS).toHaveLength(7 + 15 + 9 + 1);
    for (const id of INDICATOR_IDS) {
      const ind = std.indicators[id];
      expect(ind.name).toMatch(/[\u4e00-\u9fff]/);
      expect(ind.departments.length).toBeGreaterThan(0);
    }
  });

  it('has the 资源配置 thresholds per 学段 from the standard', () => {
    const expected: Record<string, [number, number]> = {
      R1: [4.2, 5.3], R2: [1, 1], R3: [0.9, 0.9], R4: [4.5, 5.8], R5: [7.5, 10.2], R6: [2000, 2500], R7: [2.3, 2.4],
    };
    for (const id of RESOURCE_IDS) {
      expect([threshold(std, id, '小学'), threshold(std, id, '初中')]).toEqual(expected[id]);
      expect(std.indicators[id].kind).toBe('school');
      expect(std.indicators[id].part).toBe('资源配置');
    }
  });

  it('has the settings: CV limits, 6 of 7, 85 %, 教学点 cut, apportioning ratios', () => {
    expect(std.settings.cvLimits).toEqual({ 小学: 0.5, 初中: 0.45 });
    expect(std.settings.minReached).toBe(6);
    expect(std.settings.minShare).toBe(0.85);
    expect(std.settings.teachingPointCut).toBe(50);
    expect(std.settings.apportion).toEqual({ primaryJunior: [1, 1.1], juniorSenior: [1, 1.2], twelveYear: [1, 1.1, 1.32] });
  });

  it('gives class-size limits and kinds for the 政府保障 items', () => {
    expect(std.indicators.G5.kind).toBe('class');
    expect(std.indicators.G5.thresholds).toEqual({ 小学: 45, 初中: 50 });
    expect(std.indicators.G4.thresholds.九年一贯制).toBe(2500);
    expect(std.indicators.G1.kind).toBe('checklist');
    expect(std.indicators.G9.kind).toBe('teacher');
    expect(std.indicators.Q1.kind).toBe('county');
  });
});

describe('--standard override', () => {
  it('merges a partial override over the national standard', () => {
    const std = standardWithOverride('{"settings":{"teachingPointCut":30},"indicators":{"R4":{"thresholds":{"小学":5}}}}');
    expect(std.settings.teachingPointCut).toBe(30);
    expect(std.indicators.R4.thresholds).toEqual({ 小学: 5, 初中: 5.8 });
    expect(std.indicators.R4.name).toBe('生均教学及辅助用房面积');
    expect(std.settings.cvLimits.小学).toBe(0.5);
    expect(std.id).toBe('national-2017+local');
  });

  it('keeps an override id and version when given', () => {
    const std = standardWithOverride('{"id":"shanxi-2020","version":"2020.1"}');
    expect(std.id).toBe('shanxi-2020');
    expect(std.version).toBe('2020.1');
  });

  it('refuses a wrong type with a Chinese message naming the field', () => {
    expect(() => standardWithOverride('{"settings":{"cvLimits":{"小学":"0.5"}}}')).toThrow(StandardError);
    expect(() => standardWithOverride('{"settings":{"cvLimits":{"小学":"0.5"}}}')).toThrow(/settings\.cvLimits\.小学.*必须是数字/);
  });

  it('refuses a share written as a percentage', () => {
    expect(() => standardWithOverride('{"settings":{"minShare":85}}')).toThrow(/settings\.minShare.*不能大于 1/);
  });

  it('refuses an unknown field (a typo) instead of ignoring it', () => {
    expect(() => standardWithOverride('{"settings":{"teachingPointCutt":30}}')).toThrow(/无法识别的字段「settings\.teachingPointCutt」/);
  });

  it('refuses invalid JSON and a non-object', () => {
    expect(() => standardWithOverride('{oops')).toThrow(/不是有效的 JSON/);
    expect(() => standardWithOverride('{\n  "settings": {,}\n}')).toThrow(/^标准文件不是有效的 JSON（第 2 行第 \d+ 列附近），请检查括号、引号和逗号$/);
    try {
      standardWithOverride('{oops');
    } catch (e) {
      expect((e as Error).message.replace('JSON', '')).not.toMatch(/[A-Za-z]{3,}/);
    }
    expect(() => standardWithOverride('[1,2]')).toThrow(/必须是一个 JSON 对象/);
  });

  it('refuses a whole standard missing an indicator', () => {
    const std = JSON.parse(JSON.stringify(nationalStandard())) as { indicators: Record<string, unknown> };
    delete std.indicators.G7;
    expect(() => parseStandard(std)).toThrow(/indicators\.G7.*缺少此项/);
  });

  it('refuses a required degree that is not on the degree ladder', () => {
    expect(() => standardWithOverride('{"settings":{"requiredDegree":{"初中":"大学毕业"}}}')).toThrow(
      /^标准文件中的字段「settings\.requiredDegree\.初中」有误：学历“大学毕业”不在 settings\.degreeLadder 的任何一级中$/,
    );
    expect(standardWithOverride('{"settings":{"requiredDegree":{"小学":"本科"}}}').settings.requiredDegree.小学).toBe('本科');
  });

  it('accepts a UTF-8 BOM', () => {
    expect(standardWithOverride('\uFEFF{}').id).toBe('national-2017+local');
  });
});
