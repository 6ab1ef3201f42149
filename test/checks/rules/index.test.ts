import { existsSync, readdirSync } from 'fs';
import { join } from 'path';
import { CHECKLIST_LINES, RULES, RUN_ORDER } from '../../../src/checks/rules';
import { INDICATOR_IDS, RESOURCE_IDS } from '../../../src/standard/schema';

const DIR = join(__dirname, '../../../src/checks/rules');

describe('the rule registry', () => {
  it('lists every id of the standard once, in its order, with the 差异系数 after R7', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RESOURCE_IDS, 'CV', ...INDICATOR_IDS.slice(RESOURCE_IDS.length)]);
  });

  it('runs every rule exactly once', () => {
    expect([...RUN_ORDER].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([...RULES].sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  it('each rule lives in its own file named by its id, beside a test of the same name where it has one', () => {
    const files = readdirSync(DIR);
    for (const r of RULES) {
      const own = files.filter((f) => f.startsWith(`${r.id}-`) && f.endsWith('.ts'));
      expect(own).toHaveLength(1);
      const test = join(__dirname, own[0].replace(/\.ts$/, '.test.ts'));
      // Checklist-only rules (G1, G2, G10, Q5–Q8) are tested in shared/checklist.test.ts; R5 and R7 through the R1–R7 evaluation.
      if (!['G1', 'G2', 'G10', 'Q5', 'Q6', 'Q7', 'Q8', 'R1', 'R5', 'R7', 'G14', 'Q2'].includes(r.id)) expect(existsSync(test)).toBe(true);
    }
  });

  it('declares what each rule reads and raises; the 核查清单 lines are G1, G2, G8, G10, G15, Q5–Q8', () => {
    for (const r of RULES) {
      expect(r.reads.length).toBeGreaterThan(0);
      expect(r.raises.length).toBeGreaterThan(0);
    }
    expect(CHECKLIST_LINES.map((l) => l.id)).toEqual(['G1', 'G2', 'G8', 'G10', 'G15', 'Q5', 'Q6', 'Q7', 'Q8']);
  });
});
