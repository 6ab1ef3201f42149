/** The one date rule (src/ledger/dates.ts): the run date is local, a cell's date is its UTC calendar day. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ts from 'typescript';
import { cellDateText } from '../../src/ledger/dates';
import { fnv1a } from '../../src/report/hash';
import { noteHash } from '../../src/host/memory';
import { findingKeyHash } from '../../src/report/history';

/**
 * The module run in a fresh Node with the zone set (a test worker cannot change its own zone): dates.ts
 * imports nothing, so its transpiled text runs as it is.
 */
function inZone(zone: string, expr: string): string {
  const js = ts.transpileModule(fs.readFileSync(path.join(__dirname, '../../src/ledger/dates.ts'), 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText;
  const file = path.join(os.tmpdir(), `junheng-dates-${process.pid}.js`);
  fs.writeFileSync(file, `${js}\nprocess.stdout.write(String(${expr}));`);
  try {
    return execFileSync(process.execPath, [file], { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe('dates', () => {
  it('the run date is the local calendar date, wherever the machine is', () => {
    const at = "new Date('2026-01-04T23:30:00Z')";
    expect(inZone('Asia/Shanghai', `exports.runDateText(${at})`)).toBe('2026-01-05');
    expect(inZone('America/New_York', `exports.runDateText(${at})`)).toBe('2026-01-04');
  });

  it('a cell date (UTC midnight, as hosts read Excel day numbers) keeps its day in every zone', () => {
    for (const zone of ['Asia/Shanghai', 'America/New_York', 'UTC']) {
      expect(inZone(zone, 'exports.cellDateText(new Date(Date.UTC(2026, 0, 5)))')).toBe('2026-01-05');
    }
    expect(cellDateText(new Date(NaN))).toBe('无效日期');
  });
});

describe('the one hash', () => {
  it('is FNV-1a 32 (the known vectors), and the stored hashes are made with it', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
    expect(noteHash('均衡自查')).toBe(fnv1a('均衡自查'));
    expect(findingKeyHash('x')).toBe(fnv1a('x') + fnv1a('x', 0x01000193));
  });
});
