/** Grouping and filtering of the findings list (pure; used by ResultsPanel and tested without a DOM). */
import type { Finding } from '../ledger/finding';
import type { IndicatorLabel } from './backend';
import type { Strings } from './i18n';

export interface FindingGroup<F extends Finding = Finding> {
  key: string;
  title: string;
  findings: F[];
}

/** Groups findings by indicator in the standard's order (R1 … S1, as `indicators` lists them); data problems without one go last. */
export function groupFindings<F extends Finding>(findings: F[], indicators: Record<string, IndicatorLabel>, t: Strings): FindingGroup<F>[] {
  const groups = new Map<string, FindingGroup<F>>();
  for (const f of findings) {
    const key = f.indicator ?? '';
    let g = groups.get(key);
    if (!g) {
      const label = f.indicator ? indicators[f.indicator]?.name : undefined;
      g = { key, title: f.indicator ? `${f.indicator} ${label ?? ''}`.trim() : t.results.noIndicator, findings: [] };
      groups.set(key, g);
    }
    g.findings.push(f);
  }
  const order = new Map(Object.keys(indicators).map((id, i) => [id, i]));
  const rank = (g: FindingGroup<F>) => (g.key ? (order.get(g.key) ?? order.size) : order.size + 1);
  return Array.from(groups.values()).sort((a, b) => rank(a) - rank(b));
}

/** Case-insensitive match on the message, school, sheet, cell, indicator id/name and 整改 status (新发现 …). */
export function matches(f: Finding & { status?: string }, query: string, indicators: Record<string, IndicatorLabel>): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const hay = [f.message, f.school, f.sheet, f.cell, f.sheet && f.cell ? `${f.sheet}!${f.cell}` : null, f.indicator, f.indicator ? indicators[f.indicator]?.name : null, f.indicator ? indicators[f.indicator]?.full : null, f.status]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
  return q.split(/\s+/).every((w) => hay.includes(w));
}

export interface SchoolGroup<F extends Finding = Finding> {
  /** null for findings not tied to a school (county figures, whole-ledger problems). */
  school: string | null;
  findings: F[];
}

/** Findings of one indicator grouped by school in first-seen order; county-level ones last. */
export function bySchool<F extends Finding>(findings: F[]): SchoolGroup<F>[] {
  const groups = new Map<string | null, SchoolGroup<F>>();
  for (const f of findings) {
    const key = f.school ?? null;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { school: key, findings: [] }));
    g.findings.push(f);
  }
  const out = Array.from(groups.values());
  return [...out.filter((g) => g.school !== null), ...out.filter((g) => g.school === null)];
}
