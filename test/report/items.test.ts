import { checkWorkbook } from '../../src/report/engine';
import { CHECKLIST_SHEET, OVERVIEW_SHEET } from '../../src/report/sheets';
import type { SheetGrid } from '../../src/ledger/grid';
import { meta, std } from './fixtures';

const grid = (name: string, values: SheetGrid['values']): SheetGrid => ({ name, top: 1, left: 1, values, merges: [] });
const school = grid('学校台账', [['学校名称', '学校类型', '在校生数', '班级数'], ['甲小学', '小学', 300, 8]]);

describe('item sheets and the 核查清单', () => {
  it('writes 核查清单 once, with a 状态 drop-down defaulting to 待核实', () => {
    const out = checkWorkbook([school], std, meta);
    const c = out.sheets.find((s) => s.name === CHECKLIST_SHEET)!;
    expect(c.writeOnce).toBe(true);
    expect(c.validations).toEqual([{ column: 4, list: ['达标', '未达标', '待核实'] }]);
    expect(c.columns.map((x) => x.header)).toEqual(['编号', '指标', '内容', '状态', '佐证材料', '备注']);
    // The indicator lines, then the 一票否决 lines (standard `veto`).
    expect(c.rows.map((r) => r[0].value)).toEqual(['G1', 'G2', 'G8', 'G10', 'G15', 'Q5', 'Q6', 'Q7', 'Q8', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6']);
    expect(new Set(c.rows.map((r) => r[3].value))).toEqual(new Set(['待核实']));
    expect(out.sheets.filter((s) => s.writeOnce).map((s) => s.name)).toEqual([CHECKLIST_SHEET]);
  });

  it('a second run reads the answers back and counts only 达标 as passing', () => {
    const first = checkWorkbook([school], std, meta);
    const c = first.sheets.find((s) => s.name === CHECKLIST_SHEET)!;
    // The host writes title, subtitle, header, rows; the user answers G1 and G10.
    const values: SheetGrid['values'] = [[c.title], [c.subtitle], c.columns.map((x) => x.header), ...c.rows.map((r) => r.map((x) => x.value))];
    values[3][3] = '达标';
    values[3][4] = '规划文件（2021）';
    values[6][3] = '未达标';
    const second = checkWorkbook([school, grid(CHECKLIST_SHEET, values)], std, meta);
    const items = second.report.items!;
    expect(items.find((i) => i.id === 'G1')?.status).toBe('达标');
    expect(items.find((i) => i.id === 'G10')?.status).toBe('未达标');
    expect(items.find((i) => i.id === 'G2')?.status).toBe('待核实');
    expect(second.result.checklist.find((l) => l.id === 'G1')).toMatchObject({ evidence: '规划文件（2021）', answered: true });
    const overview = second.sheets.find((s) => s.name === OVERVIEW_SHEET)!;
    const open = overview.rows.filter((r) => r[1]?.value === '待核实' && /^(G|Q)\d+ /.test(String(r[0].value)) && r[3]?.value === '请在「核查清单」中填写状态和佐证材料');
    expect(open.map((r) => String(r[0].value).split(' ')[0])).toEqual(['G2', 'G8', 'G15', 'Q5', 'Q6', 'Q7', 'Q8']);
  });

  it('政府保障程度 has 15 rows, 教育质量 9, and the JSON has every indicator', () => {
    const out = checkWorkbook([school], std, meta);
    const g = out.sheets.find((s) => s.name === '政府保障程度')!;
    expect(g.columns.map((c) => c.header)).toEqual(['编号', '指标', '核查方式', '实际值', '标准', '状态', '未达标数', '说明']);
    expect(g.rows.slice(0, 15).map((r) => r[0].value)).toEqual(Object.keys(std.indicators).filter((k) => k.startsWith('G')));
    expect(out.sheets.find((s) => s.name === '教育质量')!.rows.slice(0, 9).map((r) => r[0].value)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8', 'Q9']);
    expect(out.report.items?.map((i) => i.id)).toEqual(Object.keys(std.indicators));
    for (const i of out.report.items ?? []) expect(['达标', '未达标', '待核实', '数据不全']).toContain(i.status);
    const overview = out.sheets.find((s) => s.name === OVERVIEW_SHEET)!;
    expect(overview.rows[0].map((c) => c.value).slice(0, 2)).toEqual(['按目前数据，全县能否通过优质均衡督导评估', '否']);
  });
});
