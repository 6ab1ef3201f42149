import type { SheetGrid } from '../../src/ledger/grid';
import type { RunMemory } from '../../src/host/memory';
import type { SheetModel } from '../../src/report/model';
import { gridTextHash, modelTextHash, verifySheets } from '../../src/host/tool-sheets';

const model: SheetModel = {
  name: '问题清单',
  title: '问题清单',
  subtitle: '示例县 · 2026-11-29',
  columns: [{ header: '学校', width: 20 }, { header: '值', width: 8 }],
  rows: [[{ value: '第1小学' }, { value: 3.5 }]],
  autoFilter: false,
};

/** The grid a host reads back from what it wrote for `m`. */
function written(name: string, m: SheetModel): SheetGrid {
  const values: SheetGrid['values'] = [[m.title, null], [m.subtitle, null], m.columns.map((c) => c.header), ...m.rows.map((r) => r.map((c) => c.value as string | number | null))];
  return { name, top: 1, left: 1, values, formats: [], merges: [] };
}

const memory = (sheets: RunMemory['sheets']): RunMemory => ({ version: 1, at: '', colours: { fail: 'FFFFC7CE', data: 'FFFFEB9C' }, sheets, cells: [] });

describe('verifySheets: a sheet is the tool\'s only while its text is what the tool wrote', () => {
  it('the hash of what a host reads equals the hash of the model written', () => {
    expect(gridTextHash(written('问题清单', model))).toBe(modelTextHash(model));
  });

  it('keeps a changed sheet, a replaced one, an answered 核查清单 and a sheet from an older record', () => {
    const h = modelTextHash(model);
    const mine = written('问题清单', { ...model, title: '我自己的问题清单' });
    const edited = written('资源配置达标情况', { ...model, rows: [[{ value: '第1小学' }, { value: 9 }]] });
    const answered = written('核查清单', { ...model, rows: [[{ value: 'G1' }, { value: '达标' }]] });
    const legacy = written('校际差异系数', model);
    const same = written('补短板清单', model);
    const v = verifySheets(
      memory([
        { name: '问题清单', base: '问题清单', index: 3, hash: h },
        { name: '资源配置达标情况', base: '资源配置达标情况', index: 4, hash: h },
        { name: '核查清单', base: '核查清单', index: 5, hash: h, once: true },
        { name: '校际差异系数', base: '校际差异系数', index: 6 },
        { name: '补短板清单', base: '补短板清单', index: 7, hash: h },
      ]),
      [mine, edited, answered, legacy, same],
      new Set(['问题清单', '资源配置达标情况', '核查清单', '校际差异系数', '补短板清单']),
    );
    expect(v.memory.sheets.map((s) => s.name)).toEqual(['补短板清单']);
    expect(v.answered).toEqual(['核查清单']);
    expect(v.kept.map((k) => k.message)).toEqual([
      '「问题清单」的内容已不是本工具写入的，已保留',
      '「资源配置达标情况」的内容已不是本工具写入的，已保留',
      '「校际差异系数」由旧版本的均衡自查生成，无法确认其内容未被修改，已保留（如不再需要，请手动删除）',
    ]);
  });
});

describe('the content hash survives a LibreOffice re-save', () => {
  it('numbers LibreOffice rounded to 15 digits its own way hash the same; a changed figure does not', () => {
    const m: SheetModel = { ...model, rows: [[{ value: '第1小学' }, { value: 6.453168044077135 }], [{ value: '第2小学' }, { value: 0.04907123238099305 }]] };
    const lo = written('问题清单', m);
    lo.values[3][1] = 6.45316804407714; // what LibreOffice writes (toPrecision(15) would give …713)
    lo.values[4][1] = 0.0490712323809931;
    expect(gridTextHash(lo)).toBe(modelTextHash(m));
    lo.values[3][1] = 6.46;
    expect(gridTextHash(lo)).not.toBe(modelTextHash(m));
  });
});
