/**
 * Property tests of header detection and ledger reading: for random school and class ledgers (random
 * header synonyms), moving the columns around, inserting blank columns and rows, title rows above the
 * header and moving the whole table on the sheet change nothing: the same fields are recognised (under
 * the same header texts), the same records are read, the same findings raised (apart from addresses).
 */
import fc from 'fast-check';
import { readLedgers } from '../../src/ledger';
import { CLASS_LEDGER, SCHOOL_LEDGER } from '../../src/ledger/synonyms';
import { columnLetter, type CellValue, type SheetGrid } from '../../src/ledger/grid';
import type { LedgerSet } from '../../src/ledger/types';
import { nationalStandard } from '../../src/standard';

const STD = nationalStandard();
const TITLES = ['某县2025年义务教育学校基本情况统计表', '（2025年9月）', '某县教育局'];

interface Table {
  header: string[];
  rows: CellValue[][];
}

const schoolTable: fc.Arbitrary<Table> = fc
  .record({
    fields: fc.shuffledSubarray(
      SCHOOL_LEDGER.fields.filter((f) => f.field !== 'name'),
      { minLength: 2, maxLength: 9 },
    ),
    pick: fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
    schools: fc.array(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 10, maxLength: 10 }), { minLength: 1, maxLength: 8 }),
  })
  .map(({ fields, pick, schools }) => {
    const nameField = SCHOOL_LEDGER.fields.find((f) => f.field === 'name')!;
    const all = [nameField, ...fields];
    const header = all.map((f, i) => {
      const names = [f.label, ...f.synonyms];
      return names[pick[i % pick.length] % names.length];
    });
    const rows = schools.map((nums, s) =>
      all.map((f, i) => (f.field === 'name' ? `第${s + 1}小学` : f.field === 'type' ? (s % 2 ? '小学' : '初中') : nums[i % nums.length])),
    );
    return { header, rows };
  })
  // Two columns under one header text are not the same ledger once moved; keep texts distinct.
  .filter((t) => new Set(t.header).size === t.header.length);

const classTable: fc.Arbitrary<Table> = fc
  .record({
    pick: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
    withGrade: fc.boolean(),
    classes: fc.array(fc.record({ s: fc.integer({ min: 1, max: 3 }), g: fc.integer({ min: 1, max: 9 }), n: fc.integer({ min: 0, max: 70 }) }), {
      minLength: 1,
      maxLength: 10,
    }),
  })
  .map(({ pick, withGrade, classes }) => {
    const fields = CLASS_LEDGER.fields.filter((f) => withGrade || f.field !== 'grade');
    const header = fields.map((f, i) => {
      const names = [f.label, ...f.synonyms];
      return names[pick[i] % names.length];
    });
    const G = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '七年级', '八年级', '九年级'];
    const rows = classes.map((c, i) =>
      fields.map((f) =>
        f.field === 'school' ? `第${c.s}学校` : f.field === 'grade' ? G[c.g - 1] : f.field === 'className' ? `${G[c.g - 1]}（${i + 1}）班` : c.n,
      ),
    );
    return { header, rows };
  })
  .filter((t) => new Set(t.header).size === t.header.length);

interface Layout {
  perm: number[];
  blankCols: number[];
  blankRowsAbove: number;
  titles: string[];
  blankRowsBetween: number[];
  top: number;
  left: number;
}

function layout(width: number, height: number): fc.Arbitrary<Layout> {
  const idx = Array.from({ length: width }, (_, i) => i);
  return fc.record({
    perm: fc.shuffledSubarray(idx, { minLength: width, maxLength: width }),
    blankCols: fc.array(fc.integer({ min: 0, max: width }), { maxLength: 3 }),
    blankRowsAbove: fc.integer({ min: 0, max: 3 }),
    titles: fc.subarray(TITLES, { maxLength: 2 }),
    blankRowsBetween: fc.array(fc.integer({ min: 0, max: height }), { maxLength: 3 }),
    top: fc.integer({ min: 1, max: 6 }),
    left: fc.integer({ min: 1, max: 6 }),
  });
}

