/**
 * Round trips: the number of context.sync() calls of a whole check (and of a re-check that first undoes the
 * previous run, and of 清除标记) does not grow with rows or findings; every request stays under Excel on
 * the web's 5 MB.
 */
import { clearRun, runCheck } from '../../src/host/run';
import { OfficeHost, PAYLOAD_LIMIT } from '../../src/office/host';
import { nationalStandard } from '../../src/standard';
import { fromExcelJs } from './convert';
import type { FakeExcel } from './fake-excel';
import { scaledDemo } from './kits';

const std = nationalStandard();
const meta = { workbook: '示例县台账.xlsx', date: new Date('2026-11-29T00:00:00Z') };
/** Excel on the web's 5 MB, read as the smaller 5 000 000 bytes. */
const MB5 = PAYLOAD_LIMIT;

interface Measure {
  syncs: number;
  maxBytes: number;
  marked?: number;
  getRangesMax: number;
}

async function measure(x: FakeExcel, what: 'check' | 'clear'): Promise<Measure> {
  x.resetCounters();
  const host = new OfficeHost(x.context() as unknown as Excel.RequestContext, { notesSupported: x.notesSupported });
  let marked: number | undefined;
  if (what === 'check') marked = (await runCheck(host, std, meta)).marked;
  else await clearRun(host);
  await host.flush();
  expect(host.syncs).toBe(x.syncCount);
  return { syncs: x.syncCount, maxBytes: x.maxRequestBytes, marked, getRangesMax: x.maxRangesAddress };
}

async function cycle(k: number, notesSupported: boolean, teachers = false) {
  const x = fromExcelJs(await scaledDemo(k, { teachers }), { notesSupported });
  const rows = x.sheets.reduce((n, s) => n + (x.usedRect(s, true)?.bottom ?? 0), 0);
  const replicated = ['学校基本情况台账', '班级台账', ...(teachers ? ['教师台账'] : [])].reduce((n, name) => n + (x.usedRect(x.sheet(name)!, true)?.bottom ?? 0), 0);
  const first = await measure(x, 'check');
  const again = await measure(x, 'check');
  const clear = await measure(x, 'clear');
  return { rows, replicated, first, again, clear };
}

describe.each([true, false])('sync count (notes supported: %s)', (notesSupported) => {
  it('is the same for the demo county and one 20× larger, ≤ 8, and each request < 5 MB', async () => {
    const small = await cycle(1, notesSupported);
    const large = await cycle(20, notesSupported);
     
    console.log(JSON.stringify({ notesSupported, small, large }));
    expect(large.replicated).toBeGreaterThan(small.replicated * 15);
    expect(large.first.marked!).toBeGreaterThan(small.first.marked! * 10);
    for (const k of ['first', 'again', 'clear'] as const) {
      expect(large[k].syncs).toBe(small[k].syncs);
      expect(large[k].syncs).toBeLessThanOrEqual(8);
      expect(large[k].maxBytes).toBeLessThan(MB5);
      expect(large[k].getRangesMax).toBeLessThan(8192 / 2);
    }
    expect(small.first.syncs).toBe(5);
    expect(small.again.syncs).toBe(6);
    expect(small.clear.syncs).toBe(5);
  });
});

describe('a city-size workbook whose ledgers alone are over 4.5 MB to read', () => {
  it('splits the read by rows: one more sync for the data beyond the budget, every request < 5 MB', async () => {
    // Teachers replicated too: ~34 000 rows, ≈ 357 000 cells. The host reads values everywhere and number
    // formats of numeric columns only (no value types): ≈ 4.4 MB (≈ 12 bytes a cell), ≈ 5 MB by the host's
    // estimate (15 % margin on a sample), over one request's 4.5 MB budget: 2 requests for the cells where
    // the demo needs 1 — one sync more, whatever the size up to ≈ 9 MB of cells.
    const small = await cycle(1, true, true);
    const large = await cycle(20, true, true);
     
    console.log(JSON.stringify({ city: true, small, large }));
    expect(large.rows).toBeGreaterThan(30_000);
    for (const k of ['first', 'again', 'clear'] as const) {
      expect(large[k].maxBytes).toBeLessThan(MB5); // the fake refuses anything over 5 MB anyway
      expect(large[k].syncs).toBeLessThanOrEqual(8);
    }
    expect(small.first.syncs).toBe(5);
    expect(large.first.syncs).toBe(small.first.syncs + 1);
    expect(large.again.syncs).toBe(small.again.syncs + 1);
    expect(large.clear.syncs).toBe(small.clear.syncs);
  });
});
