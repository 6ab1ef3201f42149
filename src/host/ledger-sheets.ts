/**
 * The sheets a check reads — the one filter of every face: runCheck (run.ts), the pane's 台账识别
 * (src/taskpane/office-engine.ts) and the web page (src/web/engine.ts) see the same sheets, so what detection
 * shows is what the check reads.
 *
 * Every worksheet except very hidden ones and the tool's own hidden sheets by name (the run memory, the
 * settings: another program, LibreOffice, may save a very hidden sheet as hidden) is read; then the previous
 * run's summary sheets that still hold what the tool wrote (their content hash in the memory, tool-sheets.ts)
 * are left out. Its write-once sheets (核查清单) are read: the user's answers are in them, and they are read
 * back as a ledger. A sheet the user changed, or made under a tool sheet's name, is theirs and is read.
 * Hidden user sheets are read.
 */
import type { SheetGrid } from '../ledger/grid';
import { decodeMemory, MEMORY_SHEET, type RunMemory } from './memory';
import type { SheetInfo, WorkbookHost } from './port';
import { SETTINGS_SHEET } from './settings';
import { verifySheets, type SheetVerdict } from './tool-sheets';

/** The sheets to read: every worksheet but very hidden ones and the tool's own hidden sheets. */
export function candidateSheets(sheets: readonly SheetInfo[]): SheetInfo[] {
  return sheets.filter((s) => s.state !== 'veryHidden' && s.name !== MEMORY_SHEET && s.name !== SETTINGS_SHEET);
}

/**
 * Of the grids read (candidateSheets), the ones a check reads: the previous run's summary sheets still as the
 * tool wrote them are left out (`tools`), write-once ones are kept. `verdict` is null without a memory.
 */
export function ledgerGridsOf(
  read: readonly SheetGrid[],
  memory: RunMemory | null,
  existing: ReadonlySet<string>,
): { grids: SheetGrid[]; verdict: SheetVerdict | null; tools: Set<string> } {
  const verdict = memory ? verifySheets(memory, read, existing) : null;
  const tools = new Set(verdict ? verdict.memory.sheets.filter((s) => !s.once).map((s) => s.name) : []);
  return { grids: read.filter((g) => !tools.has(g.name)), verdict, tools };
}

/**
 * The grids a check would read, for a face that only looks (台账识别): a memory that cannot be read counts
 * as none here (the check itself refuses it, see run.ts).
 */
export async function ledgerGrids(host: WorkbookHost): Promise<SheetGrid[]> {
  const rows = await host.readMemory();
  const d = rows === null ? null : decodeMemory(rows);
  const sheets = await host.listSheets();
  const read = await host.readGrids(candidateSheets(sheets).map((s) => s.name));
  return ledgerGridsOf(read, d?.status === 'ok' ? d.memory : null, new Set(sheets.map((s) => s.name))).grids;
}
