/**
 * The pane's findings list names the 一票否决 lines (F1 …) of the 核查清单 by their words, after S1 — not by
 * a bare id (src/taskpane/office-engine.ts outcomeOf).
 */
import { demoWorkbookBytes } from '../../src/cli/workbook';
import { runCheck } from '../../src/host/run';
import { nationalStandard } from '../../src/standard';
import { groupFindings } from '../../src/taskpane/findings';
import { STRINGS } from '../../src/taskpane/i18n';
import { outcomeOf } from '../../src/taskpane/office-engine';
import { openXlsx } from '../../src/xlsx/surgical';

describe('outcomeOf: 一票否决 lines', () => {
  it('labels every F id with its words and lists a finding on one under that title, after the indicators', async () => {
    const std = nationalStandard();
    const r = await runCheck(openXlsx(await demoWorkbookBytes()), std, { workbook: '示例县台账.xlsx', date: new Date('2026-11-29') });
    const outcome = outcomeOf(r, std);
    const ids = Object.keys(outcome.indicators);
    for (const v of std.veto) {
      expect(outcome.indicators[v.id].name).toBe(`一票否决：${v.name}`);
      expect(ids.indexOf(v.id)).toBeGreaterThan(ids.indexOf('S1'));
    }
    const f = { ...outcome.findings[0], indicator: std.veto[1].id, kind: 'compliance' as const };
    const groups = groupFindings([f], outcome.indicators, STRINGS['zh-CN']);
    expect(groups[0].title).toBe(`${std.veto[1].id} 一票否决：${std.veto[1].name}`);
  });
});
