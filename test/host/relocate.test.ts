import { noteHash, type MarkedCell } from '../../src/host/memory';
import { countSteps, judgeMarks, locateMarks, type NoteAt } from '../../src/host/relocate';

const colours = { fail: 'FFFFC7CE', data: 'FFFFEB9C' };

function entry(cell: string, text: string, extra: Partial<MarkedCell> = {}): MarkedCell {
  return { sheet: '学校台账', cell, style: 'fail', fill: null, note: null, applied: noteHash(text), ...extra };
}

const notes = (list: [string, string][]) => (sheet: string): NoteAt[] | null =>
  sheet === '学校台账' ? list.map(([cell, text]) => ({ cell, text })) : null;

describe('locateMarks', () => {
  it('finds marks where they were, and marks moved by a sort by their note', () => {
    const cells = [entry('C3', '均衡自查：甲'), entry('C5', '均衡自查：乙', { fill: { pattern: 'solid', fgColor: 'FFFFFF00' } }), entry('C7', '均衡自查：丙')];
    // Sorted: 乙's row went to 7, 丙's to 4; a user's note sits on C5 now.
    const r = locateMarks(cells, notes([['C3', '均衡自查：甲'], ['C7', '均衡自查：乙'], ['C4', '均衡自查：丙'], ['C5', '用户的批注']]));
    expect(r.missing).toEqual([]);
    expect(r.unlocated).toEqual([]);
    expect(r.found.map((l) => [l.entry.cell, l.at, l.moved])).toEqual([
      ['C3', 'C3', false],
      ['C5', 'C7', true],
      ['C7', 'C4', true],
    ]);
    // The original fill travels with the mark.
    expect(r.found[1].entry.fill).toEqual({ pattern: 'solid', fgColor: 'FFFFFF00' });
  });

  it('does not guess when the same note is on more cells than it could be', () => {
    const cells = [entry('C3', '均衡自查：同', { fill: null }), entry('C5', '均衡自查：同', { fill: { pattern: 'solid', fgColor: 'FFFFFF00' } })];
    const r = locateMarks(cells, notes([['C8', '均衡自查：同'], ['C9', '均衡自查：同']]));
    expect(r.found).toEqual([]);
    expect(r.unlocated.map((c) => c.cell)).toEqual(['C3', 'C5']);
    // One mark, its note copied by the user onto two cells: which one is the tool's cannot be told.
    const one = locateMarks([entry('C3', '均衡自查：同')], notes([['C8', '均衡自查：同'], ['C9', '均衡自查：同']]));
    expect(one.unlocated.map((c) => c.cell)).toEqual(['C3']);
  });

  it('assigns interchangeable marks (same style, fill and note: any assignment restores the same)', () => {
    const cells = [entry('C3', '均衡自查：同'), entry('C5', '均衡自查：同')];
    const r = locateMarks(cells, notes([['C8', '均衡自查：同'], ['C9', '均衡自查：同']]));
    expect(r.found.map((l) => l.at).sort()).toEqual(['C8', 'C9']);
  });

  it('judges a mark whose note is gone at its address, unless another mark sits there now', () => {
    const cells = [entry('C3', '均衡自查：甲'), entry('C5', '均衡自查：乙')];
    // 甲's note was edited by the user; 乙 moved onto C3.
    const r = locateMarks(cells, notes([['C3', '均衡自查：乙'], ['C9', '均衡自查：甲（已改）']]));
    expect(r.found.map((l) => [l.entry.cell, l.at])).toEqual([['C5', 'C3']]);
    expect(r.unlocated.map((c) => c.cell)).toEqual(['C3']);
    const alone = locateMarks([entry('C3', '均衡自查：甲')], notes([]));
    expect(alone.found.map((l) => [l.at, l.moved])).toEqual([['C3', false]]);
  });

  it('marks on a sheet that is gone are missing; a host without notes keeps every mark at its address', () => {
    const r = locateMarks([entry('C3', 'x', { sheet: '旧表' })], notes([]));
    expect(r.missing).toHaveLength(1);
    const noNotes = locateMarks([entry('C3', ''), entry('C4', '')], () => []);
    expect(noNotes.found.map((l) => [l.at, l.moved])).toEqual([['C3', false], ['C4', false]]);
  });
});

describe('judgeMarks', () => {
  it('restores what is still the tool\'s and keeps what the user changed', () => {
    const cells = [entry('C3', '均衡自查：甲'), entry('C5', '均衡自查：乙', { style: 'data' }), entry('C7', '均衡自查：丙')];
    const found = locateMarks(cells, notes([['C3', '均衡自查：甲'], ['C5', '用户改过'], ['C8', '均衡自查：丙']])).found;
    const now: Record<string, { fill: string | null; note: string | null }> = {
      C3: { fill: 'FFFFC7CE', note: '均衡自查：甲' },
      C5: { fill: 'FFFFEB9C', note: '用户改过' },
      C8: { fill: 'FF00B050', note: '均衡自查：丙' },
    };
    const steps = judgeMarks(found, colours, (_s, at) => now[at]);
    expect(steps.map((s) => [s.at, s.fill, s.note])).toEqual([
      ['C3', true, true],
      ['C8', false, true],
      ['C5', true, false],
    ]);
    expect(countSteps(steps)).toEqual({ restored: 3, kept: 2, moved: 1 });
  });
});
