import { nationalStandard } from '../../../src/standard';
import { runChecks } from '../../../src/checks';
import type { SchoolRecord } from '../../../src/ledger/types';
import { colOf, ledgers, primary, school } from '../builder';

const std = nationalStandard();

function run(...schools: SchoolRecord[]) {
  return runChecks(ledgers(schools), std);
}

describe('compliance findings', () => {
  it('R3 from PE + music + art when there is no combined column', () => {
    const s = primary('甲', 1000);
    delete s.quantities.peArtTeachers;
    const withParts = school('乙', '小学', { ...plainOf(s), peTeachers: 4, musicTeachers: 2, artTeachers: 2 });
    const res = run(withParts);
    expect(res.schools[0].indicators.R3.value).toBeCloseTo(0.8, 12);
    expect(res.schools[0].indicators.R3.ref!.col).toBe(colOf('peTeachers', 'all'));
  });
});

/** The plain per-quantity `all` values of a record built by the builder (to rebuild with extra columns). */
function plainOf(s: SchoolRecord): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, split] of Object.entries(s.quantities)) if (split?.all?.value != null) out[k] = split.all.value;
  return out;
}
