/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  CHUNK_SIZE,
  MEMORY_HEADER,
  appliedNoteText,
  chunkText,
  decodeMemory,
  encodeMemory,
  noteHash,
  noteText,
  ownNote,
  type RunMemory,
} from '../../src/host/memory';

function memory(cells = 3): RunMemory {
  return {
    version: 1,
    at: '2026-11-29T00:00:00.000Z',
    colours: { fail: 'FFFFC7CE', data: 'FFFFEB9C' },
    sheets: [{ name: '问题清单（自查）', base: '问题清单', index: 3 }],
    cells: Array.from({ length: cells }, (_, i) => ({
      sheet: i % 2 ? '学校台账' : "O'Brien 表",
      cell: `C${i + 3}`,
      style: i % 3 ? ('data' as const) : ('fail' as const),
      fill: i % 4 === 0 ? null : i % 4 === 1 ? { pattern: 'solid', fgColor: 'FFFFFF00' } : { pattern: 'solid', x: { type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: 0.4 } } },
      note: i % 5 === 0 ? null : i % 5 === 1 ? `原批注 ${i}` : { texts: [{ text: '张三:', font: { bold: true } }, { text: `\n第${i}条` }], editAs: 'absolute' },
      applied: noteHash(`【均衡自查】第${i}条，生均面积不足 😀`),
    })),
  };
}

/** Decoding groups cells by sheet; order of cells carries no meaning. */
function sorted(m: RunMemory): RunMemory {
  return { ...m, cells: [...m.cells].sort((a, b) => (a.sheet + a.cell < b.sheet + b.cell ? -1 : 1)) };
}
function ok(d: ReturnType<typeof decodeMemory>) {
  return d.status === 'ok' ? { status: 'ok', memory: sorted(d.memory) } : d;
}

describe('run memory', () => {
  it('round-trips through cell text', () => {
    const m = memory(50);
    const rows = encodeMemory(m);
    expect(rows[0].slice(0, 4)).toEqual([MEMORY_HEADER, 1, 1, expect.any(Number)]);
    const d = decodeMemory(JSON.parse(JSON.stringify(rows)));
    expect(ok(d)).toEqual({ status: 'ok', memory: sorted(m) });
  });

  it('deduplicates fills and groups cells by sheet', () => {
    const json = JSON.parse((encodeMemory(memory(40))[1] as string[])[0]);
    expect(json.fills).toHaveLength(2);
    expect(json.marks.map((g: { sheet: string }) => g.sheet).sort()).toEqual(["O'Brien 表", '学校台账']);
  });

  it('splits into chunks of at most 32 000 characters, never inside a surrogate pair', () => {
    const m = memory(3000);
    const rows = encodeMemory(m);
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows.slice(1)) expect((r[0] as string).length).toBeLessThanOrEqual(CHUNK_SIZE);
    expect(ok(decodeMemory(rows))).toEqual({ status: 'ok', memory: sorted(m) });
    const text = 'a'.repeat(9) + '😀' + 'b'.repeat(5);
    const chunks = chunkText(text, 10);
    expect(chunks.join('')).toBe(text);
    for (const c of chunks) expect(c).not.toMatch(/[\ud800-\udbff]$/);
    expect(chunks[0]).toBe('a'.repeat(9));
  });

  it('reports damage and newer versions instead of throwing', () => {
    const rows = encodeMemory(memory(5));
    expect(decodeMemory([])).toEqual(expect.objectContaining({ status: 'damaged' }));
    expect(decodeMemory([['hello']])).toEqual(expect.objectContaining({ status: 'damaged' }));
    expect(decodeMemory([rows[0], ['{"v":1,']])).toEqual(expect.objectContaining({ status: 'damaged' }));
    expect(decodeMemory([rows[0]])).toEqual(expect.objectContaining({ status: 'damaged' }));
    const cut = rows.map((r) => [...r]);
    cut[1][0] = (cut[1][0] as string).slice(0, -1) + ' ';
    expect(decodeMemory(cut)).toEqual(expect.objectContaining({ status: 'damaged' }));
    const newer = rows.map((r) => [...r]);
    newer[0][1] = 2;
    expect(decodeMemory(newer)).toEqual({ status: 'newer', version: 2 });
  });

  it('hashes and joins notes the same way for every host', () => {
    expect(noteHash('')).toBe('811c9dc5');
    expect(noteHash('abc')).toBe('1a47e90b');
    expect(noteText({ texts: [{ text: 'a' }, { text: 'b' }] })).toBe('ab');
    expect(appliedNoteText('问题', null)).toBe('问题');
    expect(appliedNoteText('问题', '原来的')).toBe('问题\n—— 原批注 ——\n原来的');
  });
});

