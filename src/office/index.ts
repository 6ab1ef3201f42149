/** The Office.js host (inside Excel): the WorkbookHost, the Excel.run helper and the Chinese error messages. */
export { OfficeHost, runInExcel, notesSupportedHere, libraryHasNotes, MSG_NO_MERGES, NO_NOTE_APPLIED, REQUEST_BUDGET, type OfficeHostOptions } from './host';
export { officeErrorMessage, OfficeHostError } from './errors';
export { runDiagnostics, type DiagnosticItem, type DiagnosticsResult, type OfficeInfo } from './diagnostics';