function place(t: Table, l: Layout | null): SheetGrid {
  const width = t.header.length;
  const order: (number | null)[] = l ? [...l.perm] : Array.from({ length: width }, (_, i) => i);
  if (l) for (const at of [...l.blankCols].sort((a, b) => b - a)) order.splice(Math.min(at, order.length), 0, null);
  const pick = (row: CellValue[]) => order.map((i) => (i === null ? null : (row[i] ?? null)));
  const values: CellValue[][] = [];
  if (l) {
    for (const title of l.titles) values.push([title]);
    for (let i = 0; i < l.blankRowsAbove; i++) values.push([]);
  }
  values.push(pick(t.header));
  const data = t.rows.map(pick);
  if (l) for (const at of [...l.blankRowsBetween].sort((a, b) => b - a)) data.splice(Math.min(at, data.length), 0, []);
  values.push(...data);
  return { name: '台账', top: l ? l.top : 1, left: l ? l.left : 1, values, merges: [] };
}

/** What a reading means, without addresses: recognised fields → header text, records, finding messages. */
function meaning(set: LedgerSet, g: SheetGrid) {
  const headerRow = (r: number) => g.values[r - g.top] ?? [];
  const ledgers = set.ledgers.map((l) => ({
    kind: l.kind,
    rows: l.rows,
    columns: Object.fromEntries(
      Object.entries(l.columns)
        .map(([k, letter]) => {
          let col = 0;
          for (let c = 1; c <= 20000; c++) if (columnLetter(c) === letter) { col = c; break; }
          return [k, headerRow(l.headerRows[l.headerRows.length - 1])[col - g.left] ?? null] as const;
        })
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
    missing: [...l.missing].sort(),
  }));
  const schools = set.schools.map((s) => ({
    name: s.name,
    type: s.type,
    quantities: Object.fromEntries(
      Object.entries(s.quantities)
        .map(([q, split]) => [q, Object.fromEntries(Object.entries(split ?? {}).map(([k, n]) => [k, [n?.value ?? null, n?.problem ?? null]]))] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
  }));
  const classes = set.classes.map((c) => ({ school: c.school, grade: c.grade, stage: c.stage, className: c.className, students: c.students.value }));
  const findings = set.findings.map((f) => `${f.kind}|${f.indicator}|${f.school}|${f.message.replace(/[A-Z]{1,3}\d+|第 \d+ 行/g, '@')}`).sort();
  return { ledgers, schools, classes, findings };
}

describe('header detection', () => {
  it('recognises a plain school ledger under the label headers', () => {
    fc.assert(
      fc.property(schoolTable, (t) => {
        const g = place(t, null);
        const set = readLedgers([g], STD);
        expect(set.ledgers.map((l) => l.kind)).toEqual(['school']);
        expect(set.schools.map((s) => s.name)).toEqual(t.rows.map((r) => r[0]));
      }),
      { numRuns: 150 },
    );
  });

  it('school ledgers: column order, blank rows and columns, title rows and position change nothing', () => {
    fc.assert(
      fc.property(
        schoolTable.chain((t) => fc.tuple(fc.constant(t), layout(t.header.length, t.rows.length))),
        ([t, l]) => {
          const plain = place(t, null);
          const moved = place(t, l);
          expect(meaning(readLedgers([moved], STD), moved)).toEqual(meaning(readLedgers([plain], STD), plain));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('class ledgers: the same', () => {
    fc.assert(
      fc.property(
        classTable.chain((t) => fc.tuple(fc.constant(t), layout(t.header.length, t.rows.length))),
        ([t, l]) => {
          const plain = place(t, null);
          const moved = place(t, l);
          const a = meaning(readLedgers([plain], STD), plain);
          expect(a.ledgers.map((x) => x.kind)).toEqual(['class']);
          expect(meaning(readLedgers([moved], STD), moved)).toEqual(a);
        },
      ),
      { numRuns: 150 },
    );
  });
});