describe('run memory: 整改 history (additive within version 1)', () => {
  const history = [
    { at: '2026-10-08', findings: [['0123456789abcdef', 'G5', '甲小学', '小学', '班级台账', 'E7', 48, '2026-10-08', 'c'] as const] },
    { at: '2026-11-05', findings: [] },
  ].map((h) => ({ at: h.at, findings: h.findings.map((f) => [...f]) })) as RunMemory['history'];

  it('round-trips, still version 1', () => {
    const m = { ...memory(5), history };
    const rows = encodeMemory(m);
    expect(rows[0][1]).toBe(1);
    expect(ok(decodeMemory(rows))).toEqual({ status: 'ok', memory: sorted(m) });
  });

  it('a memory written before history existed decodes with none (and encodes without the key)', () => {
    const old = memory(5);
    const rows = encodeMemory(old);
    expect(String(rows[1][0])).not.toMatch(/history/);
    const d = decodeMemory(rows);
    expect(d.status).toBe('ok');
    expect(d.status === 'ok' && d.memory.history).toBeUndefined();
  });

  it('a malformed history is dropped, not a damaged memory (it is not needed to undo a run)', () => {
    const json = JSON.parse(String(encodeMemory(memory(2))[1][0])) as Record<string, unknown>;
    json.history = [{ at: 'soon', findings: 3 }, { at: '2026-11-05', findings: [[1, 2]] }];
    const text = JSON.stringify(json);
    const d = decodeMemory([[MEMORY_HEADER, 1, 1, text.length], [text]]);
    expect(d.status === 'ok' && d.memory.history).toEqual([{ at: '2026-11-05', findings: [] }]);
  });
});

describe('run memory: validation (zod) before anything acts on it', () => {
  /** The memory's JSON, changed by `edit`, as memory-sheet rows. */
  function tampered(edit: (j: Record<string, any>) => void) {
    const j = JSON.parse(String(encodeMemory({ ...memory(4), ledgers: ['学校台账'] })[1][0])) as Record<string, any>;
    edit(j);
    const text = JSON.stringify(j);
    return decodeMemory([[MEMORY_HEADER, 1, 1, text.length], [text]]);
  }
  const damaged = (d: ReturnType<typeof decodeMemory>) => (d.status === 'damaged' ? d.reason : `not damaged: ${d.status}`);

  it('accepts what encodeMemory writes', () => {
    expect(tampered(() => undefined).status).toBe('ok');
  });

  it.each([
    ['a lower-case address', (j: any) => (j.marks[0].cells[0][0] = 'c3'), /单元格地址/],
    ['a range', (j: any) => (j.marks[0].cells[0][0] = 'C3:C9'), /单元格地址/],
    ['a column beyond XFD', (j: any) => (j.marks[0].cells[0][0] = 'XFE3'), /单元格地址/],
    ['a row beyond 1 048 576', (j: any) => (j.marks[0].cells[0][0] = 'A1048577'), /单元格地址/],
    ['row 0', (j: any) => (j.marks[0].cells[0][0] = 'A0'), /单元格地址/],
    ['a sheet name with a colon', (j: any) => (j.marks[0].sheet = '学校:台账'), /工作表名/],
    ['a sheet name of 32 characters', (j: any) => (j.sheets[0].name = '表'.repeat(32)), /工作表名/],
    ['an added sheet named History', (j: any) => (j.sheets[0].name = 'History'), /工作表名/],
    ['an empty added sheet name', (j: any) => (j.sheets[0].name = ''), /工作表名/],
    ['an added sheet that the run marked', (j: any) => (j.sheets[0].name = '学校台账'), /台账/],
    ['an added sheet that the run read as a ledger', (j: any) => ((j.ledgers = ['班级台账']), (j.sheets[0].name = '班级台账')), /台账/],
    ['an added sheet that is the memory sheet', (j: any) => (j.sheets[0].name = '_JUNHENG'), /隐藏工作表/],
    ['the same cell twice', (j: any) => j.marks[0].cells.push([...j.marks[0].cells[0]]), /重复/],
    ['a fill index out of range', (j: any) => (j.marks[0].cells[0][2] = 99), /填充/],
    ['a hash that is not one', (j: any) => (j.marks[0].cells[0][4] = 'zz'), /标记记录/],
    ['a sheet hash that is not one', (j: any) => (j.sheets[0].hash = 'DROP TABLE'), /工作表记录/],
  ])('refuses %s', (_what, edit, reason) => {
    const r = damaged(tampered(edit));
    expect(r).toMatch(reason);
    expect(r).toMatch(/^[\u4e00-\u9fff]/);
  });

  it('reads write-once sheets of records written before every sheet had a hash', () => {
    const d = tampered((j) => {
      delete j.sheetHashes;
      j.sheets = [{ name: '问题清单', base: '问题清单', index: 3 }, { name: '核查清单', base: '核查清单', index: 4, hash: '0123abcd' }];
    });
    expect(d.status === 'ok' && d.memory.sheets).toEqual([
      { name: '问题清单', base: '问题清单', index: 3 },
      { name: '核查清单', base: '核查清单', index: 4, hash: '0123abcd', once: true },
    ]);
    const now = tampered((j) => (j.sheets = [{ name: '问题清单', base: '问题清单', index: 3, hash: '0123abcd' }]));
    expect(now.status === 'ok' && now.memory.sheets).toEqual([{ name: '问题清单', base: '问题清单', index: 3, hash: '0123abcd' }]);
  });
});

describe('ownNote: a tool note is never a cell\'s original note', () => {
  it('keeps a user\'s note, drops a bare tool note, unwraps a tool note that quoted the user\'s', () => {
    expect(ownNote('王老师：待核实')).toBe('王老师：待核实');
    expect(ownNote(null)).toBeNull();
    expect(ownNote('均衡自查：生均面积不足')).toBeNull();
    const once = appliedNoteText('均衡自查：生均面积不足', '王老师：待核实');
    expect(ownNote(once)).toBe('王老师：待核实');
    expect(ownNote(appliedNoteText('均衡自查：又一条', once))).toBe('王老师：待核实');
    const rich = { texts: [{ text: '李四:', font: { bold: true } }, { text: '\n已核实' }] };
    expect(ownNote(rich)).toBe(rich);
  });
});
