/**
 * The one seam between the command and the .xlsx host: bytes in → a WorkbookHost → bytes out. main.ts never
 * imports src/xlsx itself; plugging in another host is a change to the import below (and to nothing else),
 * as long as it offers the same four things: sniff bytes, name the parts it cannot keep, open bytes as a
 * WorkbookHost with the add-in's saved settings text, and save it back to bytes.
 */
import * as host from '../xlsx/host';
import type { WorkbookHost } from '../host/port';
import { buildDemoWorkbook } from './demo-workbook';

export type { WorkbookKind } from '../xlsx/host';

/** A workbook opened from its bytes. */
export interface OpenedWorkbook {
  host: WorkbookHost;
  /** The add-in's settings saved in the workbook (its very hidden settings sheet), or null. */
  settingsText: string | null;
  /** The workbook, with what the run changed, as .xlsx bytes. */
  save(): Promise<Uint8Array>;
}

/** What kind of file these bytes are (an .xlsx, an old .xls, an encrypted workbook, something else). */
export const sniffWorkbook = host.sniffWorkbook;

/** The parts of an .xlsx (charts, macros…) the host would drop on save, in Chinese; empty when none. */
export const unsupportedParts = host.unsupportedParts;

/** Opens .xlsx bytes; throws (a user-facing error or not) when they cannot be read. */
export async function openWorkbook(bytes: Uint8Array): Promise<OpenedWorkbook> {
  const wb = await host.loadWorkbook(bytes);
  return { host: new host.XlsxHost(wb), settingsText: host.readSettingsText(wb), save: () => host.saveWorkbook(wb) };
}

/** The sample county ledger of `junheng demo`, as .xlsx bytes (built with ExcelJS, whatever the host). */
export async function demoWorkbookBytes(): Promise<Uint8Array> {
  const out = await buildDemoWorkbook().xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}
