/**
 * 整改 tracking end to end: three runs of the demo county on different days, with fixes, a new problem and
 * REORDERED ledger rows in between, through runCheck — so the history really lives in the workbook's run
 * memory between runs — on the ExcelJS host, and the same on the Office.js host over the strict fake (its
 * workbook handed between runs through the same edits), each host reading the history the other wrote.
 */
import ExcelJS from 'exceljs';
import { buildDemoWorkbook } from '../../src/sample/demo';
import { demoWorkbookFacts as facts } from '../fixtures/demo-facts';
import { decodeMemory, type RunMemory } from '../../src/host/memory';
import { clearRun, runCheck, type RunResult } from '../../src/host/run';
import type { WorkbookHost } from '../../src/host/port';
import { ledgerAdd } from '../../src/report/plans';
import { nationalStandard } from '../../src/standard';
import { XlsxHost } from '../../src/xlsx/host';
import { fromExcelJs, toExcelJs } from '../office/convert';
import type { FakeExcel } from '../office/fake-excel';
import { officeKit, reload } from '../office/kits';

const std = nationalStandard();
const D1 = new Date(2026, 9, 8, 9, 0);
const D2 = new Date(2026, 10, 5, 15, 30);
const D3 = new Date(2026, 11, 1, 10, 0);
const [day1, day2, day3] = ['2026-10-08', '2026-11-05', '2026-12-01'];
const meta = (date: Date) => ({ workbook: '示例县台账.xlsx', date });

const SCHOOL = facts.sheets.school;
const CLASS = facts.sheets.class;
const big = facts.oversizedClasses[0];
const shimen = facts.resourceFailures.find((f) => f.indicators.includes('R4'))!;
const BROKEN = '示例县城关第三小学';

// ---------------------------------------------------------------------------------------------------------
// Edits a user makes between runs

/** Rows first..last of `ws` rewritten in the order given (values, styles, notes of columns 1..width). */
function permuteRows(ws: ExcelJS.Worksheet, first: number, last: number, order: (rows: number[]) => number[]): void {
  const width = ws.columnCount;
  const rows: number[] = [];
  for (let r = first; r <= last; r++) rows.push(r);
  const snap = rows.map((r) =>
    Array.from({ length: width }, (_, i) => {
      const c = ws.getCell(r, i + 1);
      return { value: c.value, style: JSON.parse(JSON.stringify(c.style ?? {})) as Partial<ExcelJS.Style>, note: c.note };
    }),
  );
  order(rows.map((_, i) => i)).forEach((from, i) => {
    snap[from].forEach((s, c) => {
      const cell = ws.getCell(first + i, c + 1);
      cell.value = s.value;
      cell.style = s.style;
      cell.note = s.note as ExcelJS.Comment;
    });
  });
}

/** The class ledger as a user sorts it: merged school names unmerged and filled down first (Excel asks to). */
function unmergeClassNames(ws: ExcelJS.Worksheet): void {
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).filter((m) => /^B\d+:B\d+$/.test(m));
  for (const m of merges) {
    const [a, b] = m.split(':').map((x) => Number(x.slice(1)));
    if (a < facts.firstClassRow) continue;
    const name = ws.getCell(a, 2).value;
    ws.unMergeCells(m);
    for (let r = a; r <= b; r++) ws.getCell(r, 2).value = name;
  }
}

const lastClassRow = facts.firstClassRow + facts.classCount - 1;
const lastSchoolRow = facts.firstSchoolRow + facts.schoolCount - 1;

/** Finds the row of a ledger sheet whose column `col` reads `text` (and optional more checks). */
function findRow(ws: ExcelJS.Worksheet, from: number, to: number, test: (r: number) => boolean): number {
  for (let r = from; r <= to; r++) if (test(r)) return r;
  throw new Error('row not found');
}

/**
 * Between run 1 and run 2: the oversized class is split — 3 of its students move to the smallest class of the
 * same school (the school's total is unchanged); 石门乡中心小学 builds what its plan asks; then both ledgers
 * are re-sorted (class ledger reversed, school ledger rotated).
 */
