import { nationalStandard } from '../../src/standard';
import { formatCv, formatFixed, formatNumber, formatThreshold, formatValue, roundTo } from '../../src/checks/format';
import { atLeast, atMost, ceilTo, ceilTol } from '../../src/checks/compare';

const std = nationalStandard();

describe('format', () => {
  it('values use the indicator precision; thresholds trim zeros', () => {
    expect(formatValue(std, 'R4', 3.7)).toBe('3.70');
    expect(formatValue(std, 'R6', 1999.6)).toBe('2000');
    expect(formatThreshold(4.5)).toBe('4.5');
    expect(formatThreshold(1)).toBe('1');
    expect(formatThreshold(2000)).toBe('2000');
    expect(formatCv(0.5)).toBe('0.50');
    expect(formatNumber(29.6)).toBe('29.6');
    expect(formatNumber(30)).toBe('30');
  });

  it('rounds half away from zero without binary surprises', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(formatFixed(2.675, 2)).toBe('2.68');
    expect(roundTo(-0.0001, 2)).toBe(0);
    expect(Object.is(roundTo(-0.0001, 2), -0)).toBe(false);
  });
});

describe('compare', () => {
  const eps = std.settings.epsilon;
  it('tolerates float noise at a boundary', () => {
    expect(atLeast((42 / 1000) * 100, 4.2, eps)).toBe(true);
    expect(atLeast(4.1999999999, 4.2, eps)).toBe(true);
    expect(atLeast(4.19, 4.2, eps)).toBe(false);
    expect(atMost(0.1 + 0.2, 0.3, eps)).toBe(true);
    expect(atLeast(0.85 * 4.2, 4.2 * 0.85, eps)).toBe(true);
  });
  it('ceil ignores noise just above an integer', () => {
    expect(ceilTol(2960.0000000001, eps)).toBe(2960);
    expect(ceilTol(2960.01, eps)).toBe(2961);
    expect(ceilTo(4.5 * 37 - 136.9, 2, eps)).toBe(29.6);
  });
});
