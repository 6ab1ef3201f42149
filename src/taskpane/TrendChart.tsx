/**
 * 整改进度 as a small chart (part of ResultsPanel's lazy chunk; plain SVG, no chart library): one bar per run
 * kept in the 整改 history with its open 达标问题 count, and a stacked bar of this run against the last
 * (仍未整改 | 新发现 | 已整改) with a legend that gives the counts as text. The SVG is an image with a title;
 * the full text alternative (every run's count and the comparison) is its description.
 */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Trend } from './backend';
import { useStrings } from './i18n-context';
import { splitBar, trendBars, type SegmentKind } from './progress-view';

const BOX = { width: 320, height: 112, top: 16, bottom: 18, left: 4, right: 4 };
const SPLIT_H = 10;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  head: { fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase300 },
  figure: { margin: 0 },
  svg: { display: 'block', width: '100%', height: 'auto', overflow: 'visible' },
  bar: { fill: tokens.colorBrandBackground2Pressed },
  barLast: { fill: tokens.colorBrandBackground },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  count: { fill: tokens.colorNeutralForeground1, fontSize: '10px', fontWeight: tokens.fontWeightSemibold },
  date: { fill: tokens.colorNeutralForeground3, fontSize: '9px' },
  meta: { color: tokens.colorNeutralForeground3 },
  still: { fill: tokens.colorPaletteDarkOrangeBackground3, backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
  fresh: { fill: tokens.colorPaletteRedBackground3, backgroundColor: tokens.colorPaletteRedBackground3 },
  resolved: { fill: tokens.colorPaletteGreenBackground3, backgroundColor: tokens.colorPaletteGreenBackground3 },
  legend: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { display: 'inline-block', width: '10px', height: '10px', borderRadius: '2px' },
  legendCount: { fontWeight: tokens.fontWeightSemibold },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export default function TrendChart({ trend }: { trend: Trend }) {
  const t = useStrings();
  const styles = useStyles();
  const { bars, baseline } = trendBars(trend.runs, BOX);
  const counts: Record<SegmentKind, number> = { still: trend.still, fresh: trend.fresh, resolved: trend.resolved };
  const segments = splitBar(counts, BOX.width);
  const summary = t.trend.summary(trend.runs, trend.previousAt, trend.fresh, trend.still, trend.resolved);
  const legend: SegmentKind[] = trend.previousAt ? ['fresh', 'still', 'resolved'] : ['fresh'];
  const labelOf: Record<SegmentKind, string> = { fresh: t.trend.fresh, still: t.trend.still, resolved: t.trend.resolved };

  return (
    <section className={styles.root} aria-labelledby="trend-title" data-testid="trend" data-runs={trend.runs.length}>
      <h3 id="trend-title" className={styles.head}>
        {t.trend.title}
      </h3>
      <figure className={styles.figure}>
        <svg
          className={styles.svg}
          viewBox={`0 0 ${BOX.width} ${BOX.height}`}
          role="img"
          aria-labelledby="trend-chart-title"
          aria-describedby="trend-summary"
          data-testid="trend-chart"
        >
          <title id="trend-chart-title">{t.trend.openLabel}</title>
          {bars.map((b) => (
            <g key={b.at} data-testid="trend-run" data-at={b.at} data-open={b.open}>
              <title>{`${b.at}：${t.trend.count(b.open)}`}</title>
              <rect className={b.last ? styles.barLast : styles.bar} x={b.x} y={b.y} width={b.w} height={b.h} rx={2} />
              <text className={styles.count} x={b.x + b.w / 2} y={b.y - 3} textAnchor="middle">
                {b.open}
              </text>
              <text className={styles.date} x={b.x + b.w / 2} y={baseline + 12} textAnchor="middle">
                {b.label}
              </text>
            </g>
          ))}
          <line className={styles.axis} x1={BOX.left} x2={BOX.width - BOX.right} y1={baseline + 0.5} y2={baseline + 0.5} />
        </svg>
        <Caption1 as="p" className={styles.meta} style={{ margin: 0 }}>
          {t.trend.openLabel}
        </Caption1>
      </figure>
      <Caption1 as="p" className={styles.meta} style={{ margin: 0 }}>
        {trend.previousAt ? t.trend.vsLast(trend.previousAt) : t.trend.first}
      </Caption1>
      {trend.previousAt && segments.length > 0 && (
        <svg className={styles.svg} viewBox={`0 0 ${BOX.width} ${SPLIT_H}`} aria-hidden="true" focusable="false">
          {segments.map((s) => (
            <rect key={s.kind} className={styles[s.kind]} x={s.x} y={0} width={Math.max(0, s.w - 1)} height={SPLIT_H} />
          ))}
        </svg>
      )}
      <ul className={styles.legend} aria-label={t.trend.title}>
        {legend.map((k) => (
          <li key={k} className={styles.legendItem} data-testid={`trend-${k}`}>
            <span className={`${styles.swatch} ${styles[k]}`} aria-hidden="true" />
            <Caption1>
              {labelOf[k]} <span className={styles.legendCount}>{t.trend.count(counts[k])}</span>
            </Caption1>
          </li>
        ))}
      </ul>
      <p id="trend-summary" className={styles.hidden} data-testid="trend-summary">
        {summary}
      </p>
    </section>
  );
}