function fixAndReorder(wb: ExcelJS.Workbook, first: RunResult): void {
  const cls = wb.getWorksheet(CLASS)!;
  unmergeClassNames(cls);
  const bigRow = findRow(cls, facts.firstClassRow, lastClassRow, (r) => cls.getCell(r, 2).value === big.school && cls.getCell(r, 3).value === big.grade && cls.getCell(r, 4).value === big.className);
  const mates: number[] = [];
  for (let r = facts.firstClassRow; r <= lastClassRow; r++) if (r !== bigRow && cls.getCell(r, 2).value === big.school) mates.push(r);
  const smallest = mates.reduce((a, b) => (Number(cls.getCell(b, 5).value) < Number(cls.getCell(a, 5).value) ? b : a));
  cls.getCell(bigRow, 5).value = Number(cls.getCell(bigRow, 5).value) - 3;
  cls.getCell(smallest, 5).value = Number(cls.getCell(smallest, 5).value) + 3;
  expect(Number(cls.getCell(smallest, 5).value)).toBeLessThanOrEqual(big.limit!);

  // The plan's option 1 makes the school 达标 (R4 at 85 % of its threshold); the school builds to the full
  // threshold instead, so the R4 finding itself goes.
  const plan = first.plans!.schools.find((e) => e.result.name === shimen.school)!;
  const step = plan.plan!.options[0][0];
  expect(step.indicator).toBe('R4');
  const r4 = plan.result.indicators.R4;
  const ref = r4.ref!;
  const school = wb.getWorksheet(SCHOOL)!;
  const needed = Math.ceil(r4.threshold * plan.result.students!);
  expect(needed).toBeGreaterThan(Number(school.getCell(ref.row, ref.col).value) + ledgerAdd(step));
  school.getCell(ref.row, ref.col).value = needed;

  permuteRows(cls, facts.firstClassRow, lastClassRow, (ix) => [...ix].reverse());
  permuteRows(school, facts.firstSchoolRow, lastSchoolRow, (ix) => [...ix.slice(7), ...ix.slice(0, 7)]);
}

/** Between run 2 and run 3: 城关第三小学's teaching floor area is mistyped at half; the rows are re-sorted again. */
function breakAndReorder(wb: ExcelJS.Workbook, second: RunResult): void {
  const r = second.result.schools.find((s) => s.name === BROKEN)!.indicators.R4.ref!;
  const school = wb.getWorksheet(SCHOOL)!;
  school.getCell(r.row, r.col).value = Math.round(Number(school.getCell(r.row, r.col).value) / 2);
  permuteRows(school, facts.firstSchoolRow, lastSchoolRow, (ix) => [...ix].reverse());
  const cls = wb.getWorksheet(CLASS)!;
  permuteRows(cls, facts.firstClassRow, lastClassRow, (ix) => [...ix.filter((i) => i % 2 === 0), ...ix.filter((i) => i % 2 === 1)]);
}

// ---------------------------------------------------------------------------------------------------------

const label = (f: { indicator: string | null; school: string | null; stage: string | null }) => `${f.indicator}/${f.school ?? ''}/${f.stage ?? ''}`;

function memoryOf(wb: ExcelJS.Workbook): RunMemory {
  const ws = wb.getWorksheet('_junheng')!;
  const rows: (string | number | null)[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === undefined ? null : (v as string | number)))));
  const d = decodeMemory(rows);
  if (d.status !== 'ok') throw new Error(d.status);
  return d.memory;
}

/** Column values of a summary sheet by header, rows 4…. */
function column(wb: ExcelJS.Workbook, sheet: string, header: string): unknown[] {
  const ws = wb.getWorksheet(sheet)!;
  let col = 0;
  ws.getRow(3).eachCell((c, i) => {
    if (c.value === header) col = i;
  });
  if (!col) throw new Error(`no column ${header}`);
  const out: unknown[] = [];
  for (let r = 4; r <= ws.rowCount; r++) out.push(ws.getCell(r, col).value);
  return out;
}

/** The assertions of the three runs, host-neutral. */
function expectRun1(o: RunResult): void {
  expect(o.tracking!.previousAt).toBeNull();
  expect(o.report.findings.every((f) => f.status === '新发现' && f.firstSeen === day1)).toBe(true);
  expect(o.report.resolved).toEqual([]);
}

