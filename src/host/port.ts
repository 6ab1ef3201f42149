/**
 * The host port: the few things the orchestration (run.ts) needs from a workbook. Implemented by the
 * .xlsx hosts (src/xlsx/surgical.ts, src/xlsx/host.ts) and the Office.js host (src/office). Every method is
 * async and coarse so that the Office.js host can serve each call with one or two `context.sync`s, whatever the
 * number of rows or marks. Hosts hold no policy: which sheets to read, which names to write under, what
 * to remember and what to undo are decided in run.ts; the memory format is memory.ts.
 */
import type { SheetGrid } from '../ledger/grid';
import type { Mark, SheetModel } from '../report/model';
import type { AddedSheet, MarkColours, MarkedCell, MemoryRows, RunMemory } from './memory';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetInfo {
  name: string;
  state: SheetState;
}

/** A summary sheet to add: the model, the name to write it under, and where (0-based among all sheets). */
export interface SheetWrite {
  model: SheetModel;
  name: string;
  /** Position among all worksheets (hidden ones included) after insertion; undefined = after the last one. */
  index?: number;
}

export interface UndoResult {
  /** Cells whose original fill and note were put back (fully or partly). */
  restored: number;
  /** Cells where the user changed the fill or the note since the run: the user's version was kept. */
  kept: number;
  /** Marked cells whose sheet no longer exists. */
  missing: number;
  /** Names of the sheets removed (only sheets listed in the memory). */
  removedSheets: string[];
  /**
   * The removed sheets with their 0-based positions among all worksheets just before the removal (the
   * user may have moved them since the run); a re-run puts the new summary sheets back there.
   */
  removedAt: AddedSheet[];
  /**
   * Marked cells left as they are because the host cannot write their original fill back (Office.js cannot
   * write a gradient), with a Chinese reason; also counted in `kept`. Absent when there is none.
   */
  notRestored?: { sheet: string; cell: string; reason: string }[];
  /** Restored marks found away from their remembered address (moved with a sort: relocate.ts). */
  moved?: number;
  /**
   * Marks that could not be placed without guessing (the run's note now on several cells, or their address
   * taken by another mark): nothing was done for them. Absent when there is none.
   */
  unlocated?: { sheet: string; cell: string }[];
}

export interface WorkbookHost {
  /** Every worksheet in tab order, hidden and very hidden ones included. */
  listSheets(): Promise<SheetInfo[]>;
  /** The used grids of the named sheets, values only (formulas as their cached results). */
  readGrids(names: string[]): Promise<SheetGrid[]>;
  /** The cells of the memory sheet (MEMORY_SHEET), or null when there is none. */
  readMemory(): Promise<MemoryRows | null>;
  /**
   * Undoes a previous run: finds each remembered mark where it is now (src/host/relocate.ts locateMarks:
   * by its note, so marks moved by a sort are found) and, as judgeMarks decides, puts back the original fill
   * and note; deletes the sheets listed in `memory.sheets` that still exist (run.ts passes only those whose
   * text is still what the tool wrote). Never touches values and never the memory sheet itself.
   */
  undo(memory: RunMemory): Promise<UndoResult>;
  /**
   * Paints each mark (fill colours[style], note = mark.note) and returns, per marked cell, its original
   * fill and note and the hash of the note written. Marks must name distinct cells of existing sheets
   * (run.ts ensures it); the host skips any it cannot address.
   */
  applyMarks(marks: Mark[], colours: MarkColours): Promise<MarkedCell[]>;
  /** Adds the summary sheets, in order, under the given names and positions; returns the names written. */
  writeSheets(sheets: SheetWrite[]): Promise<string[]>;
  /** Replaces the memory sheet with these cells (a new very hidden sheet, last); null removes it. */
  writeMemory(rows: MemoryRows | null): Promise<void>;
  /**
   * The add-in's saved settings as their text (column A of the very hidden SETTINGS_SHEET; the format is
   * src/host/settings.ts, what a run takes from it src/host/apply-settings.ts), or null when there are none.
   * A host that holds the whole file in memory may answer synchronously.
   */
  readSettingsText(): Promise<string | null> | string | null;
  /** Replaces the saved settings' text (adds the very hidden sheet when missing). Only hosts that save settings (the add-in's). */
  writeSettingsText?(text: string): Promise<void>;
}
