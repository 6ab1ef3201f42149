/**
 * 校际差异系数: the student-weighted coefficient of variation across schools (spec §1).
 *   X̄ = Σ quantity ÷ Σ students  (= Σ PᵢXᵢ / P),  S = √(Σ (Pᵢ/P)(Xᵢ − X̄)²),  CV = S / X̄.
 */

export interface CvValue {
  /** County value X̄ (per student, unscaled). */
  mean: number;
  /** null when X̄ is 0 (the county has none of the quantity: CV undefined). */
  cv: number | null;
}

/**
 * CV of per-student values over schools. `students[i]` > 0 and `quantities[i]` are the school's raw
 * quantity (not per student). Returns null with fewer than 2 schools. Scaling every quantity by a constant
 * (per 100 students) leaves the CV unchanged.
 */
export function weightedCv(students: ArrayLike<number>, quantities: ArrayLike<number>, count = students.length): CvValue | null {
  if (count < 2) return null;
  let P = 0;
  let Q = 0;
  for (let i = 0; i < count; i++) {
    P += students[i];
    Q += quantities[i];
  }
  if (!(P > 0)) return null;
  const mean = Q / P;
  let v = 0;
  for (let i = 0; i < count; i++) {
    const d = quantities[i] / students[i] - mean;
    v += (students[i] / P) * d * d;
  }
  if (mean === 0) return { mean, cv: null };
  return { mean, cv: Math.sqrt(v) / Math.abs(mean) };
}