function expectRun2(o: RunResult, first: RunResult): void {
  expect(o.tracking!.previousAt).toBe(day1);
  // Rows moved in both ledgers, yet nothing is new: every finding is matched to run 1's by school, 学段,
  // indicator and (班额) the class's grade and name.
  expect(o.report.findings.filter((f) => f.status !== '仍未整改').map(label)).toEqual([]);
  expect(new Set(o.report.findings.map((f) => f.firstSeen))).toEqual(new Set([day1]));
  // The two fixes are 已整改, with the date they were first found; nothing else is.
  expect(o.report.resolved!.map((r) => `${label(r)}@${r.firstSeen}`).sort()).toEqual(
    [`G5/${big.school}/${big.stage}@${day1}`, `R4/${shimen.school}/${shimen.stage}@${day1}`].sort(),
  );
  expect(o.report.findings).toHaveLength(first.report.findings.length - 2);
  // The resolved G5 still says where it was then (the row has moved since).
  const g5 = o.report.resolved!.find((r) => r.indicator === 'G5')!;
  expect(g5).toMatchObject({ kind: 'compliance', sheet: CLASS, cell: big.cell, actual: big.students, status: '已整改' });
}

function expectRun3(o: RunResult, second: RunResult): void {
  expect(o.tracking!.previousAt).toBe(day2);
  const fresh = o.report.findings.filter((f) => f.status === '新发现');
  expect(fresh.length).toBeGreaterThan(0);
  expect(new Set(fresh.map(label))).toEqual(new Set([`R4/${BROKEN}/小学`]));
  expect(fresh.every((f) => f.firstSeen === day3)).toBe(true);
  const open = o.report.findings.filter((f) => f.status === '仍未整改');
  expect(open).toHaveLength(second.report.findings.length);
  expect(open.every((f) => f.firstSeen === day1)).toBe(true);
  expect(o.report.resolved).toEqual([]);
}

function expectHistory(m: RunMemory, runs: RunResult[]): void {
  expect(m.history!.map((h) => h.at)).toEqual([day1, day2, day3]);
  expect(m.history!.map((h) => h.findings.length)).toEqual(runs.map((r) => r.report.findings.length));
}

