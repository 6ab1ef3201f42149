import { runChecks } from '../checks';
import type { SheetGrid } from '../ledger/grid';
import { readLedgers } from '../ledger';
import type { Standard } from '../standard/schema';
import type { EngineOptions, EngineOutput, RunMeta } from './engine-types';
import { buildOutput } from './output';

/**
 * The whole check of one workbook, pure and synchronous: grids → ledgers → checks → marks, summary sheet
 * models and the JSON report. Hosts only read the grids and write what comes back. `opts.history` is the 整改
 * history of the previous runs (from the run memory); the output's `history` is what to store back.
 */
export function checkWorkbook(grids: SheetGrid[], std: Standard, meta: RunMeta, opts: EngineOptions = {}): EngineOutput {
  const ledgers = readLedgers(grids, std, opts.overrides);
  const result = runChecks(ledgers, std, { runYear: meta.date.getFullYear() });
  return buildOutput(grids, ledgers, result, std, meta, { history: opts.history, schoolForms: opts.schoolForms });
}
