import { runChecks } from '../checks';
import type { SheetGrid } from '../ledger/grid';
import type { ColumnOverrides } from '../ledger/types';
import { readLedgers } from '../ledger';
import type { Standard } from '../standard/schema';
import type { EngineOutput, RunMeta } from './engine-types';
import { buildOutput } from './output';

/**
 * The whole check of one workbook, pure and synchronous: grids → ledgers → checks → marks, summary sheet
 * models and the JSON report. Hosts only read the grids and write what comes back.
 */
export function checkWorkbook(grids: SheetGrid[], std: Standard, meta: RunMeta, opts: { overrides?: ColumnOverrides } = {}): EngineOutput {
  const ledgers = readLedgers(grids, std, opts.overrides);
  const result = runChecks(ledgers, std);
  return buildOutput(grids, ledgers, result, std, meta);
}
