import { buildMarks, NOTE_PREFIX } from '../../src/report/marks';
import { CLASS_SHEET, SHEET, finding, fixtureFindings } from './fixtures';

describe('buildMarks', () => {
  const marks = buildMarks(fixtureFindings(), new Map([[SHEET, 0], [CLASS_SHEET, 1]]));

  it('gives one mark per located cell, none for county-level findings', () => {
    expect(marks.map((m) => `${m.sheet}!${m.cell}`)).toEqual([`${SHEET}!H6`, `${SHEET}!I6`, `${SHEET}!K7`, `${SHEET}!J9`, `${CLASS_SHEET}!D12`]);
  });

  it('styles compliance as fail and data as data; data wins on a shared cell', () => {
    const by = Object.fromEntries(marks.map((m) => [`${m.sheet}!${m.cell}`, m]));
    expect(by[`${SHEET}!H6`].style).toBe('fail');
    expect(by[`${SHEET}!J9`].style).toBe('data');
    expect(by[`${SHEET}!K7`].style).toBe('data');
  });

  it('merges several findings into one prefixed note, data first, duplicates once', () => {
    const k7 = marks.find((m) => m.cell === 'K7');
    expect(k7?.note).toBe(`${NOTE_PREFIX}单元格 K7 的数字「1,250」以文字保存\n每百名学生拥有网络多媒体教室数 2.00 间，低于 2.4 间`);
    for (const m of marks) expect(m.note.startsWith(NOTE_PREFIX)).toBe(true);
  });

  it('is deterministic whatever the input order', () => {
    const reversed = buildMarks([...fixtureFindings()].reverse(), new Map([[SHEET, 0], [CLASS_SHEET, 1]]));
    expect(reversed.map((m) => [m.sheet, m.cell, m.style])).toEqual(marks.map((m) => [m.sheet, m.cell, m.style]));
  });

  it('sorts by row then column numerically (A10 after B9, AA1 after Z1)', () => {
    const ms = buildMarks(
      ['A10', 'B9', 'AA1', 'Z1', '$C$2'].map((cell) => finding({ kind: 'compliance', sheet: 'S', cell, message: cell })),
    );
    expect(ms.map((m) => m.cell)).toEqual(['Z1', 'AA1', 'C2', 'B9', 'A10']);
  });
});
