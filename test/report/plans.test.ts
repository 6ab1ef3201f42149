/**
 * 补短板 acceptance on the demo county, through the real engine: a school's proposed additions, typed into the
 * ledger cells of a copy of the grids, make that school 达标; a 差异系数 plan applied the same way brings the CV
 * within its limit. The sheets and the JSON carry the same plans.
 */
import { buildDemoWorkbook } from '../../src/sample/demo';
import { demoWorkbookFacts as facts } from '../fixtures/demo-facts';
import type { SchoolStageResult } from '../../src/checks/types';
import type { CellRef } from '../../src/ledger/types';
import { columnLetter, type CellValue, type SheetGrid } from '../../src/ledger/grid';
import { checkWorkbook } from '../../src/report/engine';
import type { EngineOutput } from '../../src/report/engine-types';
import { ledgerAdd } from '../../src/report/plans';
import { standardWithOverride, nationalStandard } from '../../src/standard';
import type { ResourceId } from '../../src/standard/schema';
import { readGrid } from '../../src/xlsx/read';
import { reload } from '../office/kits';

const std = nationalStandard();
const meta = { workbook: '示例县台账.xlsx', date: new Date(2026, 10, 1) };

function copyGrids(grids: SheetGrid[]): SheetGrid[] {
  return grids.map((g) => ({ ...g, values: g.values.map((r) => [...r]), merges: [...g.merges] }));
}

/** Adds `amount` (in the standard's unit) to the ledger cell `ref`, in the cell's own unit (万元 columns ÷ 10000). */
function addToCell(grids: SheetGrid[], out: EngineOutput, ref: CellRef, amount: number): void {
  const g = grids.find((x) => x.name === ref.sheet)!;
  const ledger = out.ledgers.ledgers.find((l) => l.sheet === ref.sheet)!;
  const field = Object.entries(ledger.columns).find(([, letter]) => letter === columnLetter(ref.col))?.[0];
  const factor = field ? (ledger.units[field]?.factor ?? 1) : 1;
  const row = g.values[ref.row - g.top];
  const old: CellValue = row[ref.col - g.left] ?? null;
  const n = typeof old === 'number' ? old : Number(String(old ?? '0').replace(/[^\d.]/g, ''));
  row[ref.col - g.left] = n + amount / factor;
}

function resultOf(out: EngineOutput, r: { sheet: string; row: number; stage: string }): SchoolStageResult {
  const s = out.result.schools.find((x) => x.sheet === r.sheet && x.row === r.row && x.stage === r.stage);
  if (!s) throw new Error(`no result for ${r.sheet}!${r.row} ${r.stage}`);
  return s;
}

