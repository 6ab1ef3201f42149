/**
 * The one sheet filter (src/host/ledger-sheets.ts): what the pane's 台账识别 shows is what the check reads —
 * the 核查清单 a run wrote (the user's answers are read back) included, the settings sheet excluded even
 * when another program saved it as merely hidden.
 */
import { buildDemoWorkbook } from '../../src/cli/demo-workbook';
import { ledgerSheets } from '../../src/host/ledger-sheets';
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

describe('ledgerSheets', () => {
  it('leaves out very hidden sheets, the tool\'s own by name, and the previous run\'s sheets but the write-once ones', () => {
    const sheets = [
      { name: '学校', state: 'visible' as const },
      { name: '隐藏的台账', state: 'hidden' as const },
      { name: '加载项表', state: 'veryHidden' as const },
      { name: MEMORY_SHEET, state: 'hidden' as const },
      { name: SETTINGS_SHEET, state: 'hidden' as const },
      { name: FINDINGS_SHEET, state: 'visible' as const },
      { name: CHECKLIST_SHEET, state: 'visible' as const },
    ];
    const prev = memory([
      { name: FINDINGS_SHEET, base: FINDINGS_SHEET, index: 5 },
      { name: CHECKLIST_SHEET, base: CHECKLIST_SHEET, index: 6, hash: 'x' },
    ]);
    expect(ledgerSheets(sheets, prev).map((s) => s.name)).toEqual(['学校', '隐藏的台账', CHECKLIST_SHEET]);
    expect(ledgerSheets(sheets, null).map((s) => s.name)).toEqual(['学校', '隐藏的台账', FINDINGS_SHEET, CHECKLIST_SHEET]);
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
