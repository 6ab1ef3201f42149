/**
 * Property tests of cell reading: `readNumber` (src/ledger/coerce.ts) and the ExcelJS grid reader
 * (src/xlsx/read.ts) never throw, and never read as a number a text that is not one.
 */
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { readNumber } from '../../src/ledger/coerce';
import type { CellValue } from '../../src/ledger/grid';
import { NOT_CALCULATED, cellValueOf, readGrid } from '../../src/xlsx/read';

const RUNS = { numRuns: 400 };

const cellValue: fc.Arbitrary<CellValue | undefined> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.record({ error: fc.oneof(fc.constantFrom('#DIV/0!', '#REF!', '#N/A', '#VALUE!', '#NAME?', '#NUM!', '#NULL!'), fc.string()) }),
  fc.constant(null),
  fc.constant(undefined),
);

const format = fc.option(fc.oneof(fc.constantFrom('General', '0', '0.00', '@', 'yyyy-mm-dd', 'm/d/yy', '[h]:mm', '"年"0', '#,##0'), fc.string()), { nil: null });

function shape(r: ReturnType<typeof readNumber>): boolean {
  const keys = Object.keys(r).sort().join();
  if ('value' in r) return Number.isFinite(r.value) && (keys === 'value' || keys === 'factor,value');
  if ('error' in r) return typeof r.error === 'string' && r.error.length > 0 && /[\u4e00-\u9fff]/.test(r.error) && keys === 'error';
  return keys === 'blank' && r.blank === true;
}

describe('readNumber', () => {
  it('never throws and always returns exactly one well-formed answer', () => {
    fc.assert(
      fc.property(cellValue, format, (v, f) => {
        expect(shape(readNumber(v, f))).toBe(true);
      }),
      RUNS,
    );
  });

  it('reads every finite number as itself (no date format)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(undefined, null, 'General', '0', '0.00', '#,##0', '@'), (n, f) => {
        expect(readNumber(n, f)).toEqual({ value: n });
      }),
      RUNS,
    );
  });

  it('never reads a Date, a boolean or an error value as a number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.date({ noInvalidDate: false }), fc.boolean(), fc.record({ error: fc.string() })), (v) => {
        expect('error' in readNumber(v)).toBe(true);
      }),
      RUNS,
    );
  });

  // --- Number texts as people type them: thousands separators, full-width digits, units, spaces.
  const FULL = '０１２３４５６７８９';
  const UNITS: [string, number | undefined][] = [
    ['', undefined], ['人', undefined], ['名', undefined], ['间', undefined], ['个', undefined], ['班', undefined],
    ['元', 1], ['万元', 10000], ['万', 10000], ['千元', 1000], ['平方米', 1], ['㎡', 1], ['m2', 1], ['平米', 1],
  ];
  function group(digits: string, sep: string): string {
    let out = '';
    for (let i = 0; i < digits.length; i++) {
      if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
      out += digits[i];
    }
    return out;
  }
  const numberText = fc
    .record({
      int: fc.integer({ min: 0, max: 2_000_000_000 }),
      frac: fc.option(fc.integer({ min: 0, max: 9999 }), { nil: null }),
      sep: fc.constantFrom('', ',', '，'),
      wide: fc.boolean(),
      unit: fc.constantFrom(...UNITS),
      pad: fc.constantFrom('', ' ', '\u3000', '\t'),
      neg: fc.boolean(),
    })
    .map((p) => {
      const fracText = p.frac === null ? '' : `.${String(p.frac).padStart(4, '0')}`;
      let text = `${p.neg ? '-' : ''}${group(String(p.int), p.sep)}${fracText}`;
      if (p.wide) text = text.replace(/\d/g, (d) => FULL[Number(d)]);
      const value = Number(`${p.neg ? '-' : ''}${p.int}${fracText}`);
      return { text: `${p.pad}${text}${p.unit[0]}${p.pad}`, value, factor: p.unit[1] };
    });

  it('reads a typed number with separators, full-width digits, a unit and padding to the right value', () => {
    fc.assert(
      fc.property(numberText, ({ text, value, factor }) => {
        const r = readNumber(text);
        expect({ text, r }).toEqual({ text, r: factor === undefined ? { value } : { value, factor } });
      }),
      RUNS,
    );
  });

  // --- Noise: texts from number-ish characters. An independent grammar says which are numbers.
  const ORACLE = /^([+-]?(?:\d+(?:,\d{3})*(?:\.\d*)?|\.\d+))(万元|万|千元|元|平方米|平米|m2|人|名|个|间|班)?$/;
  function oracle(text: string): number | null {
    const s = text.normalize('NFKC').trim().replace(/，/g, ',');
    const m = ORACLE.exec(s);
    if (!m) return null;
    return Number(m[1].replace(/,/g, ''));
  }
  const noisy = fc
    .array(fc.constantFrom(...'0123456789０１２３４５６７８９,，.．-+aAxe#/万元人间% '.split('')), { minLength: 1, maxLength: 12 })
    .map((cs) => cs.join(''))
    // Whitespace inside is squeezed by the reader on purpose ("1 200"); noise here means no inner spaces.
    .filter((s) => !/\S\s+\S/.test(s));

  it('reads noise as a number only when it is one, and then as the right one', () => {
    fc.assert(
      fc.property(noisy, (text) => {
        const r = readNumber(text);
        const want = oracle(text);
        const got = 'value' in r ? r.value : null;
        expect({ text, got }).toEqual({ text, got: want });
      }),
      { numRuns: 3000 },
    );
  });

  it.each(['12a', '1.2.3', '1,2,3', '--5', '5-', '1e5', '0x10', '١٢', '12 a', '#N/A', '1/2', '12%', '1,23,456', '1,234.567,890', '.', '-', '+'])(
    '"%s" is not a number',
    (t) => {
      expect('value' in readNumber(t)).toBe(false);
    },
  );
});

