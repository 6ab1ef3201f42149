/**
 * 诊断 (src/office/diagnostics.ts) on the strict fake and on the real office.js (RichApi simulator): each
 * assumption checked on temporary sheets that are gone afterwards, a Chinese pass/fail list, a report.
 */
import { runDiagnostics } from '../../src/office/diagnostics';
import { exportState, fromExcelJs } from './convert';
import type { FakeExcelOptions } from './fake-excel';
import { ledgerFixture, reload } from './kits';
import { RichApiExcel } from './richapi/simulator';

const allSets = { '1.9': true, '1.13': true, '1.17': true, '1.18': true };
const fake = async (opts: FakeExcelOptions = {}) => fromExcelJs(await reload(ledgerFixture()), { notesSupported: true, payloadLimit: Infinity, ...opts });
const byId = (r: Awaited<ReturnType<typeof runDiagnostics>>) => Object.fromEntries(r.items.map((i) => [i.id, i]));

describe('诊断 on the strict fake (a library with notes)', () => {
  it('every check passes, the workbook is left exactly as it was, and the report lists version, sets and results', async () => {
    const x = await fake();
    const before = exportState(x);
    const r = await runDiagnostics(x.context() as unknown as Excel.RequestContext, { version: '16.0.18000.20000', platform: 'PC', host: 'Excel', sets: allSets, libraryNotes: true });
    expect(r.items.filter((i) => !i.ok)).toEqual([]);
    expect(r.items.map((i) => i.id)).toEqual(['structure', 'notes-library', 'fill-mark', 'fill-none', 'notes', 'merges', 'text-format', 'get-ranges', 'very-hidden']);
    expect(byId(r)['very-hidden'].detail).toMatch(/直接删除被拒绝/);
    expect(exportState(x)).toEqual(before);
    expect(r.report).toMatch(/^均衡自查 诊断报告\nExcel 版本：16\.0\.18000\.20000；平台：PC；宿主：Excel\nExcelApi 要求集：1\.9 支持；1\.13 支持；1\.17 支持；1\.18 支持\n加载的 office\.js 含批注接口：是\n结果：9 项通过，0 项未通过\n\[通过\] 读取工作簿结构保护/);
    for (const i of r.items) expect(i.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reports Excel answering as issue #1590 (merged areas as top-left cells) and #4900 (No Fill with a null pattern)', async () => {
    const x = await fake({ mergeReading: 'topLeftCells', fillReading: 'patternNull' });
    const r = byId(await runDiagnostics(x.context() as unknown as Excel.RequestContext, { sets: allSets, libraryNotes: true }));
    expect(r.merges.ok).toBe(false);
    expect(r.merges.detail).toMatch(/只有左上角单元格，见 office-js#1590/);
    expect(r['fill-none'].ok).toBe(true); // the host reads both ways
    expect(r['fill-none'].detail).toMatch(/图案 空/);
  });

  it('a structure-protected workbook: says so and adds no sheet', async () => {
    const x = await fake();
    x.structureProtected = true;
    const before = exportState(x);
    const r = byId(await runDiagnostics(x.context() as unknown as Excel.RequestContext, { sets: allSets, libraryNotes: true }));
    expect(r.structure.detail).toMatch(/工作簿结构已保护/);
    expect(r['sheet-checks'].ok).toBe(false);
    expect(exportState(x)).toEqual(before);
  });
});

describe('诊断 on the real office.js 1.1.110 (RichApi simulator)', () => {
  it('finds no notes in the library although Excel says 1.18, runs the rest, and leaves the workbook as it was', async () => {
    const x = await fake({ notesSupported: false });
    const before = exportState(x);
    const sim = new RichApiExcel(x);
    const g = globalThis as unknown as Record<string, unknown>;
    const saved = g.Excel;
    g.Excel = sim.lib.Excel;
    try {
      const r = await runDiagnostics(sim.context(), { sets: allSets });
      const m = byId(r);
      expect(m['notes-library'].ok).toBe(false);
      expect(m['notes-library'].detail).toMatch(/没有（Excel 报告 ExcelApi 1\.18：支持）/);
      expect(m.notes).toBeUndefined();
      expect(r.items.filter((i) => !i.ok).map((i) => i.id)).toEqual(['notes-library']);
      expect(r.report).toMatch(/加载的 office\.js 含批注接口：否/);
    } finally {
      g.Excel = saved;
    }
    expect(exportState(x)).toEqual(before);
    expect(sim.problems).toEqual([]);
  });
});
