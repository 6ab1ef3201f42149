/** State shared by the checks of one run: the standard, the finding list, and the blank cells already reported. */
import { cellAddress } from '../ledger/grid';
import type { Amount, Finding, FigureUnit } from '../ledger/finding';
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

/**
 * What a finding's figures are: `measure` 'cv' for a 差异系数; `unit` when actual/required/gap are not the indicator's
 * own value (a teacher's 学时, a room's ㎡ …); `need` the absolute quantity to add (Finding.need).
 */
export interface FigureOpts {
  measure?: 'cv';
  unit?: FigureUnit;
  need?: Amount | null;
}

/** The unit of a finding's figures: the given one, else a 差异系数's (two decimals), else the indicator's own. */
export function figureUnit(std: Standard, indicator: IndicatorId, opts: FigureOpts): FigureUnit {
  if (opts.unit) return opts.unit;
  if (opts.measure === 'cv') return { unit: '', decimals: 2 };
  const ind = std.indicators[indicator];
  return { unit: ind.unit, decimals: ind.precision };
}

/** A quantity with its unit, for Finding.need. */
export function amount(value: number, unit: string, decimals: number): Amount {
  return { value, unit, decimals };
}

/** An amount of money in 元: whole 元 unless it has 分. */
export function yuanAmount(value: number): Amount {
  return amount(value, '元', Number.isInteger(value) ? 0 : 2);
}

/**
 * A rule not met. `gap` is 差距 in the unit of `actual` (see Finding.gap); `opts.need` the quantity to add.
 */
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
  opts: FigureOpts = {},
): void {
  pushFinding(ctx, 'compliance', ref, indicator, school, stage, actual, required, gap, message, opts);
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
  opts: FigureOpts,
): void {
  const numeric = typeof actual === 'number' || typeof required === 'number' || gap !== null;
  ctx.findings.push({
    ...(opts.measure ? { measure: opts.measure } : {}),
    kind,
    indicator,
    sheet: ref ? ref.sheet : null,
    cell: ref ? cellAddress(ref.row, ref.col) : null,
    school,
    stage,
    actual,
    required,
    gap,
    ...(numeric ? { unit: figureUnit(ctx.std, indicator, opts) } : {}),
    ...(opts.need ? { need: opts.need } : {}),
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
  unit?: FigureUnit,
): void {
  pushFinding(ctx, kind, ref, indicator, school, stage, actual, required, null, message, unit ? { unit } : {});
}
