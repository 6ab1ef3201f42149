/**
 * What the pane receives of a run's 整改 tracking and 补短板 plans (engine side, src/taskpane/engine-views.ts),
 * through the real engine on the demo county: two runs on different days with an oversized class fixed between.
 */
import { buildDemoWorkbook } from '../../src/sample/demo';
import { demoWorkbookFacts as facts } from '../fixtures/demo-facts';
import { parseCell, type SheetGrid } from '../../src/ledger/grid';
import { checkWorkbook } from '../../src/report/engine';
import type { EngineOutput } from '../../src/report/engine-types';
import { nationalStandard, standardWithOverride } from '../../src/standard';
import { paneFindings, planViewsOf, trendOf } from '../../src/taskpane/engine-views';
import { readGrid } from '../../src/xlsx/read';
import { reload } from '../office/kits';

const std = nationalStandard();
const D1 = new Date(2026, 2, 2, 9, 0);
const D2 = new Date(2026, 2, 16, 9, 0);
const big = facts.oversizedClasses[0];

let grids: SheetGrid[];
let first: EngineOutput;
let second: EngineOutput;

beforeAll(async () => {
  const wb = await reload(buildDemoWorkbook());
  grids = wb.worksheets.map(readGrid);
  first = checkWorkbook(grids, std, { workbook: 'x.xlsx', date: D1 });
  const fixed = grids.map((g) => ({ ...g, values: g.values.map((r) => [...r]) }));
  const g = fixed.find((x) => x.name === facts.sheets.class)!;
  const p = parseCell(big.cell)!;
  g.values[p.row - g.top][p.col - g.left] = big.limit;
  second = checkWorkbook(fixed, std, { workbook: 'x.xlsx', date: D2 }, { history: first.history });
});

describe('paneFindings', () => {
  it('the report findings with status and first-seen date, none without tracking', () => {
    const f = paneFindings(second.report, true);
    expect(f).toHaveLength(second.report.findings.length);
    expect(f.every((x) => x.status === '新发现' || x.status === '仍未整改')).toBe(true);
    expect(f.filter((x) => x.status === '仍未整改').every((x) => x.firstSeen === '2026-03-02')).toBe(true);
    expect(f.some((x) => x.status === '新发现' && x.firstSeen === '2026-03-16') || f.every((x) => x.status === '仍未整改')).toBe(true);
    const bare = paneFindings(second.report, false);
    expect(bare.some((x) => 'status' in x || 'firstSeen' in x)).toBe(false);
    expect(bare[0].message).toBe(second.report.findings[0].message);
  });
});

describe('trendOf', () => {
  it('a first run: one run, everything new', () => {
    const findings = paneFindings(first.report, true);
    const t = trendOf(first, findings)!;
    const compliance = findings.filter((x) => x.kind === 'compliance').length;
    expect(t).toEqual({ runs: [{ at: '2026-03-02', open: compliance }], previousAt: null, fresh: compliance, still: 0, resolved: 0 });
  });

  it('the second run: two runs, the fixed class 已整改, the rest 仍未整改', () => {
    const findings = paneFindings(second.report, true);
    const t = trendOf(second, findings)!;
    expect(t.runs.map((r) => r.at)).toEqual(['2026-03-02', '2026-03-16']);
    expect(t.previousAt).toBe('2026-03-02');
    expect(t.resolved).toBeGreaterThanOrEqual(1);
    expect(t.runs[1].open).toBe(t.fresh + t.still);
    expect(t.runs[0].open).toBe(t.still + t.resolved);
    expect(second.tracking!.resolved.some((r) => r.indicator === 'G5' && r.cell === big.cell)).toBe(true);
  });

  it('no tracking (an engine stub): no trend', () => {
    expect(trendOf({}, [])).toBeUndefined();
  });
});

describe('planViewsOf', () => {
  it('every 未达标 school 学段 with its options as sentences; the CV over its limit with shares and plan', () => {
    const v = planViewsOf(first.plans, std)!;
    expect(v.schools.length).toBe(first.plans!.schools.length);
    const shimen = facts.resourceFailures.find((f) => f.indicators.includes('R4'))!;
    const p = v.schools.find((s) => s.school === shimen.school)!;
    expect(p.options.length).toBeGreaterThan(0);
    expect(p.options[0].text).toMatch(/增加|配备/);
    expect(p.options[0].cost).toBeUndefined();
    expect(v.cv.map((c) => [c.indicator, c.stage])).toEqual(facts.cvOverLimit.map((c) => [c.indicator, c.stage]));
    const cv = v.cv[0];
    expect(cv.title).toBe(`小学 ${std.indicators.R6.name}`);
    expect(Number(cv.value)).toBeGreaterThan(Number(cv.limit));
    expect(cv.shares.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1);
    expect(cv.text).toMatch(/校际差异系数 .* → .*：/);
    expect(cv.additions.length).toBeGreaterThan(0);
    for (const a of cv.additions) {
      expect(a.text).toMatch(/^增加 [\d.]+/);
      expect(cv.text).toContain(a.school);
    }
    expect(planViewsOf(undefined, std)).toBeUndefined();
  });

  it('预计投入 when the standard prices the steps', () => {
    const priced = standardWithOverride(JSON.stringify({ settings: { unitCosts: { R1: 100000, R2: 100000, R3: 100000, R4: 3000, R5: 500, R6: 1, R7: 80000 } } }), '测试');
    const out = checkWorkbook(grids, priced, { workbook: 'x.xlsx', date: D1 });
    const v = planViewsOf(out.plans, priced)!;
    const withPlan = v.schools.filter((s) => s.options.length > 0);
    expect(withPlan.length).toBeGreaterThan(0);
    for (const s of withPlan) for (const o of s.options) {
      expect(o.cost).toMatch(/元$/);
      expect(o.partial).toBeUndefined();
      expect(o.text).not.toContain('预计投入');
    }
  });
});
