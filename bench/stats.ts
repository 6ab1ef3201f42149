/** Small helpers for timing: medians and alternating pairs. */

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Runs the pair `a`, `b` `runs` times, alternating which goes first so drift and noise fall on both;
 * returns each side's times.
 */
export async function alternate(
  runs: number,
  a: () => Promise<number> | number,
  b: () => Promise<number> | number,
): Promise<{ a: number[]; b: number[] }> {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      ta.push(await a());
      tb.push(await b());
    } else {
      tb.push(await b());
      ta.push(await a());
    }
  }
  return { a: ta, b: tb };
}
