/**
 * The 一票否决 items on the 核查清单 (standard `veto`): written once with the other lines, answered 达标 (不存在)
 * / 未达标 (存在) / 待核实, read back; any one 存在 blocks the county's bottom line in the 总表, the command line's
 * summary and the JSON report, and one missing from an older (answered, never rewritten) 核查清单 counts as 未填写.
 */
import type { CheckResult } from '../../src/checks/types';
import { summaryLines } from '../../src/cli/summary';
import type { SheetGrid } from '../../src/ledger/grid';
import { checkWorkbook } from '../../src/report/engine';
import { buildOverviewSheet, CHECKLIST_SHEET, OVERVIEW_SHEET } from '../../src/report/sheets';
import { countyVerdict } from '../../src/report/verdict';
import { meta, std } from './fixtures';

const grid = (name: string, values: SheetGrid['values']): SheetGrid => ({ name, top: 1, left: 1, values, merges: [] });
const school = grid('学校台账', [['学校名称', '学校类型', '在校生数', '班级数'], ['甲小学', '小学', 300, 8]]);

/** The 核查清单 as the host wrote it on the first run, with the 状态 of some ids answered. */
function answered(answers: Record<string, string>, drop: (id: string) => boolean = () => false): SheetGrid {
  const first = checkWorkbook([school], std, meta);
  const c = first.sheets.find((s) => s.name === CHECKLIST_SHEET)!;
  const rows = c.rows.map((r) => r.map((x) => x.value)).filter((r) => !drop(String(r[0])));
  for (const r of rows) if (answers[String(r[0])] !== undefined) r[3] = answers[String(r[0])];
  return grid(CHECKLIST_SHEET, [[c.title], [c.subtitle], c.columns.map((x) => x.header), ...rows]);
}

const ALL_ABSENT = Object.fromEntries(std.veto.map((v) => [v.id, '达标']));
/** The result with every item of the standard 达标, so only the 一票否决 lines decide. */
const itemsPass = (r: CheckResult): CheckResult => ({ ...r, items: r.items.map((i) => ({ ...i, status: '达标' as const })) });

