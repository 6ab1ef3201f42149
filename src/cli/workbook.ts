/**
 * The one seam between the command and the .xlsx host: bytes in → a WorkbookHost → bytes out. main.ts never
 * imports src/xlsx itself. The host is the surgical one (src/xlsx/surgical.ts): it reads with a streaming
 * parser and writes by patching only what a run changes, so every other part of the user's file is kept.
 */
import { sniffWorkbook as sniff } from '../xlsx/sniff';
import { openXlsx } from '../xlsx/surgical';
import ExcelJS from 'exceljs';
import type { SheetWrite, WorkbookHost } from '../host/port';
import { saveWorkbook, XlsxHost } from '../xlsx/host';
import { buildDemoWorkbook } from '../sample/demo';

export type { WorkbookKind } from '../xlsx/sniff';

/** A workbook opened from its bytes. */
export interface OpenedWorkbook {
  host: WorkbookHost;
  /** The workbook, with what the run changed, as .xlsx bytes. */
  save(): Promise<Uint8Array>;
  /** True when the file holds VBA macros (an .xlsm), which an .xlsx cannot carry. */
  hasMacros(): boolean;
  /** Leaves the macros out of what save() writes. */
  dropMacros(): void;
}

/** What kind of file these bytes are (an .xlsx, an old .xls, an encrypted workbook, something else). */
export const sniffWorkbook = sniff;

/** Opens .xlsx bytes; throws (an XlsxError with a Chinese sentence, or another error) when they cannot be read. */
export async function openWorkbook(bytes: Uint8Array): Promise<OpenedWorkbook> {
  const host = openXlsx(bytes);
  return {
    host,
    save: async () => host.save(),
    hasMacros: () => host.hasMacros(),
    dropMacros: () => host.dropMacros(),
  };
}

/** The sample county ledger of `junheng demo`, as .xlsx bytes (built with ExcelJS, whatever the host). */
export async function demoWorkbookBytes(): Promise<Uint8Array> {
  const out = await buildDemoWorkbook().xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

/**
 * A new workbook holding these sheets only (a school's 学校自评表 …), as .xlsx bytes: written with ExcelJS through
 * the .xlsx host's sheet renderer, the same one that writes the summary sheets of a run.
 */
export async function newWorkbookBytes(sheets: SheetWrite[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await new XlsxHost(wb).writeSheets(sheets);
  return saveWorkbook(wb);
}
