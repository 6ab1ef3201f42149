/**
 * Pure helpers of the 整改进度 chart and the 补短板 panel (ResultsPanel's lazy chunk; tested without a DOM):
 * the bar geometry of the open-problem counts per run, the stacked bar of this run against the last, the
 * schools the plan picker offers, and which shares of a CV's spread to list.
 */
import type { CvShareView, SchoolPlanView, TrendRun } from './backend';

export interface Box {
  width: number;
  height: number;
  /** Room above the bars (for the count labels) and below (for the dates). */
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Bar {
  at: string;
  /** The date as the axis shows it: "03-16", or "25-11-29" when the runs span more than one year. */
  label: string;
  open: number;
  x: number;
  y: number;
  w: number;
  h: number;
  /** This run (the last one). */
  last: boolean;
}

/** Bars of the open counts, oldest left; heights relative to the largest count (at least 1). */
export function trendBars(runs: readonly TrendRun[], box: Box): { bars: Bar[]; baseline: number; max: number } {
  const plotW = Math.max(0, box.width - box.left - box.right);
  const plotH = Math.max(0, box.height - box.top - box.bottom);
  const baseline = box.top + plotH;
  const max = Math.max(1, ...runs.map((r) => r.open));
  const years = new Set(runs.map((r) => r.at.slice(0, 4)));
  const n = runs.length;
  const slot = n > 0 ? plotW / n : 0;
  const w = Math.min(32, slot * 0.6);
  const bars = runs.map((r, i): Bar => {
    const open = Math.max(0, r.open);
    const h = open > 0 ? Math.max(1, (open / max) * plotH) : 0;
    return {
      at: r.at,
      label: years.size > 1 ? r.at.slice(2) : r.at.slice(5),
      open,
      x: box.left + slot * i + (slot - w) / 2,
      y: baseline - h,
      w,
      h,
      last: i === n - 1,
    };
  });
  return { bars, baseline, max };
}

export type SegmentKind = 'still' | 'fresh' | 'resolved';

export interface Segment {
  kind: SegmentKind;
  count: number;
  x: number;
  w: number;
}

/** The stacked bar 仍未整改 | 新发现 | 已整改 over `width`; empty parts left out; nothing when all are 0. */
export function splitBar(counts: Record<SegmentKind, number>, width: number): Segment[] {
  const order: SegmentKind[] = ['still', 'fresh', 'resolved'];
  const total = order.reduce((a, k) => a + Math.max(0, counts[k]), 0);
  if (total === 0) return [];
  const out: Segment[] = [];
  let x = 0;
  for (const kind of order) {
    const count = Math.max(0, counts[kind]);
    if (count === 0) continue;
    const w = (count / total) * width;
    out.push({ kind, count, x, w });
    x += w;
  }
  return out;
}

/** The schools of the plans, each once, in ledger order (a school with two 学段 has two plans). */
export function planSchools(plans: readonly SchoolPlanView[]): string[] {
  const out: string[] = [];
  for (const p of plans) if (!out.includes(p.school)) out.push(p.school);
  return out;
}

export interface ShownShare extends CvShareView {
  /** 1 = the largest share. */
  rank: number;
  selected: boolean;
}

/**
 * The largest `top` shares, plus the selected school's wherever it ranks (in rank order), and what the rest add
 * up to.
 */
export function sharesToShow(shares: readonly CvShareView[], selected: string | null, top = 5): { shown: ShownShare[]; others: { n: number; share: number } } {
  const shown: ShownShare[] = [];
  let n = 0;
  let share = 0;
  shares.forEach((s, i) => {
    const isSel = selected !== null && s.school === selected;
    if (i < top || isSel) shown.push({ ...s, rank: i + 1, selected: isSel });
    else {
      n++;
      share += s.share;
    }
  });
  return { shown, others: { n, share } };
}
