import type { Finding } from '../../src/ledger/finding';
import type { ClassRecord, LedgerSet } from '../../src/ledger/types';
import { HISTORY_LIMIT, findingKeys, sanitizeHistory, trackFindings, type HistoryRun } from '../../src/report/history';
import { std } from './fixtures';

const CLS = '班级台账';

function cls(row: number, school: string, grade: number, className: string): ClassRecord {
  return {
    sheet: CLS, row, school, schoolRef: { sheet: CLS, row, col: 2 }, grade, gradeRef: { sheet: CLS, row, col: 3 },
    stage: '小学', className, students: { value: 48, ref: { sheet: CLS, row, col: 5 } },
  };
}

function ledgers(classes: ClassRecord[]): LedgerSet {
  return {
    ledgers: [{ sheet: CLS, kind: 'class', headerRows: [2], columns: { school: 'B', grade: 'C', className: 'D', students: 'E' }, units: {}, rows: classes.length, missing: [] }],
    schools: [], classes, teachers: [], county: null, checklist: [], findings: [],
  };
}

function g5(c: ClassRecord, students = 48): Finding {
  return {
    kind: 'compliance', indicator: 'G5', sheet: CLS, cell: `E${c.row}`, school: c.school, stage: '小学', actual: students, required: 45,
    gap: students - 45, message: `班额 ${students} 人`, departments: ['县教育局'],
  };
}

const day = (d: number) => new Date(2026, 10, d, 12);

describe('整改 tracking (report/history.ts)', () => {
  it('pairs per-row findings by grade and class name when rows move, else by order', () => {
    const a = [cls(3, '甲小学', 3, '1班'), cls(4, '甲小学', 3, '2班'), cls(5, '乙小学', 1, '1班')];
    const moved = [cls(3, '乙小学', 1, '1班'), cls(4, '甲小学', 3, '2班'), cls(5, '甲小学', 3, '1班')];
    const k1 = findingKeys(a.map((c) => g5(c)), ledgers(a));
    const k2 = findingKeys(moved.map((c) => g5(c, 50)), ledgers(moved));
    expect(new Set(k1).size).toBe(3);
    expect(k2).toEqual([k1[2], k1[1], k1[0]]);
    // Two classes of one name (a typing slip): paired in row order.
    const twins = [cls(3, '甲小学', 3, '1班'), cls(4, '甲小学', 3, '1班')];
    const kt = findingKeys(twins.map((c) => g5(c)), ledgers(twins));
    expect(kt[0]).not.toBe(kt[1]);
  });

  it('statuses against the last record, resolved findings, firstSeen kept, one record per day, at most 12', () => {
    const rows = [cls(3, '甲小学', 3, '1班'), cls(4, '甲小学', 3, '2班')];
    const L = ledgers(rows);
    const t1 = trackFindings(rows.map((c) => g5(c)), L, [], day(1), std);
    expect(t1.previousAt).toBeNull();
    expect(t1.tracks.map((t) => t.status)).toEqual(['新发现', '新发现']);
    const t2 = trackFindings([g5(rows[1])], L, t1.history, day(2), std);
    expect(t2.tracks).toEqual([{ key: t1.tracks[1].key, status: '仍未整改', firstSeen: '2026-11-01' }]);
    expect(t2.resolved).toEqual([
      { key: t1.tracks[0].key, kind: 'compliance', indicator: 'G5', school: '甲小学', stage: '小学', sheet: CLS, cell: 'E3', actual: 48, unit: { unit: '人', decimals: 0 }, firstSeen: '2026-11-01', departments: std.indicators.G5.departments },
    ]);
    expect(t2.history.map((h) => h.at)).toEqual(['2026-11-01', '2026-11-02']);
    // Same day again: judged against that day's record, which it replaces.
    const t2b = trackFindings([g5(rows[1])], L, t2.history, day(2), std);
    expect(t2b.tracks[0].status).toBe('仍未整改');
    expect(t2b.history).toEqual(t2.history);
    // A resolved finding found again is new again.
    const t3 = trackFindings(rows.map((c) => g5(c)), L, t2.history, day(3), std);
    expect(t3.tracks.map((t) => `${t.status}@${t.firstSeen}`)).toEqual(['新发现@2026-11-03', '仍未整改@2026-11-01']);
    // The cap.
    let h: HistoryRun[] = [];
    for (let d = 1; d <= 20; d++) h = trackFindings([g5(rows[1])], L, h, day(d), std).history;
    expect(h).toHaveLength(HISTORY_LIMIT);
    expect(h[0].at).toBe('2026-11-09');
    expect(h.at(-1)!.findings[0][7]).toBe('2026-11-01'); // firstSeen survives the cap
  });

  it('reads a malformed history as far as it is well-formed, never throwing', () => {
    expect(sanitizeHistory(null)).toEqual([]);
    expect(sanitizeHistory({})).toEqual([]);
    expect(
      sanitizeHistory([
        { at: '2026-11-01', findings: [['k1', 'G5', '甲', '小学', 'S', 'E3', 48], ['bad'], ['k2', 7, null, null, null, null, null]] },
        { at: 'yesterday', findings: [] },
        'x',
      ]),
    ).toEqual([{ at: '2026-11-01', findings: [['k1', 'G5', '甲', '小学', 'S', 'E3', 48, '2026-11-01', 'c']] }]);
  });
});
