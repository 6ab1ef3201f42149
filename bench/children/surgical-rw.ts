/**
 * The surgical .xlsx host's own cost: open the file, read the grids of every sheet the CLI reads, save.
 *   node surgical-rw.js in.xlsx out.xlsx
 */
import { readFileSync, writeFileSync } from 'fs';
import { openXlsx } from '../../src/xlsx/surgical';

async function main(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  const h = openXlsx(new Uint8Array(readFileSync(input)));
  const names = (await h.listSheets()).filter((s) => s.state !== 'veryHidden').map((s) => s.name);
  const grids = await h.readGrids(names);
  writeFileSync(output, h.save());
  process.stdout.write(`${grids.reduce((n, g) => n + g.values.reduce((m, r) => m + r.length, 0), 0)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
