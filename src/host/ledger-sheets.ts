/**
 * The sheets a check reads — the one filter of every face: runCheck (run.ts) and the pane's 台账识别
 * (src/taskpane/office-engine.ts) see the same sheets, so what detection shows is what the check reads.
 *
 * Every worksheet except very hidden ones, the tool's own sheets by name (the run memory, the settings:
 * another program, LibreOffice, may save a very hidden sheet as hidden) and the previous run's summary
 * sheets — but not its write-once ones (核查清单): the user's answers are in them, and they are read back as a
 * ledger. Hidden user sheets are read.
 */
import type { SheetGrid } from '../ledger/grid';
import { decodeMemory, MEMORY_SHEET, type RunMemory } from './memory';
import type { SheetInfo, WorkbookHost } from './port';
import { SETTINGS_SHEET } from './settings';

/** The sheets of `sheets` a check reads, given the previous run's memory (null when there is none). */
export function ledgerSheets(sheets: readonly SheetInfo[], memory: RunMemory | null): SheetInfo[] {
  const previous = new Set(memory ? memory.sheets.filter((s) => s.hash === undefined).map((s) => s.name) : []);
  return sheets.filter((s) => s.state !== 'veryHidden' && s.name !== MEMORY_SHEET && s.name !== SETTINGS_SHEET && !previous.has(s.name));
}

/**
 * The grids a check would read, for a face that only looks (台账识别): a memory that cannot be read counts
 * as none here (the check itself refuses it, see run.ts).
 */
export async function ledgerGrids(host: WorkbookHost): Promise<SheetGrid[]> {
  const rows = await host.readMemory();
  const d = rows === null ? null : decodeMemory(rows);
  const memory = d?.status === 'ok' ? d.memory : null;
  const names = ledgerSheets(await host.listSheets(), memory).map((s) => s.name);
  return host.readGrids(names);
}