describe('整改 tracking over three runs (ExcelJS host)', () => {
  it('新发现 / 仍未整改 / 已整改 and 首次发现日期 survive fixes and re-sorted ledgers; 整改进度 has a column per run', async () => {
    let wb = await reload(buildDemoWorkbook());
    const r1 = await runCheck(new XlsxHost(wb), std, meta(D1));
    expectRun1(r1);
    wb = await reload(wb);
    expect(memoryOf(wb).history!.map((h) => h.at)).toEqual([day1]);
    expect(column(wb, '问题清单', '状态').filter((v) => v !== null)).toEqual(r1.report.findings.map(() => '新发现'));

    fixAndReorder(wb, r1);
    wb = await reload(wb);
    const r2 = await runCheck(new XlsxHost(wb), std, meta(D2));
    expectRun2(r2, r1);
    wb = await reload(wb);
    // 问题清单: the findings (仍未整改), then the two resolved rows (已整改) with their first dates.
    const status = column(wb, '问题清单', '状态').filter((v) => v !== null);
    expect(status).toEqual([...r2.report.findings.map(() => '仍未整改'), '已整改', '已整改']);
    expect(column(wb, '问题清单', '首次发现日期').filter((v) => v !== null).every((v) => v === day1)).toBe(true);

    breakAndReorder(wb, r2);
    wb = await reload(wb);
    const r3 = await runCheck(new XlsxHost(wb), std, meta(D3));
    expectRun3(r3, r2);
    wb = await reload(wb);
    expectHistory(memoryOf(wb), [r1, r2, r3]);

    // 整改进度: one column per run, then the change since the last run; a table only (no chart in .xlsx).
    const progress = wb.getWorksheet('整改进度')!;
    expect([1, 2, 3, 4, 5].map((c) => progress.getCell(3, c).value)).toEqual(['责任单位', day1, day2, day3, '较上次']);
    const total = findRow(progress, 4, progress.rowCount, (r) => progress.getCell(r, 1).value === '达标问题合计');
    const compliance = (o: RunResult) => o.report.findings.filter((f) => f.kind === 'compliance').length;
    expect([2, 3, 4, 5].map((c) => progress.getCell(total, c).value)).toEqual([compliance(r1), compliance(r2), compliance(r3), compliance(r3) - compliance(r2)]);
    const r4 = findRow(progress, 4, progress.rowCount, (r) => String(progress.getCell(r, 1).value).startsWith('R4 '));
    expect([2, 3, 4].map((c) => progress.getCell(r4, c).value)).toEqual([2, 1, 2]);
    expect(r3.sheets.find((s) => s.name === '整改进度')!.chart).toMatchObject({ type: 'line', valueColumns: 3 });

    // The CLI summary line.
    const { summaryLines } = await import('../../src/cli/summary');
    expect(summaryLines(r3.output, std, '示例县台账.xlsx').at(-1)).toBe(
      `整改情况（与上次检查 ${day2} 相比）：新发现 ${r3.report.findings.filter((f) => f.status === '新发现').length} 条，仍未整改 ${r2.report.findings.length} 条，已整改 0 条`,
    );

    // 清除标记 removes the memory, the history with it, and says so.
    const cleared = await clearRun(new XlsxHost(wb));
    expect(cleared.historyRuns).toBe(3);
    expect(cleared.message).toMatch(/整改记录（2026-10-08 至 2026-12-01 共 3 次检查）已一并清除/);
    expect(wb.getWorksheet('_junheng')).toBeUndefined();
  });

  it('a re-run on the same day replaces that day\'s record: statuses 仍未整改, one column, same memory', async () => {
    const wb = await reload(buildDemoWorkbook());
    await runCheck(new XlsxHost(wb), std, meta(D1));
    const m1 = memoryOf(await reload(wb));
    const again = await runCheck(new XlsxHost(wb), std, meta(new Date(2026, 9, 8, 17, 45)));
    expect(again.report.findings.every((f) => f.status === '仍未整改' && f.firstSeen === day1)).toBe(true);
    const m2 = memoryOf(await reload(wb));
    expect(m2.history).toEqual(m1.history);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The Office.js host, with the workbook handed between runs (and hosts) as a file would be

async function officeRun(x: FakeExcel, date: Date): Promise<RunResult> {
  const kit = officeKit(x);
  const h: WorkbookHost = kit.host();
  const out = await runCheck(h, std, meta(date));
  await kit.done(h);
  return out;
}

type HostKind = 'office' | 'xlsx';

/** One run on the workbook with the given host; returns the outcome and the workbook as saved after it. */
async function runOn(kind: HostKind, wb: ExcelJS.Workbook, date: Date): Promise<{ out: RunResult; wb: ExcelJS.Workbook; fake: FakeExcel | null }> {
  if (kind === 'xlsx') {
    const out = await runCheck(new XlsxHost(wb), std, meta(date));
    return { out, wb: await reload(wb), fake: null };
  }
  const fake = fromExcelJs(await reload(wb), { notesSupported: true });
  const out = await officeRun(fake, date);
  return { out, wb: await reload(toExcelJs(fake)), fake };
}

describe.each([
  { hosts: ['office', 'office', 'office'] as HostKind[], name: 'all three in Excel' },
  { hosts: ['office', 'xlsx', 'office'] as HostKind[], name: 'Excel, then the CLI, then Excel again' },
])('整改 tracking over three runs on the Office.js host (strict fake): $name', ({ hosts }) => {
  it('gives the same statuses, each host reads the history the other wrote, and Excel draws the 整改进度 chart', async () => {
    const a = await runOn(hosts[0], await reload(buildDemoWorkbook()), D1);
    expectRun1(a.out);
    fixAndReorder(a.wb, a.out);
    const b = await runOn(hosts[1], await reload(a.wb), D2);
    expectRun2(b.out, a.out);
    breakAndReorder(b.wb, b.out);
    const c = await runOn(hosts[2], await reload(b.wb), D3);
    expectRun3(c.out, b.out);
    expectHistory(memoryOf(c.wb), [a.out, b.out, c.out]);

    // The Office host draws the chart declared on 整改进度, within the same syncs, beside the table.
    const fake = c.fake!;
    const progress = fake.sheet('整改进度')!;
    const chart = c.out.sheets.find((s) => s.name === '整改进度')!.chart!;
    expect(progress.charts).toEqual([
      {
        type: 'LineMarkers',
        source: `A3:D${3 + chart.seriesRows}`,
        seriesBy: 'Rows',
        title: chart.title,
        legend: 'Right',
        position: { from: 'G3', to: `O${Math.max(20, 4 + chart.seriesRows)}` },
      },
    ]);
    // Series names and categories as the chart reads them.
    const v = officeKit(fake).values('整改进度');
    expect([v.A3, v.B3, v.C3, v.D3]).toEqual(['责任单位', day1, day2, day3]);
    expect(v.A4).toBe('县教育局');
  });
});