describe('补短板 on the demo county', () => {
  let grids: SheetGrid[];
  let out: EngineOutput;
  beforeAll(async () => {
    const wb = await reload(buildDemoWorkbook());
    grids = wb.worksheets.map(readGrid);
    out = checkWorkbook(grids, std, meta);
  });

  it('plans every 未达标 school 学段, and the JSON and the 补短板清单 say the same', () => {
    const failing = out.result.schools.filter((s) => !s.excluded && s.verdict === '未达标').map((s) => `${s.name}/${s.stage}`);
    expect(failing.sort()).toEqual(facts.resourceFailures.map((f) => `${f.school}/${f.stage}`).sort());
    expect(out.plans!.schools.map((e) => `${e.result.name}/${e.result.stage}`).sort()).toEqual(failing.sort());
    for (const e of out.plans!.schools) expect(e.plan?.options.length).toBeGreaterThan(0);
    expect(out.report.plans!.map((p) => p.options.length)).toEqual(out.plans!.schools.map((e) => e.plan!.options.length));

    const sheet = out.sheets.find((s) => s.name === '补短板清单')!;
    expect(sheet.columns.map((c) => c.header)).toEqual(['责任单位', '学校', '学段', '方案', '需增加']);
    const rows = sheet.rows.filter((r) => typeof r[3]?.value === 'string' && String(r[3].value).startsWith('方案'));
    expect(rows).toHaveLength(out.plans!.schools.reduce((n, e) => n + e.plan!.options.length, 0));
    const shimen = rows.find((r) => r[1].value === '石门乡中心小学')!;
    expect(shimen[0].value).toBe('县教育局、县发改局、县财政局、县自然资源局、县住建局');
    expect(shimen[3].value).toBe('方案一');
    expect(shimen[4].value).toMatch(/^增加教学及辅助用房 \d+ ㎡$/);
    expect(shimen[1].link).toEqual({ sheet: facts.sheets.school, cell: `B${facts.resourceFailures[0].row}` });
  });

  it('applying option 1 of each 未达标 school to a copy of the ledger makes it 达标', () => {
    for (const e of out.plans!.schools) {
      const copy = copyGrids(grids);
      for (const step of e.plan!.options[0]) {
        const ref = e.result.indicators[step.indicator as ResourceId].ref!;
        addToCell(copy, out, ref, ledgerAdd(step));
      }
      const after = checkWorkbook(copy, std, meta);
      expect({ school: e.result.name, verdict: resultOf(after, e.result).verdict }).toEqual({ school: e.result.name, verdict: '达标' });
      // … and every other option too.
      for (const option of e.plan!.options.slice(1)) {
        const c2 = copyGrids(grids);
        for (const step of option) addToCell(c2, out, e.result.indicators[step.indicator as ResourceId].ref!, ledgerAdd(step));
        expect(resultOf(checkWorkbook(c2, std, meta), e.result).verdict).toBe('达标');
      }
    }
  });

  it('applying the 差异系数 plan (小学 R6) to a copy brings that CV within its limit', () => {
    expect(out.plans!.cv.map((p) => `${p.cv.indicator}/${p.cv.stage}`)).toEqual(facts.cvOverLimit.map((c) => `${c.indicator}/${c.stage}`));
    const p = out.plans!.cv[0];
    expect(p.plan.reached).toBe(true);
    expect(p.shares[0].position).toBe('above'); // the two big 城关 schools make the spread
    expect(p.shares.map((s) => s.share).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const copy = copyGrids(grids);
    for (const a of p.plan.additions) {
      const r = resultOf(out, { sheet: a.sheet, row: a.row, stage: p.cv.stage });
      addToCell(copy, out, r.indicators[p.cv.indicator].ref!, ledgerAdd(a));
    }
    const after = checkWorkbook(copy, std, meta).result.cv.find((c) => c.indicator === p.cv.indicator && c.stage === p.cv.stage)!;
    expect(after.pass).toBe(true);
    expect(after.value).toBeCloseTo(p.plan.cvAfter!, 9);
    expect(out.report.cvPlans).toEqual([
      {
        indicator: 'R6',
        stage: '小学',
        additions: p.plan.additions.map((a) => ({ school: a.school, add: ledgerAdd(a), unit: '元', wholeSchool: a.wholeSchoolAdd !== undefined })),
        cvAfter: p.plan.cvAfter,
      },
    ]);
  });

  it('shows the shares and the plan on the 校际差异系数 sheet', () => {
    const sheet = out.sheets.find((s) => s.name === '校际差异系数')!;
    const texts = sheet.rows.map((r) => r.map((c) => c.value).join('|'));
    const head = texts.findIndex((t) => t.startsWith('小学 R6 生均教学仪器设备值：差异系数'));
    expect(head).toBeGreaterThan(0);
    expect(texts[head + 1]).toBe('学校|在校生数|指标值|与县域均值相比|占差异的比重');
    expect(texts[head + 2]).toMatch(/^示例县城关第一小学\|\d+\|[\d.]+\|高于县域均值\|0\.\d+$/);
    expect(texts.some((t) => /^测算：以下学校按所列数量增加后，差异系数由 0\.\d{3} 降至 0\.\d{3}$/.test(t))).toBe(true);
    expect(texts.some((t) => /^增加后差异系数\|\|\|0\.\d+\|\|✓$/.test(t))).toBe(true);
    // The schools left out still close the sheet.
    expect(texts.at(-1)).toMatch(/^示例县特殊教育学校\|/);
  });

  it('prices the plans when the standard sets unit costs', () => {
    const priced = standardWithOverride(JSON.stringify({ settings: { unitCosts: { R4: 3000, R5: 500 } } }), 'test');
    const o = checkWorkbook(grids, priced, meta);
    const sheet = o.sheets.find((s) => s.name === '补短板清单')!;
    expect(sheet.columns.map((c) => c.header)).toEqual(['责任单位', '学校', '学段', '方案', '需增加', '预计投入']);
    const shimen = sheet.rows.find((r) => r[1]?.value === '石门乡中心小学')!;
    const add = o.plans!.schools.find((e) => e.result.name === '石门乡中心小学')!.plan!.options[0][0].add;
    expect(shimen[5]).toEqual({ value: add * 3000, style: 'number', numFmt: '#,##0" 元"' });
    expect(shimen[4].value).not.toMatch(/预计投入/); // the cost has its own column
    const r6 = sheet.rows.find((r) => r[1]?.value === '西河乡初级中学')!;
    expect(r6[5].value).toBe('未设单价');
    expect(o.report.plans!.find((p) => p.school === '石门乡中心小学')!.options[0][0]).toEqual({ indicator: 'R4', add, unit: '㎡', wholeSchool: false, cost: add * 3000 });
  });
});
