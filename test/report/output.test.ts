import { allFindings, buildOutput } from '../../src/report/output';
import { NOTE_PREFIX } from '../../src/report/marks';
import { isoDate } from '../../src/report/format';
import type { SheetGrid } from '../../src/ledger/grid';
import { CLASS_SHEET, EVIL_DDE, EVIL_HYPERLINK, SHEET, fixtureLedgers, fixtureResult, meta, std } from './fixtures';

const grids: SheetGrid[] = [SHEET, CLASS_SHEET, '说明'].map((name) => ({ name, top: 1, left: 1, values: [], merges: [] }));

describe('buildOutput', () => {
  const out = buildOutput(grids, fixtureLedgers(), fixtureResult(), std, meta);

  it('writes the summary sheets in order (the item sheets need item results, which this fixture has none of)', () => {
    const names = ['资源配置达标情况', '校际差异系数', '问题清单', '补短板清单', '整改进度'];
    expect(out.sheets.map((s) => s.name)).toEqual(names);
    expect(out.report.sheets).toEqual(names);
  });

  it('takes the reader findings and the check findings once each', () => {
    expect(allFindings(fixtureLedgers(), fixtureResult())).toHaveLength(8);
    const doubled = fixtureResult();
    doubled.findings = [...fixtureLedgers().findings, ...doubled.findings];
    expect(allFindings(fixtureLedgers(), doubled)).toHaveLength(8);
    expect(out.report.findings).toHaveLength(8);
    expect(out.sheets[2].rows).toHaveLength(8);
  });

  it('marks one cell per location, with notes', () => {
    expect(out.marks.map((m) => `${m.sheet}!${m.cell}:${m.style}`)).toEqual([
      `${SHEET}!H6:fail`,
      `${SHEET}!I6:fail`,
      `${SHEET}!K7:data`,
      `${SHEET}!J9:data`,
      `${CLASS_SHEET}!D12:fail`,
    ]);
    for (const m of out.marks) expect(m.note.startsWith(NOTE_PREFIX)).toBe(true);
  });

  it('is deterministic: findings in any order give the same output', () => {
    const r = fixtureResult();
    r.findings.reverse();
    r.schools.reverse();
    r.cv.reverse();
    const l = fixtureLedgers();
    l.findings.reverse();
    const again = buildOutput(grids, l, r, std, meta);
    expect(again.marks).toEqual(out.marks);
    expect(again.sheets).toEqual(out.sheets);
    expect(again.report).toEqual(out.report);
  });
});

describe('JSON report', () => {
  const { report } = buildOutput(grids, fixtureLedgers(), fixtureResult(), std, meta);
  const keys = (o: object) => Object.keys(o).sort();

  it('has the contract shape', () => {
    // The 整改 and 补短板 keys come last, after the keys of the first contract (add, never rename or reorder).
    expect(Object.keys(report)).toEqual(['standard', 'ledgers', 'schools', 'cv', 'items', 'findings', 'sheets', 'resolved', 'plans', 'cvPlans', 'verdict', 'veto', 'transitions']);
    expect(report.standard).toEqual({ id: 'national-2017', version: '2017.1' });
    expect(report.ledgers.map(keys)).toEqual([
      ['columns', 'headerRows', 'kind', 'rows', 'sheet'],
      ['columns', 'headerRows', 'kind', 'rows', 'sheet'],
    ]);
    expect(report.ledgers[0]).toEqual({ sheet: SHEET, kind: 'school', headerRows: [3, 4], columns: { name: 'B', 'students.小学': 'D' }, rows: 5 });
    expect(keys(report.schools[0])).toEqual(['excluded', 'indicators', 'name', 'stage', 'students', 'type', 'verdict']);
    expect(keys(report.schools[0].indicators)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7']);
    expect(keys(report.schools[0].indicators.R1)).toEqual(['apportioned', 'pass', 'threshold', 'value']);
    expect(keys(report.cv[0])).toEqual(['indicator', 'limit', 'pass', 'schools', 'stage', 'value']);
    expect(keys(report.findings[0])).toEqual(
      ['actual', 'cell', 'departments', 'firstSeen', 'gap', 'indicator', 'kind', 'message', 'need', 'needUnit', 'required', 'school', 'sheet', 'stage', 'status', 'unit'],
    );
    // A first run: every finding is new as of the run's date, nothing resolved.
    expect(new Set(report.findings.map((f) => f.status))).toEqual(new Set(['新发现']));
    expect(new Set(report.findings.map((f) => f.firstSeen))).toEqual(new Set([isoDate(meta.date)]));
    expect(report.resolved).toEqual([]);
  });

  it('gives each 学段 part its own entry, null where missing', () => {
    expect(report.schools.map((s) => `${s.name}/${s.stage}`)).toEqual([
      '城关小学/小学',
      `${EVIL_HYPERLINK}/小学`,
      `${EVIL_DDE}/小学`,
      `${EVIL_DDE}/初中`,
      '北山教学点/小学',
      '数据缺失小学/小学',
    ]);
    const missing = report.schools[5];
    expect(missing.indicators.R6).toEqual({ value: null, threshold: 2000, pass: null, apportioned: false });
    expect(missing.verdict).toBe('数据不全');
    expect(report.schools[2].indicators.R4.apportioned).toBe(true);
    expect(report.schools[4].excluded).toBe(true);
    expect(report.cv.map((c) => `${c.indicator}/${c.stage}`).slice(0, 8)).toEqual([
      'R1/小学', 'R2/小学', 'R3/小学', 'R4/小学', 'R5/小学', 'R6/小学', 'R7/小学', 'R1/初中',
    ]);
    expect(report.cv[5]).toEqual({ indicator: 'R6', stage: '小学', value: 0.62, limit: 0.5, pass: false, schools: 4 });
  });

  it('survives JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
