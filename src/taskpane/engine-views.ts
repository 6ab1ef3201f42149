/**
 * What the task pane shows of a run's 整改 tracking and 补短板 plans, built on the ENGINE side (office-engine.ts,
 * the lazily loaded chunk): the plan sentences come from checks/plan.ts and checks/cv-plan.ts, so the pane's
 * own chunks receive plain strings and numbers and never load the planners. Pure.
 */
import { describeCvPlan } from '../checks/cv-plan';
import { formatCv } from '../checks/format';
import { formatAmount, formatYuan } from '../checks/plan';
import type { EngineOutput } from '../report/engine-types';
import type { JsonReport } from '../report/model';
import { describeOptionPlain, ledgerAdd, optionCost, type Plans } from '../report/plans';
import type { Standard } from '../standard/schema';
import type { CvPlanView, PaneFinding, PlanViews, Trend } from './backend';

/** The report's findings (sorted by location) with their 整改 status and first-seen date. */
export function paneFindings(report: Pick<JsonReport, 'findings'>, tracked: boolean): PaneFinding[] {
  return report.findings.map((f) => {
    // The pane shows the message; the JSON report's unit fields are for other tools.
    const { status, firstSeen, unit: _unit, need: _need, needUnit: _needUnit, ...rest } = f;
    const out: PaneFinding = { ...rest };
    if (tracked && status) out.status = status;
    if (tracked && firstSeen) out.firstSeen = firstSeen;
    return out;
  });
}

/** Open 达标问题 per run of the history and this run's 新发现 / 仍未整改 / 已整改 against the last. */
export function trendOf(out: Pick<EngineOutput, 'tracking' | 'history'>, findings: readonly PaneFinding[]): Trend | undefined {
  const tracking = out.tracking;
  if (!tracking) return undefined;
  const history = out.history ?? tracking.history;
  const compliance = findings.filter((f) => f.kind === 'compliance');
  return {
    runs: history.map((r) => ({ at: r.at, open: r.findings.filter((f) => f[8] !== 'd').length })),
    previousAt: tracking.previousAt,
    fresh: compliance.filter((f) => f.status !== '仍未整改').length,
    still: compliance.filter((f) => f.status === '仍未整改').length,
    resolved: tracking.resolved.filter((r) => r.kind === 'compliance').length,
  };
}

/** The plans as sentences: every option of every 未达标 school 学段, every CV over its limit with its shares. */
export function planViewsOf(plans: Plans | undefined, std: Standard): PlanViews | undefined {
  if (!plans) return undefined;
  const schools = plans.schools.map((e) => ({
    school: e.result.name,
    stage: e.result.stage,
    options: (e.plan?.options ?? []).map((o) => {
      const c = optionCost(o);
      const view: PlanViews['schools'][number]['options'][number] = { text: describeOptionPlain(std, o, e.result.stage) };
      if (c.priced > 0) {
        view.cost = formatYuan(c.cost);
        if (!c.all) view.partial = true;
      }
      return view;
    }),
  }));
  const cv = plans.cv.map((p): CvPlanView => {
    const ind = std.indicators[p.cv.indicator];
    return {
      indicator: p.cv.indicator,
      stage: p.cv.stage,
      title: `${p.cv.stage} ${ind.name}`,
      value: p.cv.value === null ? '—' : formatCv(p.cv.value),
      limit: formatCv(p.cv.limit),
      shares: p.shares.map((s) => ({ school: s.school, share: s.share, position: s.position })),
      text: describeCvPlan(std, p.plan, p.cv.value),
      additions: p.plan.additions.map((a) => ({ school: a.school, text: `增加 ${formatAmount(ledgerAdd(a), ind.unit)}` })),
    };
  });
  return { schools, cv };
}
