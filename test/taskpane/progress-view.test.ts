/** The 整改进度 chart geometry and the 补短板 panel's helpers (pure). */
import type { CvShareView, SchoolPlanView } from '../../src/taskpane/backend';
import { STRINGS } from '../../src/taskpane/i18n';
import { planSchools, sharesToShow, splitBar, trendBars } from '../../src/taskpane/progress-view';

const box = { width: 320, height: 112, top: 16, bottom: 18, left: 4, right: 4 };

describe('trendBars', () => {
  it('one bar per run, oldest left, the tallest filling the plot, the last marked', () => {
    const { bars, baseline, max } = trendBars(
      [
        { at: '2026-10-08', open: 40 },
        { at: '2026-11-05', open: 20 },
        { at: '2026-12-01', open: 0 },
      ],
      box,
    );
    expect(max).toBe(40);
    expect(baseline).toBe(112 - 18);
    expect(bars.map((b) => b.label)).toEqual(['10-08', '11-05', '12-01']);
    expect(bars[0].h).toBeCloseTo(112 - 16 - 18);
    expect(bars[0].y).toBeCloseTo(16);
    expect(bars[1].h).toBeCloseTo((112 - 16 - 18) / 2);
    expect(bars[2].h).toBe(0);
    expect(bars.map((b) => b.last)).toEqual([false, false, true]);
    for (let i = 1; i < bars.length; i++) expect(bars[i].x).toBeGreaterThan(bars[i - 1].x + bars[i - 1].w);
    for (const b of bars) {
      expect(b.x).toBeGreaterThanOrEqual(box.left);
      expect(b.x + b.w).toBeLessThanOrEqual(box.width - box.right);
      expect(b.y + b.h).toBeCloseTo(baseline);
    }
  });

  it('dates keep the year when the runs span two; a tiny count still shows; no runs, no bars', () => {
    const { bars } = trendBars(
      [
        { at: '2025-12-20', open: 1000 },
        { at: '2026-01-10', open: 1 },
      ],
      box,
    );
    expect(bars.map((b) => b.label)).toEqual(['25-12-20', '26-01-10']);
    expect(bars[1].h).toBeGreaterThanOrEqual(1);
    expect(trendBars([], box).bars).toEqual([]);
    // a single run: one centred bar, at most 32 wide
    const one = trendBars([{ at: '2026-03-02', open: 5 }], box).bars[0];
    expect(one.w).toBeLessThanOrEqual(32);
    expect(one.x + one.w / 2).toBeCloseTo(160);
  });
});

describe('splitBar', () => {
  it('仍未整改 | 新发现 | 已整改 in proportion over the width, empty parts left out', () => {
    const s = splitBar({ still: 30, fresh: 0, resolved: 10 }, 320);
    expect(s.map((x) => [x.kind, x.count])).toEqual([
      ['still', 30],
      ['resolved', 10],
    ]);
    expect(s[0].x).toBe(0);
    expect(s[0].w).toBeCloseTo(240);
    expect(s[1].x).toBeCloseTo(240);
    expect(s[1].x + s[1].w).toBeCloseTo(320);
    expect(splitBar({ still: 0, fresh: 0, resolved: 0 }, 320)).toEqual([]);
  });
});

describe('plan picker and shares', () => {
  const plan = (school: string, stage: '小学' | '初中'): SchoolPlanView => ({ school, stage, options: [] });

  it('each school once, in ledger order', () => {
    expect(planSchools([plan('甲校', '小学'), plan('乙校', '小学'), plan('甲校', '初中')])).toEqual(['甲校', '乙校']);
  });

  const shares: CvShareView[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((school, i) => ({ school, share: [0.3, 0.2, 0.15, 0.1, 0.1, 0.08, 0.05, 0.02][i], position: i % 2 ? 'above' : 'below' }));

  it('the largest five and what the rest add up to', () => {
    const { shown, others } = sharesToShow(shares, null);
    expect(shown.map((s) => s.school)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(shown.some((s) => s.selected)).toBe(false);
    expect(others.n).toBe(3);
    expect(others.share).toBeCloseTo(0.15);
  });

  it('the selected school is listed and marked wherever it ranks', () => {
    const low = sharesToShow(shares, 'G');
    expect(low.shown.map((s) => [s.school, s.rank, s.selected])).toEqual([
      ['A', 1, false],
      ['B', 2, false],
      ['C', 3, false],
      ['D', 4, false],
      ['E', 5, false],
      ['G', 7, true],
    ]);
    expect(low.others.n).toBe(2);
    expect(sharesToShow(shares, 'B').shown.filter((s) => s.selected).map((s) => s.rank)).toEqual([2]);
    expect(sharesToShow(shares, '不在其中').shown).toHaveLength(5);
  });
});

describe('strings', () => {
  it('the chart text alternative names every run and the comparison (zh and en)', () => {
    const runs = [
      { at: '2026-03-02', open: 45 },
      { at: '2026-03-16', open: 44 },
    ];
    expect(STRINGS['zh-CN'].trend.summary(runs, '2026-03-02', 1, 43, 2)).toBe(
      '未整改的达标问题数：2026-03-02 45 个，2026-03-16 44 个。本次与上次（2026-03-02）相比：新发现 1 个，仍未整改 43 个，已整改 2 个。',
    );
    expect(STRINGS['zh-CN'].trend.summary(runs.slice(0, 1), null, 45, 0, 0)).toContain('本次为首次自查，发现 45 个达标问题');
    expect(STRINGS['en-US'].trend.summary(runs, '2026-03-02', 1, 43, 2)).toBe(
      'Open standard problems: 2026-03-02: 45, 2026-03-16: 44. Against the last check (2026-03-02): 1 new, 43 still open, 2 fixed.',
    );
  });

  it('the clear confirmation says how many runs go', () => {
    expect(STRINGS['zh-CN'].clearConfirm.text(3)).toBe('清除后，已保存的 3 次自查记录（整改进度）也将删除，确定吗？');
    expect(STRINGS['en-US'].clearConfirm.text(1)).toMatch(/^Clearing also deletes the 1 saved check record \(/);
  });

  it('plan options are numbered 方案一、方案二 …', () => {
    expect([0, 1, 2].map((i) => STRINGS['zh-CN'].plans.option(i))).toEqual(['方案一', '方案二', '方案三']);
    expect(STRINGS['en-US'].plans.option(1)).toBe('Option 2');
    expect(STRINGS['zh-CN'].plans.cost('12.35 万元', true)).toBe('预计投入约 12.35 万元（不含未设单价的项目）');
  });
});
