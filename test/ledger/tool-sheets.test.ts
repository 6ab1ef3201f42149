/** The one list of the tool's sheets (src/ledger/tool-sheets.ts), and everything that derives from it. */
import { SUMMARY_SHEET_NAMES } from '../../src/host/run';
import { TOOL_SHEET_NAMES as LEDGER_TOOL_SHEETS } from '../../src/ledger/synonyms';
import { checkWorkbook } from '../../src/report/engine';
import { READ_BACK_SHEETS, SUMMARY_SHEETS, TOOL_SHEET_NAMES, CHECKLIST_SHEET } from '../../src/ledger/tool-sheets';
import { SHEETS } from '../../src/report/sheets';
import { nationalStandard } from '../../src/standard';
import { buildDemoWorkbook } from '../../src/sample/demo';
import { readGrid } from '../../src/xlsx/read';
import { reload } from '../office/kits';

describe('the tool\'s sheet names', () => {
  it('the registry writes exactly SUMMARY_SHEETS, in order', () => {
    expect(SHEETS.map((s) => s.name)).toEqual([...SUMMARY_SHEETS]);
    expect(new Set(SUMMARY_SHEETS).size).toBe(SUMMARY_SHEETS.length);
  });

  it('the sheets never read are all but the read-back ones, for the ledger reader and the run alike', () => {
    expect(READ_BACK_SHEETS).toEqual([CHECKLIST_SHEET]);
    expect(TOOL_SHEET_NAMES).toEqual(SUMMARY_SHEETS.filter((n) => n !== CHECKLIST_SHEET));
    expect(LEDGER_TOOL_SHEETS).toBe(TOOL_SHEET_NAMES);
    expect(SUMMARY_SHEET_NAMES).toBe(TOOL_SHEET_NAMES);
  });

  it('every sheet a check of the demo writes is in the list', async () => {
    const out = checkWorkbook((await reload(buildDemoWorkbook())).worksheets.map(readGrid), nationalStandard(), { workbook: '示例县台账.xlsx', date: new Date(2026, 0, 5) });
    expect(out.sheets.length).toBeGreaterThan(0);
    for (const m of out.sheets) expect(SUMMARY_SHEETS).toContain(m.name);
  });
});
