/**
 * The results panel rendered on the server with the demo backend's outcome: the 整改进度 chart is an SVG image
 * with a Chinese name and a text alternative, findings carry their 状态 badge and 首次发现日期, the 补短板 panel
 * offers the 未达标 schools — in Chinese and in English.
 */
import { renderToString } from 'react-dom/server';
import { FluentProvider } from '@fluentui/react-components';
import type { CheckOutcome } from '../../src/taskpane/backend';
import { demoBackend } from '../../src/taskpane/demo-backend';
import { STRINGS, type Locale } from '../../src/taskpane/i18n';
import { I18nContext } from '../../src/taskpane/i18n-context';
import ResultsPanel from '../../src/taskpane/ResultsPanel';

let outcome: CheckOutcome;
beforeAll(async () => {
  outcome = await demoBackend.check(() => undefined);
});

const render = (locale: Locale, o: CheckOutcome) =>
  renderToString(
    <I18nContext.Provider value={STRINGS[locale]}>
      <FluentProvider lang={locale}>
        <ResultsPanel outcome={o} onSelect={() => undefined} />
      </FluentProvider>
    </I18nContext.Provider>,
  );

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('results panel', () => {
  it('zh-CN: the chart (one bar per run), its text alternative, the comparison and the plan picker', () => {
    const html = render('zh-CN', outcome);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="trend-chart-title"[^>]*aria-describedby="trend-summary"/);
    expect(html).toContain('<title id="trend-chart-title">各次自查未整改的达标问题数</title>');
    expect(html.match(/data-testid="trend-run"/g)).toHaveLength(3);
    const t = text(html);
    expect(t).toContain('整改进度');
    expect(t).toContain('本次与上次（2026-11-05）相比：');
    expect(t).toContain('未整改的达标问题数：2026-10-08 9 个，2026-11-05 6 个，2026-11-29 4 个。本次与上次（2026-11-05）相比：新发现 2 个，仍未整改 2 个，已整改 4 个。');
    expect(t).toContain('补短板方案');
    expect(t).toContain('未达标学校');
    expect(t).toContain('小学 生均教学及辅助用房面积：差异系数 0.52，标准 ≤ 0.50');
    // no bundle-size regressions by accident: the chart is SVG drawn by us
    expect(html).not.toMatch(/<canvas/);
  });

  it('en-US: English labels; the engine\'s sentences stay Chinese', () => {
    const t = text(render('en-US', outcome));
    for (const s of ['Progress', 'Open standard problems at each check', 'This check against the last (2026-11-05):', 'Still open', 'Fixed', 'Plans to close the gaps', 'School below the standard']) expect(t).toContain(s);
    expect(t).toContain('南山小学增加 120 ㎡');
  });

  it('no trend or plans (an engine without them): neither is drawn; no status badge', () => {
    const bare: CheckOutcome = { ...outcome, trend: undefined, plans: undefined, findings: outcome.findings.map(({ status: _s, firstSeen: _f, ...f }) => f) };
    const html = render('zh-CN', bare);
    expect(html).not.toContain('data-testid="trend"');
    expect(html).not.toContain('data-testid="plans"');
    expect(html).not.toContain('data-testid="finding-status"');
  });
});
