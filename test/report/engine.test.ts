import type { SheetGrid } from '../../src/ledger/grid';
import { checkWorkbook } from '../../src/report/engine';
import { EVIL_DDE, EVIL_HYPERLINK, meta, std } from './fixtures';

/** A small school ledger, straight through readLedgers → runChecks → report. */
const grid: SheetGrid = {
  name: '学校台账',
  top: 1,
  left: 1,
  merges: [],
  values: [
    ['示例县学校台账'],
    ['学校名称', '学校类型', '在校生数', '高于规定学历教师数', '县级及以上骨干教师数', '体育艺术专任教师数', '教学及辅助用房面积（㎡）', '体育运动场馆面积（㎡）', '教学仪器设备值（万元）', '网络多媒体教室（间）'],
    ['城关小学', '小学', 600, 30, 8, 7, 3000, 5000, 150, 15],
    [EVIL_HYPERLINK, '小学', 300, 15, 4, 3, 1000, 2500, 70, 8],
    [EVIL_DDE, '小学', 200, 10, 3, 2, 1000, '暂无', 50, 6],
  ],
};

describe('checkWorkbook', () => {
  const out = checkWorkbook([grid], std, meta);

  it('reads, checks and reports', () => {
    expect(out.ledgers.ledgers.map((l) => l.sheet)).toEqual(['学校台账']);
    expect(out.result.schools.map((s) => s.name)).toEqual(['城关小学', EVIL_HYPERLINK, EVIL_DDE]);
    const all = [
      '资源配置达标情况', '校际差异系数', '问题清单', '补短板清单', '整改进度', '政府保障程度', '教育质量', '社会认可度', '自查自评总表', '核查清单',
      // The national 申报 tables, after the tool's own sheets.
      '表Ⅰ 基本情况', '表Ⅱ-1 资源配置', '表Ⅱ-2 资源配置（分学校）', '表Ⅲ 校际均衡', '表Ⅳ 政府保障程度', '表Ⅴ 教育质量', '表Ⅵ 社会认可度',
    ];
    expect(out.sheets.map((s) => s.name)).toEqual(all);
    expect(out.report.sheets).toEqual(all);
    expect(out.report.items?.map((i) => i.id)).toEqual(Object.keys(std.indicators));
    expect(out.report.findings.length).toBe(out.sheets[2].rows.length);
  });

  it('marks the failing and the unreadable cells', () => {
    const by = Object.fromEntries(out.marks.map((m) => [m.cell, m.style]));
    expect(by.G4).toBe('fail'); // 1000 ㎡ / 300 = 3.33 < 4.5
    expect(by.H5).toBe('data'); // 暂无
    expect(out.report.schools.find((s) => s.name === EVIL_DDE)?.verdict).toBe('数据不全');
  });

  it('keeps formula-looking names as plain strings', () => {
    const names = out.sheets[0].rows.map((r) => r[0].value);
    expect(names).toContain(EVIL_HYPERLINK);
    expect(names).toContain(EVIL_DDE);
  });
});
