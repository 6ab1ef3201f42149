/** State shared by the checks of one run: the standard, the finding list, and the blank cells already reported. */
import { cellAddress } from '../ledger/grid';
import type { Finding } from '../ledger/finding';
import type { CellRef, Num } from '../ledger/types';
import type { IndicatorId, Stage, Standard } from '../standard/schema';
import { blankMessage } from './format';
import type { TransitionUse } from './types';

export interface Ctx {
  std: Standard;
  eps: number;
  findings: Finding[];
  /** Cells whose blank was already reported ("sheet\u0000row\u0000col"), so a cell needed twice is reported once. */
  blankSeen: Set<string>;
  /**
   * The assessment year the 《规程》 transition rules are judged for: settings.assessmentYear, else the year of
   * the run; null when neither is known (the transition rules then do not apply).
   */
  year: number | null;
  /** Verdicts that only the 《规程》's relaxed limits made 达标 (no finding; the full standard is still short). */
  transitions: TransitionUse[];
}

/** `runYear`: the year of the run, used when the standard sets no settings.assessmentYear. */
export function newCtx(std: Standard, runYear: number | null = null): Ctx {
  return { std, eps: std.settings.epsilon, findings: [], blankSeen: new Set(), year: std.settings.assessmentYear ?? runYear, transitions: [] };
}

export function refKey(ref: CellRef): string {
  return `${ref.sheet}\u0000${ref.row}\u0000${ref.col}`;
}

export function dataFinding(
  ctx: Ctx,
  ref: CellRef | null,
  indicator: IndicatorId | null,
  school: string | null,
  stage: Stage | null,
  message: string,
): void {
  ctx.findings.push({
    kind: 'data',
    indicator,
    sheet: ref ? ref.sheet : null,
    cell: ref ? cellAddress(ref.row, ref.col) : null,
    school,
    stage,
    actual: null,
    required: null,
    gap: null,
    message,
    departments: indicator ? ctx.std.indicators[indicator].departments.slice() : [],
  });
}

export function complianceFinding(
  ctx: Ctx,
  ref: CellRef | null,
  indicator: IndicatorId,
  school: string | null,
  stage: Stage | null,
  actual: number,
  required: number,
  gap: number,
  message: string,
  measure?: 'cv',
): void {
  pushFinding(ctx, 'compliance', ref, indicator, school, stage, actual, required, gap, message, measure);
}

function pushFinding(
  ctx: Ctx,
  kind: Finding['kind'],
  ref: CellRef | null,
  indicator: IndicatorId,
  school: string | null,
  stage: Stage | null,
  actual: Finding['actual'],
  required: Finding['required'],
  gap: number | null,
  message: string,
  measure?: 'cv',
): void {
  ctx.findings.push({
    ...(measure ? { measure } : {}),
    kind,
    indicator,
    sheet: ref ? ref.sheet : null,
    cell: ref ? cellAddress(ref.row, ref.col) : null,
    school,
    stage,
    actual,
    required,
    gap,
    message,
    departments: ctx.std.indicators[indicator].departments.slice(),
  });
}

/**
 * A needed value is missing. Raises one data finding per blank cell (problem 'blank'); an 'unreadable'
 * cell was already reported by the ledger reader, and a null without a problem was allowed by it.
 */
export function noteMissing(
  ctx: Ctx,
  num: Num | undefined,
  label: string,
  what: string,
  indicator: IndicatorId | null,
  school: string | null,
  stage: Stage | null,
): void {
  if (!num || num.value !== null || num.problem !== 'blank') return;
  const k = refKey(num.ref);
  if (ctx.blankSeen.has(k)) return;
  ctx.blankSeen.add(k);
  dataFinding(ctx, num.ref, indicator, school, stage, blankMessage(label, what));
}

/** A finding with text actual/required values (complianceFinding takes numbers). */
export function textFinding(
  ctx: Ctx,
  kind: Finding['kind'],
  ref: CellRef | null,
  indicator: IndicatorId,
  school: string | null,
  stage: Stage | null,
  actual: string | number | null,
  required: string | number | null,
  message: string,
): void {
  pushFinding(ctx, kind, ref, indicator, school, stage, actual, required, null, message);
}
