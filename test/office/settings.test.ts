/**
 * The settings kept in the workbook (very hidden sheet _junheng_settings, JSON in A1) and the ribbon
 * commands running the Office backend on the strict fake with those settings.
 */
import { buildDemoWorkbook } from '../../src/sample/demo';
import { clearMarks, runCheck, setCommandBackend, setNotifier } from '../../src/commands/commands';
import {
  DEFAULT_WORKBOOK_SETTINGS,
  parseSettings,
  readWorkbookSettings,
  serializeSettings,
  SETTINGS_SHEET,
  standardOverrideOf,
  writeWorkbookSettings,
  type WorkbookSettings,
} from '../../src/office/settings';
import { placeholderBackend } from '../../src/taskpane/backend';
import { officeBackend } from '../../src/taskpane/office-backend';
import { standardOf } from '../../src/taskpane/office-engine';
import { fromExcelJs } from './convert';
import { cellKey, FakeExcel } from './fake-excel';

const settings = (over: Partial<WorkbookSettings> = {}): WorkbookSettings => ({ ...JSON.parse(JSON.stringify(DEFAULT_WORKBOOK_SETTINGS)), ...over });

describe('settings format', () => {
  it('defaults for nothing, bad JSON, or wrong types', () => {
    expect(parseSettings(null)).toEqual(DEFAULT_WORKBOOK_SETTINGS);
    expect(parseSettings('{oops')).toEqual(DEFAULT_WORKBOOK_SETTINGS);
    const p = parseSettings(JSON.stringify({ teachingPointCut: -3, colours: { fail: 'red', data: 'ff00ff00' }, language: 'fr', columnOverrides: { 学校: { students: 'd', name: '1x', type: '' } } }));
    expect(p.teachingPointCut).toBeNull();
    expect(p.colours).toEqual({ fail: 'FFFFC7CE', data: 'FF00FF00' });
    expect(p.language).toBe('auto');
    expect(p.columnOverrides).toEqual({ 学校: { students: 'D', type: '' } });
    expect(p.schoolForms).toBe(false);
    expect(parseSettings(JSON.stringify({ schoolForms: 'yes' })).schoolForms).toBe(false);
    expect(parseSettings(JSON.stringify({ schoolForms: true })).schoolForms).toBe(true);
  });

  it('round-trips and names its format', () => {
    const s = settings({ teachingPointCut: 60, columnOverrides: { 学校基本情况: { 'students.小学': 'E' } } });
    const text = serializeSettings(s);
    expect(JSON.parse(text)).toMatchObject({ format: 'junheng-settings', version: 1 });
    expect(parseSettings(text)).toEqual(s);
  });

  it('the 教学点 cut is a standard override, over the file when there is one', () => {
    expect(standardOverrideOf(settings())).toBeNull();
    expect(standardOverrideOf(settings({ teachingPointCut: 80 }))).toEqual({ settings: { teachingPointCut: 80 } });
    const withFile = settings({ teachingPointCut: 80, standard: { file: 'x.json', override: { name: '某县标准', settings: { minReached: 5 } } } });
    expect(standardOverrideOf(withFile)).toEqual({ name: '某县标准', settings: { minReached: 5, teachingPointCut: 80 } });
    const std = standardOf(withFile);
    expect(std.name).toBe('某县标准');
    expect(std.settings.teachingPointCut).toBe(80);
    expect(() => standardOf(settings({ standard: { file: 'bad.json', override: { settings: { teachingPointCut: 'x' } } } }))).toThrow(/标准文件「bad\.json」中的字段「settings\.teachingPointCut」/);
  });
});

describe('settings sheet through Office.js (strict fake)', () => {
  it('none → defaults; write → a very hidden sheet with text JSON in A1; read back', async () => {
    const x = new FakeExcel();
    x.addSheet('台账');
    expect(await readWorkbookSettings(x.context() as unknown as Excel.RequestContext)).toEqual(DEFAULT_WORKBOOK_SETTINGS);
    const s = settings({ teachingPointCut: 40, colours: { fail: 'FFFF8080', data: 'FFFFEB9C' } });
    await writeWorkbookSettings(x.context() as unknown as Excel.RequestContext, s);
    const sheet = x.sheet(SETTINGS_SHEET)!;
    expect(sheet.visibility).toBe('VeryHidden');
    expect(sheet.cells.get(cellKey(1, 1))).toMatchObject({ numberFormat: '@' });
    expect(await readWorkbookSettings(x.context() as unknown as Excel.RequestContext)).toEqual(s);
  });

  it('long settings continue in A2 …, and shrink back', async () => {
    const x = new FakeExcel();
    x.addSheet('台账');
    const ctx = () => x.context() as unknown as Excel.RequestContext;
    const big = settings({ standard: { file: 'big.json', override: { name: '长'.repeat(70000) } } });
    await writeWorkbookSettings(ctx(), big);
    expect(x.sheet(SETTINGS_SHEET)!.cells.get(cellKey(3, 1))?.value).toBeTruthy();
    expect(await readWorkbookSettings(ctx())).toEqual(big);
    await writeWorkbookSettings(ctx(), settings());
    expect(await readWorkbookSettings(ctx())).toEqual(DEFAULT_WORKBOOK_SETTINGS);
  });
});

describe('ribbon commands on the Office backend (strict fake)', () => {
  let uninstall: () => void = () => undefined;
  afterEach(() => {
    uninstall();
    setCommandBackend(placeholderBackend);
  });

  it('一键自查 uses the saved colour and reports counts; 清除标记 reports the restore; events complete', async () => {
    const x = fromExcelJs(buildDemoWorkbook());
    uninstall = x.install();
    await writeWorkbookSettings(x.context() as unknown as Excel.RequestContext, settings({ colours: { fail: 'FFFF8080', data: 'FFFFEB9C' } }));
    setCommandBackend(officeBackend);
    const shown: string[] = [];
    setNotifier(async (title, text, kind) => void shown.push(`${kind}|${title}|${text}`));
    const completed = jest.fn();

    await runCheck({ completed } as unknown as Office.AddinCommands.Event);
    expect(shown[0]).toMatch(/^info\|均衡自查：一键自查\|自查完成：发现 \d+ 个问题，已标记 \d+ 个单元格/);
    const red = x.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.fill?.color === '#FF8080'));
    expect(red.length).toBeGreaterThan(0);

    await clearMarks({ completed } as unknown as Office.AddinCommands.Event);
    expect(shown[1]).toMatch(/^info\|均衡自查：清除标记\|已清除 \d+ 个单元格的标记/);
    expect(x.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.fill?.color === '#FF8080'))).toHaveLength(0);

    x.sheets[0].protected = true;
    await runCheck({ completed } as unknown as Office.AddinCommands.Event);
    expect(shown[2]).toMatch(/^error\|均衡自查：一键自查\|工作表「.+」已保护，无法标记/);
    expect(completed).toHaveBeenCalledTimes(3);
  });
});
