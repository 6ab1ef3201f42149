/**
 * Comparisons with a relative tolerance, so floating-point noise (42 / 1000 × 100 = 4.2000000000000002,
 * or 4.1999999999) never flips a boundary. `eps` is `std.settings.epsilon`.
 */

function tol(a: number, b: number, eps: number): number {
  return eps * Math.max(1, Math.abs(a), Math.abs(b));
}

/** a ≥ b, allowing noise. */
export function atLeast(a: number, b: number, eps: number): boolean {
  return a >= b - tol(a, b, eps);
}

/** a ≤ b, allowing noise. */
export function atMost(a: number, b: number, eps: number): boolean {
  return a <= b + tol(a, b, eps);
}

/** ceil(x), ignoring noise just above an integer (2960.0000000001 → 2960). */
export function ceilTol(x: number, eps: number): number {
  return Math.ceil(x - eps * Math.max(1, Math.abs(x)));
}

/** x rounded up to `decimals` places, ignoring noise. */
export function ceilTo(x: number, decimals: number, eps: number): number {
  const f = 10 ** decimals;
  return ceilTol(x * f, eps) / f;
}