describe('一票否决 on the 核查清单', () => {
  it('the standard lists the six items in the spec\'s words', () => {
    expect(std.veto.map((v) => `${v.id} ${v.name}`)).toEqual([
      'F1 以考试方式招生',
      'F2 违规择校',
      'F3 设重点学校或重点班',
      'F4 “有编不补”或长期聘用编外教师',
      'F5 教育系统重大安全责任事故或严重违纪违规事件、弄虚作假',
      'F6 规范校外培训机构、减轻中小学课外负担不力',
    ]);
  });

  it('the sheet says what 达标 and 未达标 mean for them', () => {
    const c = checkWorkbook([school], std, meta).sheets.find((s) => s.name === CHECKLIST_SHEET)!;
    expect(c.subtitle).toContain('一票否决项（F1–F6）：达标 = 不存在该情形，未达标 = 存在。');
    const f2 = c.rows.find((r) => r[0].value === 'F2')!;
    expect(f2.map((x) => x.value).slice(1, 4)).toEqual(['一票否决：违规择校', '是否存在「违规择校」的情形：不存在选 达标，存在选 未达标（任一项存在，全县不予认定）', '待核实']);
  });

  it('all answered 达标 (不存在) does not block: with every item 达标 the county passes', () => {
    const out = checkWorkbook([school, answered(ALL_ABSENT)], std, meta);
    expect(out.result.veto?.map((v) => v.status)).toEqual(['达标', '达标', '达标', '达标', '达标', '达标']);
    expect(out.result.veto?.every((v) => v.answered && v.onSheet)).toBe(true);
    const v = countyVerdict(itemsPass(out.result));
    expect(v).toMatchObject({ pass: true, vetoed: [], vetoOpen: [] });
    expect(v.reason).toBe('各项均已达标，一票否决项均不存在');
    const ctx = { std, workbook: meta.workbook, date: meta.date };
    expect(buildOverviewSheet(itemsPass(out.result), ctx).rows[0].slice(0, 3).map((c) => c.value)).toEqual([
      '按目前数据，全县能否通过优质均衡督导评估', '能', '各项均已达标，一票否决项均不存在',
    ]);
    // The same county with one 存在: 否.
    const one = checkWorkbook([school, answered({ ...ALL_ABSENT, F5: '未达标' })], std, meta);
    expect(buildOverviewSheet(itemsPass(one.result), ctx).rows[0][1].value).toBe('否');
  });

  it('one answered 未达标 (存在) blocks the 总表, the command line and the JSON, and says why', () => {
    const out = checkWorkbook([school, answered({ ...ALL_ABSENT, F2: '未达标' })], std, meta);
    const v = countyVerdict(itemsPass(out.result));
    expect(v.pass).toBe(false);
    expect(v.vetoed.map((x) => x.id)).toEqual(['F2']);
    expect(v.reason).toBe('一票否决：F2 违规择校 填报为存在，全县不能通过认定');

    const overview = out.sheets.find((s) => s.name === OVERVIEW_SHEET)!;
    expect(overview.rows[0][1].value).toBe('否');
    expect(overview.rows[0][2].value).toBe('一票否决：1 项填报为存在，全县不能通过认定');
    expect(String(overview.rows[0][3].value)).toContain('一票否决：F2 违规择校 填报为存在，全县不能通过认定');
    const row = overview.rows.find((r) => r[0].value === 'F2 违规择校')!;
    expect(row[1]).toMatchObject({ value: '存在', style: 'fail' });

    expect(out.report.verdict).toMatchObject({ pass: false, vetoed: ['F2'] });
    expect(out.report.veto?.find((x) => x.id === 'F2')).toMatchObject({ status: '未达标', answered: true, onSheet: true });
    const f = out.result.findings.find((x) => x.indicator === 'F2')!;
    expect(f).toMatchObject({ kind: 'compliance', sheet: CHECKLIST_SHEET, actual: '存在', required: '不存在' });
    expect(summaryLines(out, std, '台账.xlsx')).toContain(
      '按目前数据，全县不能通过优质均衡督导评估：一票否决：F2 违规择校 填报为存在，全县不能通过认定；' +
        `${out.report.verdict?.reason.split('；').slice(1).join('；')}（见「自查自评总表」）。`,
    );
  });

  it('存在 / 不存在 are read on those lines; 是 / 否 are not (they would read the wrong way round)', () => {
    const out = checkWorkbook([school, answered({ ...ALL_ABSENT, F1: '存在', F3: '不存在', F4: '是' })], std, meta);
    const st = Object.fromEntries((out.result.veto ?? []).map((v) => [v.id, v.status]));
    expect(st).toMatchObject({ F1: '未达标', F3: '达标', F4: '待核实' });
    const d = out.ledgers.findings.filter((x) => x.kind === 'data' && x.message.includes('F4'));
    expect(d).toHaveLength(1);
    expect(d[0].message).toContain('一票否决项');
    // A 待核实 line keeps the county from passing, but is not a veto.
    const v = countyVerdict(itemsPass({ ...out.result, veto: out.result.veto?.map((x) => (x.id === 'F1' ? { ...x, status: '达标' as const } : x)) }));
    expect(v).toMatchObject({ pass: false, vetoed: [] });
    expect(v.vetoOpen.map((x) => x.id)).toEqual(['F4']);
  });

  it('an older, answered 核查清单 without the lines: 未填写 in the 总表, never a silent pass', () => {
    const old = answered({ G1: '达标' }, (id) => id.startsWith('F'));
    const out = checkWorkbook([school, old], std, meta);
    expect(out.result.veto?.every((v) => !v.onSheet && !v.answered && v.status === '待核实')).toBe(true);
    const v = countyVerdict(itemsPass(out.result));
    expect(v.pass).toBe(false);
    expect(v.reason).toBe('一票否决项未填写：F1、F2、F3、F4、F5、F6（现有核查清单中没有这几行，请在表末按编号补上并填写状态）');
    const overview = out.sheets.find((s) => s.name === OVERVIEW_SHEET)!;
    const row = overview.rows.find((r) => r[0].value === 'F1 以考试方式招生')!;
    expect(row[1]).toMatchObject({ value: '未填写', style: 'warn' });
    expect(row[3].value).toBe('现有「核查清单」中没有这一行：请在表末添加编号为此项的一行并填写状态');
    // The user adds one line by hand at the end: it is read.
    const added = grid(CHECKLIST_SHEET, [...old.values, ['F1', '', '', '不存在', '', '']]);
    expect(checkWorkbook([school, added], std, meta).result.veto?.find((x) => x.id === 'F1')).toMatchObject({ status: '达标', onSheet: true });
  });

  it('an older 核查清单 nobody answered: written again with the lines, so they are 待核实, not 未填写', () => {
    const out = checkWorkbook([school, answered({}, (id) => id.startsWith('F'))], std, meta);
    expect(out.result.veto?.every((v) => v.onSheet && v.status === '待核实')).toBe(true);
  });

  it('a first run (no 核查清单 yet): the lines are on the sheet being written, 待核实', () => {
    const out = checkWorkbook([school], std, meta);
    expect(out.result.veto?.every((v) => v.onSheet && v.status === '待核实')).toBe(true);
    expect(countyVerdict(itemsPass(out.result)).reason).toBe('一票否决项待核实：F1、F2、F3、F4、F5、F6');
  });
});
