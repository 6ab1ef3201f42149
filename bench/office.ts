/**
 * The add-in's round trips: runCheck with the Office.js host (src/office/host.ts) on the strict fake Excel
 * (test/office/fake-excel.ts), seeded from the generated workbook; syncs and the largest request (the fake
 * estimates each sync's payload: queued operations plus data loaded). A first check and a re-check (undo
 * of the first + re-mark). Beside it the naive add-in of bench/naive-office.ts on the same workbook.
 */
import type ExcelJS from 'exceljs';
import { runCheck } from '../src/host/run';
import { OfficeHost } from '../src/office/host';
import { checkWorkbook } from '../src/report/engine';
import type { Standard } from '../src/standard/schema';
import { fromExcelJs } from '../test/office/convert';
import { naiveCheck } from './naive-office';
import { nowMs } from './stats';

export interface OfficeFigures {
  scale: number;
  syncs: number | null;
  maxRequestBytes: number | null;
  naiveSyncs: number | null;
  /** Re-check of the same workbook (undo + re-mark). */
  rerunSyncs?: number;
  rerunMaxRequestBytes?: number;
  /** Syncs with no request-size budget (no splitting), and the largest request then. */
  unsplitSyncs?: number;
  unsplitMaxRequestBytes?: number;
  /** Syncs without the notes API (ExcelApi < 1.18). */
  noNotesSyncs?: number;
  naiveMaxRequestBytes?: number;
  naiveOverWebLimit?: boolean;
  marked?: number;
  /** Time on the fake (not Excel's time; the fake is in-process). */
  hostMs?: number;
  note?: string;
}

export async function benchOffice(scale: number, wb: ExcelJS.Workbook, std: Standard): Promise<OfficeFigures> {
  const meta = { workbook: `county-x${scale}.xlsx`, date: new Date(Date.UTC(2022, 8, 1)) };
  const check = async (x: ReturnType<typeof fromExcelJs>, budgetBytes?: number) => {
    x.resetCounters();
    const host = new OfficeHost(x.context() as unknown as Excel.RequestContext, { notesSupported: x.notesSupported, budgetBytes });
    const res = await runCheck(host, std, meta);
    await host.flush();
    if (host.syncs !== x.syncCount) throw new Error(`OfficeHost counted ${host.syncs} syncs, the fake ${x.syncCount}`);
    return { syncs: x.syncCount, maxBytes: x.maxRequestBytes, marked: res.marked };
  };
  const x = fromExcelJs(wb, { notesSupported: true });
  const t0 = nowMs();
  const first = await check(x);
  const hostMs = nowMs() - t0;
  const again = await check(x);
  const noNotes = await check(fromExcelJs(wb, { notesSupported: false }));
  // The same check with no request budget: the syncs the host needs whatever the size; the difference
  // is the splitting that keeps each request under Excel on the web's 5 MB.
  // (Desktop Excel documents no such limit; the fake is told to accept any size for this run.)
  const unsplit = await check(fromExcelJs(wb, { notesSupported: true, payloadLimit: Number.MAX_SAFE_INTEGER }), Number.MAX_SAFE_INTEGER);

  // The naive add-in reads each sheet in one go: past ~5 MB Excel on the web refuses that response. It is
  // run without the limit to count its syncs; naiveOverWebLimit says whether it would have failed there.
  const n = fromExcelJs(wb, { notesSupported: true, payloadLimit: Number.MAX_SAFE_INTEGER });
  n.resetCounters();
  await naiveCheck(n.context() as unknown as Excel.RequestContext, checkWorkbook, std, meta, true);
  return {
    scale,
    syncs: first.syncs,
    maxRequestBytes: first.maxBytes,
    naiveSyncs: n.syncCount,
    rerunSyncs: again.syncs,
    rerunMaxRequestBytes: again.maxBytes,
    noNotesSyncs: noNotes.syncs,
    unsplitSyncs: unsplit.syncs,
    unsplitMaxRequestBytes: unsplit.maxBytes,
    naiveMaxRequestBytes: n.maxRequestBytes,
    naiveOverWebLimit: n.maxRequestBytes > 5 * 1024 * 1024,
    marked: first.marked,
    hostMs: Math.round(hostMs),
  };
}
