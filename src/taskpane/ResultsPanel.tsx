/**
 * 自查结果 (loaded on demand after the first run): counts per part of the standard and the findings
 * grouped by indicator, then by school, filterable by text. Clicking a finding selects its cell in the
 * workbook. After the counts, the 整改进度 chart (this run against the last); each finding shows its 整改 status
 * (新发现 / 仍未整改) and the date it was first found; then the 补短板 plans per school. Every text (school names included) is rendered by React as text, never as HTML.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Caption1,
  Link,
  makeStyles,
  SearchBox,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import type { CheckOutcome } from './backend';
import { bySchool, groupFindings, matches } from './findings';
import { useStrings } from './i18n-context';
import PlanPanel from './PlanPanel';
import TrendChart from './TrendChart';

/** Rows rendered per group; more are counted, not drawn (a county can have thousands of findings). */
const GROUP_LIMIT = 200;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  parts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  part: {
    display: 'flex',
    flexDirection: 'column',
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  count: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  finding: { display: 'flex', flexDirection: 'column' },
  status: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  school: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, marginBottom: tokens.spacingVerticalS },
  schoolName: { fontWeight: tokens.fontWeightSemibold },
  headerText: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export default function ResultsPanel({ outcome, onSelect }: { outcome: CheckOutcome; onSelect: (sheet: string, cell: string) => void }) {
  const t = useStrings();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const dataCount = outcome.findings.filter((f) => f.kind === 'data').length;

  const groups = useMemo(
    () =>
      groupFindings(
        outcome.findings.filter((f) => matches(f, deferred, outcome.indicators)),
        outcome.indicators,
        t,
      ),
    [outcome, deferred, t],
  );

  return (
    // data-filter: the filter the list below shows now (it follows the search box a render later)
    <section className={styles.root} aria-labelledby="results-title" data-filter={deferred}>
      <Subtitle2 as="h2" id="results-title">
        {t.results.title}
      </Subtitle2>
      <div className={styles.parts}>
        {outcome.parts.map((p) => (
          <div key={p.part} className={styles.part}>
            <Caption1>{p.part}</Caption1>
            <span className={styles.count}>{t.results.findings(p.findings)}</span>
            {p.schools !== undefined && p.passed !== undefined && <Caption1 className={styles.meta}>{t.results.schools(p.passed, p.schools)}</Caption1>}
          </div>
        ))}
        <div className={styles.part}>
          <Caption1>{t.results.dataPart}</Caption1>
          <span className={styles.count}>{t.results.findings(dataCount)}</span>
        </div>
      </div>

      {outcome.trend && <TrendChart trend={outcome.trend} />}

      {outcome.findings.length === 0 ? (
        <Body1>{t.results.noFindings}</Body1>
      ) : (
        <>
          <SearchBox placeholder={t.results.filter} aria-label={t.results.filter} value={query} onChange={(_, d) => setQuery(d.value)} />
          {groups.length === 0 ? (
            <Body1 className={styles.meta}>{t.results.filterNone}</Body1>
          ) : (
            <Accordion multiple collapsible>
              {groups.map((g) => (
                <AccordionItem key={g.key || '-'} value={g.key || '-'}>
                  <AccordionHeader>
                    <span className={styles.headerText}>
                      {g.title}
                      <Badge appearance="tint" color={g.key ? 'danger' : 'warning'}>
                        {g.findings.length}
                      </Badge>
                    </span>
                  </AccordionHeader>
                  <AccordionPanel>
                    {bySchool(g.findings.slice(0, GROUP_LIMIT)).map((sg) => (
                      <div key={sg.school ?? ''} className={styles.school} data-testid="school-group">
                        <Caption1 className={styles.schoolName}>{sg.school ?? t.results.noSchool}</Caption1>
                        <ul className={styles.list}>
                          {sg.findings.map((f, i) => (
                            <li key={`${f.sheet}|${f.cell}|${i}`} className={styles.finding} data-testid="finding">
                              {f.status && (
                                <span className={styles.status} data-testid="finding-status">
                                  <Badge size="small" appearance="tint" color={f.status === '新发现' ? 'danger' : 'warning'}>
                                    {t.results.status[f.status]}
                                  </Badge>
                                  {f.firstSeen && <Caption1 className={styles.meta}>{t.results.firstSeen(f.firstSeen)}</Caption1>}
                                </span>
                              )}
                              <Body1>{f.message}</Body1>
                              {f.sheet && f.cell && (
                                <Link as="button" onClick={() => onSelect(f.sheet as string, f.cell as string)}>
                                  {t.results.goTo(f.sheet, f.cell)}
                                </Link>
                              )}
                            </li>
                          ))}
                        </ul>
                      </div>
                    ))}
                    {g.findings.length > GROUP_LIMIT && <Caption1 className={styles.meta}>{t.results.more(g.findings.length - GROUP_LIMIT)}</Caption1>}
                  </AccordionPanel>
                </AccordionItem>
              ))}
            </Accordion>
          )}
        </>
      )}

      {outcome.plans && (outcome.plans.schools.length > 0 || outcome.plans.cv.length > 0) && <PlanPanel plans={outcome.plans} />}
    </section>
  );
}
