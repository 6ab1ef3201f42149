import {
  CHUNK_SIZE,
  MEMORY_HEADER,
  appliedNoteText,
  chunkText,
  decodeMemory,
  encodeMemory,
  noteHash,
  noteText,
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
