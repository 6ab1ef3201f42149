/**
 * 补短板方案 (part of ResultsPanel's lazy chunk): a picker among the 未达标 schools; for the school picked, each
 * 学段's options (方案一/二…) as the engine's sentences with 预计投入 when unit costs are set; and for every
 * 差异系数 over its limit, the schools' shares of the spread and the plan that brings it within the limit, with
 * the picked school highlighted where it appears. All text is rendered as text.
 */
import { useMemo, useState } from 'react';
import { Badge, Body1, Body1Strong, Caption1, Dropdown, Field, makeStyles, Option, tokens } from '@fluentui/react-components';
import type { PlanViews } from './backend';
import { useStrings } from './i18n-context';
import { planSchools, sharesToShow } from './progress-view';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase300 },
  meta: { color: tokens.colorNeutralForeground3 },
  plan: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  options: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  option: { display: 'flex', flexDirection: 'column' },
  cost: { color: tokens.colorPaletteDarkOrangeForeground1 },
  cv: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  shares: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  share: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 64px 48px',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    padding: `1px ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
  },
  selected: { backgroundColor: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold },
  who: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  rank: { flexShrink: 0 },
  badge: { flexShrink: 0 },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  track: { height: '6px', backgroundColor: tokens.colorNeutralBackground4, borderRadius: '3px', overflow: 'hidden' },
  fill: { height: '100%', backgroundColor: tokens.colorBrandBackground },
  pct: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  highlight: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
});

export default function PlanPanel({ plans }: { plans: PlanViews }) {
  const t = useStrings();
  const styles = useStyles();
  const schools = useMemo(() => planSchools(plans.schools), [plans]);
  const [selected, setSelected] = useState<string | null>(null);
  const chosen = selected !== null && schools.includes(selected) ? selected : null;
  const own = chosen === null ? [] : plans.schools.filter((p) => p.school === chosen);

  return (
    <section className={styles.root} aria-labelledby="plans-title" data-testid="plans">
      <h3 id="plans-title" className={styles.head}>
        {t.plans.title}
      </h3>
      {schools.length === 0 ? (
        <Body1 className={styles.meta}>{t.plans.none}</Body1>
      ) : (
        <Field label={t.plans.pick}>
          <Dropdown
            placeholder={t.plans.placeholder}
            value={chosen ?? ''}
            selectedOptions={chosen === null ? [] : [chosen]}
            onOptionSelect={(_, d) => setSelected(d.optionValue ?? null)}
            data-testid="plan-school"
          >
            {schools.map((s) => (
              <Option key={s} value={s} text={s}>
                {s}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}

      {own.map((p) => (
        <div key={`${p.school}|${p.stage}`} className={styles.plan} data-testid="school-plan">
          <Body1Strong>
            {p.school} · {p.stage}
          </Body1Strong>
          {p.options.length === 0 ? (
            <Body1 className={styles.cost}>{t.plans.noPlan}</Body1>
          ) : (
            <ol className={styles.options}>
              {p.options.map((o, i) => (
                <li key={i} className={styles.option} data-testid="plan-option">
                  <Body1>
                    <Body1Strong>{t.plans.option(i)}</Body1Strong>：{o.text}
                  </Body1>
                  {o.cost !== undefined && <Caption1 className={styles.cost}>{t.plans.cost(o.cost, o.partial === true)}</Caption1>}
                </li>
              ))}
            </ol>
          )}
        </div>
      ))}
      {own.length > 0 && <Caption1 className={styles.meta}>{t.plans.hint}</Caption1>}

      {plans.cv.length > 0 && (
        <>
          <Body1Strong>{t.plans.cvTitle}</Body1Strong>
          {plans.cv.map((c) => {
            const { shown, others } = sharesToShow(c.shares, chosen);
            const mine = chosen === null ? undefined : c.additions.find((a) => a.school === chosen);
            return (
              <div key={`${c.stage}|${c.indicator}`} className={styles.cv} data-testid="cv-plan">
                <Body1Strong>{t.plans.cvHead(c.title, c.value, c.limit)}</Body1Strong>
                <Caption1 className={styles.meta}>{t.plans.shares}</Caption1>
                <ul className={styles.shares}>
                  {shown.map((s) => (
                    <li
                      key={`${s.rank}|${s.school}`}
                      className={s.selected ? `${styles.share} ${styles.selected}` : styles.share}
                      data-testid={s.selected ? 'cv-share-selected' : 'cv-share'}
                      title={`${s.school}：${t.plans.position[s.position]}`}
                    >
                      <span className={styles.who}>
                        <Caption1 className={styles.rank}>{s.rank}.</Caption1>
                        {s.selected && (
                          <Badge size="small" appearance="filled" color="brand" className={styles.badge}>
                            {t.plans.selected}
                          </Badge>
                        )}
                        <Caption1 className={styles.name}>{s.school}</Caption1>
                      </span>
                      <span className={styles.track} aria-hidden="true">
                        <span className={styles.fill} style={{ display: 'block', width: `${Math.min(100, Math.max(0, s.share * 100))}%` }} />
                      </span>
                      <Caption1 className={styles.pct}>{t.plans.share(s.share)}</Caption1>
                    </li>
                  ))}
                </ul>
                {others.n > 0 && <Caption1 className={styles.meta}>{t.plans.others(others.n, others.share)}</Caption1>}
                <Body1>{c.text}</Body1>
                {mine && (
                  <Body1 className={styles.highlight} data-testid="cv-selected-add">
                    {t.plans.selectedAdd(mine.text)}
                  </Body1>
                )}
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}
