/**
 * Q9 义务教育质量监测学业水平达到Ⅲ级以上，且校际差异率低于0.15 (thresholds minLevel, maxGapRate). Once for the
 * county: the level (or 是 for 达到Ⅲ级以上) ≥ minLevel and the 校际差异率 < maxGapRate (a rate equal to it fails).
 */
import type { CountyFigures } from '../../ledger/types';
import { threshold } from '../../standard';
import { atLeast } from '../compare';
import { complianceFinding, textFinding, type Ctx } from '../context';
import { formatNumber, formatThreshold } from '../format';
import { countyHooks, countyReader, LABEL, missingPart, partItem, type ItemPart } from '../common/county-figure';
import type { Rule } from './types';

function checkQualityMonitoring(ctx: Ctx, county: CountyFigures | null): ItemPart {
  const std = ctx.std;
  const eps = ctx.eps;
  const { fig, blank } = countyReader(ctx, county);
  // Q9: level ≥ minLevel (or 是) and 校际差异率 < maxGapRate.
  let Q9: ItemPart;
  {
    const minLevel = threshold(std, 'Q9', 'minLevel');
    const maxGap = threshold(std, 'Q9', 'maxGapRate');
    const required = `学业水平 ≥ ${roman(minLevel)}级，校际差异率 < ${formatThreshold(maxGap)}`;
    const lf = fig('qualityLevel');
    const gf = fig('gapRate');
    const notes: string[] = [];
    let failing = 0;
    let unknown = false;
    let levelText = '—';
    if (!lf || (lf.value === null && lf.yes === undefined)) {
      blank('qualityLevel', 'Q9');
      unknown = true;
      notes.push(missingPart(null, LABEL.qualityLevel, county, lf).note);
    } else {
      const ok = lf.value !== null ? lf.value >= minLevel : lf.yes === true;
      levelText = lf.value !== null ? `${roman(lf.value)}级` : lf.yes ? `达到${roman(minLevel)}级以上` : `未达到${roman(minLevel)}级`;
      if (!ok) {
        failing++;
        const msg = `国家义务教育质量监测学业水平 ${levelText}，标准 ${roman(minLevel)}级以上`;
        textFinding(ctx, 'compliance', lf.ref, 'Q9', null, null, levelText, `${roman(minLevel)}级以上`, msg);
        notes.push(msg);
      }
    }
    let gapText = '—';
    if (!gf || gf.value === null) {
      blank('gapRate', 'Q9');
      unknown = true;
      notes.push(missingPart(null, LABEL.gapRate, county, gf).note);
    } else {
      gapText = formatNumber(gf.value, 4);
      // '<': a rate equal to the limit fails.
      if (atLeast(gf.value, maxGap, eps)) {
        failing++;
        const msg = `质量监测校际差异率 ${gapText}，标准 < ${formatThreshold(maxGap)}`;
        complianceFinding(ctx, gf.ref, 'Q9', null, null, gf.value, maxGap, Number((gf.value - maxGap).toFixed(6)), msg, { unit: { unit: '', decimals: 4 } });
        notes.push(msg);
      }
    }
    const value = `学业水平 ${levelText}；校际差异率 ${gapText}`;
    Q9 = {
      status: failing > 0 ? '未达标' : unknown ? '数据不全' : '达标',
      value,
      required,
      failing,
      note: notes.length > 0 ? notes.join('；') : value,
    };
  }

  return Q9;
}

function roman(n: number): string {
  return ['', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'][n] ?? String(n);
}

export const Q9: Rule = {
  id: 'Q9',
  reads: [{ ledger: '县级数据', fields: ['学业水平', '校际差异率'] }],
  pass: 'county',
  checks: 'once: 学业水平 ≥ minLevel (or 是) and 校际差异率 < maxGapRate',
  raises: [
    { kind: 'compliance', when: 'on the 学业水平 cell when below; on the 校际差异率 cell when not below the limit' },
    { kind: 'data', when: 'on a blank figure' },
  ],
  start: (run) => countyHooks(run, checkQualityMonitoring, (p) => partItem('Q9', '县级数据', p)),
};