// ---------------------------------------------------------------------------------------------

describe('the ExcelJS grid reader', () => {
  const anything: fc.Arbitrary<unknown> = fc.anything({ withDate: true, withMap: false, withSet: false, withBigInt: false, withNullPrototype: true });

  it('cellValueOf never throws on any cell shape and returns a CellValue', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1, max: 12 }), anything, anything, (type, value, result) => {
        const v = cellValueOf({ type, value, result });
        const ok =
          v === null ||
          typeof v === 'string' ||
          (typeof v === 'number' && Number.isFinite(v)) ||
          typeof v === 'boolean' ||
          v instanceof Date ||
          (typeof v === 'object' && typeof (v as { error?: unknown }).error === 'string');
        expect(ok).toBe(true);
        if (typeof v === 'string') expect(v).not.toBe('');
      }),
      RUNS,
    );
  });

  /** A value written to an ExcelJS cell, and what the grid must hold for it. */
  const written: fc.Arbitrary<{ value: ExcelJS.CellValue; want: CellValue }> = fc.oneof(
    fc.string({ minLength: 1 }).map((s) => ({ value: s, want: s })),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => ({ value: n, want: n })),
    fc.boolean().map((b) => ({ value: b, want: b })),
    fc.constantFrom('#DIV/0!', '#REF!', '#N/A').map((e) => ({ value: { error: e } as ExcelJS.CellErrorValue, want: { error: e } })),
    fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 3 }).map((parts) => ({
      value: { richText: parts.map((text, i) => ({ text, font: i % 2 ? { bold: true } : {} })) } as ExcelJS.CellRichTextValue,
      want: parts.join(''),
    })),
    fc.string({ minLength: 1 }).map((s) => ({ value: { text: s, hyperlink: 'http://example.cn/' } as ExcelJS.CellHyperlinkValue, want: s })),
    fc.integer().map((n) => ({ value: { formula: `1+${n}`, result: n + 1 } as ExcelJS.CellFormulaValue, want: n + 1 })),
    fc.constant({ value: { formula: 'A1*2' } as ExcelJS.CellFormulaValue, want: { error: NOT_CALCULATED } }),
  );

  it('reads back every value written, at its place, and nothing beyond the used range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ r: fc.integer({ min: 1, max: 40 }), c: fc.integer({ min: 1, max: 30 }), w: written }), { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 200 }),
        (cells, styledTo) => {
          const wb = new ExcelJS.Workbook();
          const ws = wb.addWorksheet('表');
          const want = new Map<string, CellValue>();
          for (const { r, c, w } of cells) {
            ws.getCell(r, c).value = w.value;
            want.set(`${r},${c}`, w.want);
          }
          // Styled empty cells around: they must not widen the grid.
          ws.getCell(styledTo + 40, 35).style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } } };
          const g = readGrid(ws);
          const rows = cells.map((x) => x.r);
          const cols = cells.map((x) => x.c);
          // A whitespace-only or empty value is blank: it does not define the range, so check inclusion.
          expect(g.top).toBeGreaterThanOrEqual(Math.min(...rows));
          expect(g.top + g.values.length - 1).toBeLessThanOrEqual(Math.max(...rows));
          expect(g.left).toBeGreaterThanOrEqual(Math.min(...cols));
          for (const [k, v] of want) {
            const [r, c] = k.split(',').map(Number);
            const got = g.values[r - g.top]?.[c - g.left] ?? null;
            expect({ at: k, got }).toEqual({ at: k, got: v });
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
