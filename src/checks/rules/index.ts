/**
 * The registry: every rule of the standard in its order — 资源配置 R1–R7 and the 校际差异系数, 政府保障程度
 * G1–G15, 教育质量 Q1–Q9, 社会认可度 S1. One module per id in this folder; the item list of the 总表 follows
 * this order.
 */
import type { IndicatorId } from '../../standard/schema';
import { checklistLines } from '../common/checklist';
import { CV } from './CV-difference-coefficient';
import { G1 } from './G1-layout-plan';
import { G2 } from './G2-school-standard';
import { G3 } from './G3-special-rooms';
import { G4 } from './G4-school-size';
import { G5 } from './G5-class-size';
import { G6 } from './G6-small-school-funding';
import { G7 } from './G7-special-school-funding';
import { G8 } from './G8-teacher-pay';
import { G9 } from './G9-training-hours';
import { G10 } from './G10-staffing-quota';
import { G11 } from './G11-rotation';
import { G12 } from './G12-certificates';
import { G13 } from './G13-nearby-enrolment';
import { G14 } from './G14-quota-share';
import { G15 } from './G15-migrant-children';
import { Q1 } from './Q1-retention';
import { Q2 } from './Q2-disabled-enrolment';
import { Q3 } from './Q3-charter';
import { Q4 } from './Q4-training-funds';
import { Q5 } from './Q5-information-teaching';
import { Q6 } from './Q6-moral-education';
import { Q7 } from './Q7-curriculum';
import { Q8 } from './Q8-homework-burden';
import { Q9 } from './Q9-quality-monitoring';
import { R1 } from './R1-degree-teachers';
import { R2 } from './R2-backbone-teachers';
import { R3 } from './R3-pe-art-teachers';
import { R4 } from './R4-floor-area';
import { R5 } from './R5-sports-area';
import { R6 } from './R6-equipment-value';
import { R7 } from './R7-multimedia-rooms';
import { S1 } from './S1-satisfaction';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  R1, R2, R3, R4, R5, R6, R7, CV,
  G1, G2, G3, G4, G5, G6, G7, G8, G9, G10, G11, G12, G13, G14, G15,
  Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8, Q9,
  S1,
];

/**
 * The order the hooks run in within a pass. It is not the standard's order because it decides which rule
 * reports a blank cell two rules need (a blank cell is reported once, by the first) and the order of
 * findings that share a place (county-level findings have none); changing it changes what users see.
 */
export const RUN_ORDER: readonly Rule[] = [
  G9, G12, G11,
  G3, G4, G6, G7, Q4, G13, Q3,
  G5,
  G8, Q9, S1, G14, G15, Q1, Q2,
  G1, G2, G10, Q5, Q6, Q7, Q8,
  R1, R2, R3, R4, R5, R6, R7,
  CV,
];

/** The rule of an id. */
export function ruleOf(id: IndicatorId | 'CV'): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** The 核查清单 lines: ids and what is to be verified (the indicator's name when no content is given). */
export const CHECKLIST_LINES: readonly { id: IndicatorId; content?: string }[] = checklistLines(RULES);

export type { Rule, RuleHooks, Run, Pass, Reads, Raises, LedgerName } from './types';
