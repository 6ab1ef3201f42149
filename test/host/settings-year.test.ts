/** The 评估年度 of the saved settings: parsed, validated, and applied as settings.assessmentYear of the standard. */
import { DEFAULT_WORKBOOK_SETTINGS, parseSettings, serializeSettings, standardOverrideOf } from '../../src/host/settings';
import { standardWithOverrides } from '../../src/standard';

describe('saved 评估年度', () => {
  it('defaults to none (the year of the run) and round-trips', () => {
    expect(DEFAULT_WORKBOOK_SETTINGS.assessmentYear).toBeNull();
    expect(standardOverrideOf(parseSettings(null))).toBeNull();
    const s = { ...parseSettings(null), assessmentYear: 2022 };
    expect(parseSettings(serializeSettings(s)).assessmentYear).toBe(2022);
  });

  it('a bad value falls back to none', () => {
    for (const v of [1999, 2101, 2022.5, '2022', null]) expect(parseSettings(JSON.stringify({ assessmentYear: v })).assessmentYear).toBeNull();
  });

  it('becomes settings.assessmentYear over the saved standard file, beside the 教学点 cut', () => {
    const s = { ...parseSettings(null), assessmentYear: 2021, teachingPointCut: 30, standard: { file: 'x.json', override: { settings: { minShare: 0.9 } } } };
    const o = standardOverrideOf(s);
    expect(o).toEqual({ settings: { minShare: 0.9, teachingPointCut: 30, assessmentYear: 2021 } });
    const std = standardWithOverrides([{ data: o ?? {}, source: '设置' }]);
    expect(std.settings.assessmentYear).toBe(2021);
    expect(standardOverrideOf({ ...parseSettings(null), assessmentYear: 2020 })).toEqual({ settings: { assessmentYear: 2020 } });
  });
});
