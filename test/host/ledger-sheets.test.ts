/**
 * The one sheet filter (src/host/ledger-sheets.ts): what the pane's 台账识别 shows is what the check reads —
 * the 核查清单 a run wrote (the user's answers are read back) included, the settings sheet excluded even
 * when another program saved it as merely hidden.
 */
import { buildDemoWorkbook } from '../../src/sample/demo';
import { candidateSheets, ledgerGridsOf } from '../../src/host/ledger-sheets';
import { gridTextHash } from '../../src/host/tool-sheets';
import type { SheetGrid } from '../../src/ledger/grid';
import { MEMORY_SHEET, type RunMemory } from '../../src/host/memory';
import { runCheck } from '../../src/host/run';
import { SETTINGS_SHEET, DEFAULT_WORKBOOK_SETTINGS } from '../../src/host/settings';
import { writeWorkbookSettings } from '../../src/office/settings';
import { OfficeHost } from '../../src/office/host';
import { CHECKLIST_SHEET, FINDINGS_SHEET } from '../../src/ledger/tool-sheets';
import { nationalStandard } from '../../src/standard';
import { checkInExcel, detectInExcel } from '../../src/taskpane/office-engine';
import { fromExcelJs } from '../office/convert';

const memory = (sheets: RunMemory['sheets']): RunMemory => ({ version: 1, at: '2026-01-01T00:00:00.000Z', colours: { fail: 'FFFFC7CE', data: 'FFFFEB9C' }, sheets, cells: [] });

const grid = (name: string, text: string): SheetGrid => ({ name, top: 1, left: 1, values: [[text]], merges: [] });

describe('candidateSheets / ledgerGridsOf', () => {
  const sheets = [
    { name: '学校', state: 'visible' as const },
    { name: '隐藏的台账', state: 'hidden' as const },
    { name: '加载项表', state: 'veryHidden' as const },
    { name: MEMORY_SHEET, state: 'hidden' as const },
    { name: SETTINGS_SHEET, state: 'hidden' as const },
    { name: FINDINGS_SHEET, state: 'visible' as const },
    { name: CHECKLIST_SHEET, state: 'visible' as const },
  ];
  const existing = new Set(sheets.map((s) => s.name));

  it('reads every sheet but very hidden ones and the tool\'s own hidden sheets by name', () => {
    expect(candidateSheets(sheets).map((s) => s.name)).toEqual(['学校', '隐藏的台账', FINDINGS_SHEET, CHECKLIST_SHEET]);
  });

  it('leaves out the previous run\'s sheets still as the tool wrote them, never the write-once ones', () => {
    const read = candidateSheets(sheets).map((s) => grid(s.name, `${s.name} 的内容`));
    const asWritten = gridTextHash(grid(FINDINGS_SHEET, `${FINDINGS_SHEET} 的内容`));
    const prev = memory([
      { name: FINDINGS_SHEET, base: FINDINGS_SHEET, index: 5, hash: asWritten },
      { name: CHECKLIST_SHEET, base: CHECKLIST_SHEET, index: 6, hash: 'x', once: true },
    ]);
    const r = ledgerGridsOf(read, prev, existing);
    expect(r.grids.map((g) => g.name)).toEqual(['学校', '隐藏的台账', CHECKLIST_SHEET]);
    expect([...r.tools]).toEqual([FINDINGS_SHEET]);
    expect(ledgerGridsOf(read, null, existing).grids.map((g) => g.name)).toEqual(['学校', '隐藏的台账', FINDINGS_SHEET, CHECKLIST_SHEET]);
  });

  it('reads a sheet under a tool sheet\'s name whose content the user changed: it is theirs', () => {
    const read = [grid('学校', 'x'), grid(FINDINGS_SHEET, '用户自己的问题清单')];
    const prev = memory([{ name: FINDINGS_SHEET, base: FINDINGS_SHEET, index: 1, hash: gridTextHash(grid(FINDINGS_SHEET, '工具写的')) }]);
    const r = ledgerGridsOf(read, prev, existing);
    expect(r.grids.map((g) => g.name)).toEqual(['学校', FINDINGS_SHEET]);
    expect(r.verdict?.kept.map((k) => k.name)).toEqual([FINDINGS_SHEET]);
  });
});

describe('台账识别 and the check read the same sheets', () => {
  let uninstall: () => void = () => undefined;
  afterEach(() => uninstall());

  it('after a run that wrote the 核查清单, with the settings sheet saved as hidden', async () => {
    const x = fromExcelJs(buildDemoWorkbook());
    uninstall = x.install();
    const ctx = () => x.context() as unknown as Excel.RequestContext;
    await writeWorkbookSettings(ctx(), DEFAULT_WORKBOOK_SETTINGS);
    x.sheet(SETTINGS_SHEET)!.visibility = 'Hidden';
    const first = await checkInExcel();
    expect(first.sheets).toContain(CHECKLIST_SHEET);

    const detected = await detectInExcel();
    const host = new OfficeHost(ctx());
    const read: string[] = [];
    const readGrids = host.readGrids.bind(host);
    host.readGrids = async (names) => {
      read.push(...names);
      return readGrids(names);
    };
    const run = await runCheck(host, nationalStandard(), { workbook: '台账', date: new Date() });
    await host.flush();

    const kinds = (l: { sheet: string; kind: string }[]) => l.map((d) => `${d.sheet}|${d.kind}`).sort();
    expect(kinds(detected.ledgers)).toEqual(kinds(run.ledgers.ledgers));
    expect(detected.ledgers.some((l) => l.sheet === CHECKLIST_SHEET)).toBe(true);
    expect(read).toContain(CHECKLIST_SHEET);
    expect(read).not.toContain(SETTINGS_SHEET);
  });
});
