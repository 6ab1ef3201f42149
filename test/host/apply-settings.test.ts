/**
 * The settings the add-in saved in a workbook are applied by one function (src/host/apply-settings.ts):
 * `junheng check` and the pane's check give the same marks, colours and standard from the same saved
 * settings.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildDemoWorkbook } from '../../src/sample/demo';
import { main } from '../../src/cli/main';
import { applySettings, readSettings } from '../../src/host/apply-settings';
import { decodeMemory, type RunMemory } from '../../src/host/memory';
import { parseSettings, serializeSettings, settingsChunks, SETTINGS_SHEET, type WorkbookSettings } from '../../src/host/settings';
import { OfficeHost } from '../../src/office/host';
import { checkInExcel } from '../../src/taskpane/office-engine';
import { SCHOOL_FORM_PREFIX } from '../../src/ledger/tool-sheets';
import { XlsxHost, loadWorkbook } from '../../src/xlsx/host';
import { demoWorkbookFacts as facts } from '../fixtures/demo-facts';
import { fromExcelJs } from '../office/convert';
import { reload } from '../office/kits';

const tp = [...facts.excludedTeachingPoints].sort((a, b) => b.students - a.students)[0];

const saved: WorkbookSettings = {
  ...parseSettings(null),
  teachingPointCut: Math.max(1, tp.students - 1),
  colours: { fail: 'FF00B0F0', data: 'FFFFD966' },
  marks: { compliance: true, data: false },
};

function demoWithSettings(s: WorkbookSettings) {
  const wb = buildDemoWorkbook();
  const ws = wb.addWorksheet(SETTINGS_SHEET, { state: 'veryHidden' });
  settingsChunks(serializeSettings(s)).forEach((c, i) => (ws.getCell(i + 1, 1).value = c));
  return wb;
}

function memoryOf(rows: Awaited<ReturnType<OfficeHost['readMemory']>>): RunMemory {
  const d = rows === null ? null : decodeMemory(rows);
  if (d?.status !== 'ok') throw new Error('no run memory');
  return d.memory;
}

const marks = (m: RunMemory) => m.cells.map((c) => `${c.sheet}!${c.cell}|${c.style}`).sort();

describe('one application of the saved settings', () => {
  let dir: string;
  let uninstall: () => void = () => undefined;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'junheng-apply-'));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));
  afterEach(() => uninstall());

  it('the settings read through either host give the same standard and options', async () => {
    const wb = await reload(demoWithSettings(saved));
    const viaXlsx = await readSettings(new XlsxHost(wb));
    const x = fromExcelJs(wb);
    const viaOffice = await readSettings(new OfficeHost(x.context() as unknown as Excel.RequestContext));
    expect(viaXlsx).toEqual(saved);
    expect(viaOffice).toEqual(saved);
    const a = applySettings(viaXlsx);
    expect(a.standard.settings.teachingPointCut).toBe(saved.teachingPointCut);
    expect(a.options.colours).toEqual(saved.colours);
    expect(a.options.engine).toBeDefined();
  });

  it('junheng check and the pane mark the same cells in the same colours', async () => {
    const file = path.join(dir, '台账.xlsx');
    await demoWithSettings(saved).xlsx.writeFile(file);
    const out = path.join(dir, '台账-自查.xlsx');
    expect(await main(['check', file, '--out', out], { out: () => undefined, err: () => undefined })).toBe(0);
    const cli = memoryOf(await new XlsxHost(await loadWorkbook(await fs.readFile(out))).readMemory());

    const x = fromExcelJs(await reload(demoWithSettings(saved)));
    uninstall = x.install();
    await checkInExcel();
    const pane = memoryOf(await new OfficeHost(x.context() as unknown as Excel.RequestContext).readMemory());

    expect(pane.colours).toEqual(saved.colours);
    expect(cli.colours).toEqual(pane.colours);
    expect(marks(pane).length).toBeGreaterThan(0);
    expect(marks(pane).some((m) => m.endsWith('|data'))).toBe(false);
    expect(marks(cli)).toEqual(marks(pane));
    expect(cli.sheets.map((s) => s.base)).toEqual(pane.sheets.map((s) => s.base));
  });

  it('学校自评表 switched on: both faces add one form per judged school, and clearing removes them', async () => {
    const withForms: WorkbookSettings = { ...parseSettings(null), schoolForms: true };
    expect(applySettings(withForms).options.schoolForms).toBe('all');
    expect(applySettings(parseSettings(null)).options.schoolForms).toBeUndefined();

    const file = path.join(dir, '自评表.xlsx');
    await demoWithSettings(withForms).xlsx.writeFile(file);
    const out = path.join(dir, '自评表-自查.xlsx');
    const said: string[] = [];
    expect(await main(['check', file, '--out', out], { out: (l) => said.push(l), err: () => undefined })).toBe(0);
    expect(said.join('\n')).toContain('为每所学校生成学校自评表');
    const checked = await loadWorkbook(await fs.readFile(out));
    const forms = (names: string[]) => names.filter((n) => n.startsWith(SCHOOL_FORM_PREFIX));
    const cliForms = forms(checked.worksheets.map((w) => w.name));
    expect(cliForms).toContain(`${SCHOOL_FORM_PREFIX}${facts.schools[0].name}`);
    expect(cliForms.length).toBeGreaterThan(20);

    const x = fromExcelJs(await reload(demoWithSettings(withForms)));
    uninstall = x.install();
    await checkInExcel();
    const pane = memoryOf(await new OfficeHost(x.context() as unknown as Excel.RequestContext).readMemory());
    expect(forms(pane.sheets.map((s) => s.base))).toEqual(cliForms);

    const cleared = path.join(dir, '自评表-清除.xlsx');
    expect(await main(['clear', out, '--out', cleared], { out: () => undefined, err: () => undefined })).toBe(0);
    expect(forms((await loadWorkbook(await fs.readFile(cleared))).worksheets.map((w) => w.name))).toEqual([]);
  });
});
