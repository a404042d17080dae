import { pairwiseSum } from "../stats/pairwise-sum";

export interface ColumnScaling {
  /** Subtracted from each column: its mean when the model has an intercept (except the intercept itself), else 0. */
  shift: Float64Array;
  /** A power of two bringing each shifted column's norm near 1 (1 for an all-zero column). */
  scale: Float64Array;
}

/**
 * How the fits precondition the design before factoring it: Z[:, j] = (X[:, j] - shift_j) · scale_j.
 *
 * With an intercept, centring the other columns leaves the fitted model unchanged (any shift is absorbed by
 * the intercept: a = a' - Σ b_j shift_j) but removes the near-collinearity of an offset column with the
 * constant (x = 1e9 + noise has cond([1, x]) ~ 1e11, centred ~ 1). Scaling by powers of two changes no
 * digit of the data and equilibrates columns of different units (weight ~ 3000 beside acceleration ~ 15),
 * so the rank decision compares each column with its own size. The intercept column is never shifted.
 *
 * @example columnScaling([ones, weight], 398, true).shift[1] // mean weight
 */
export function columnScaling(columns: readonly Float64Array[], n: number, intercept: boolean): ColumnScaling {
  const q = columns.length;
  const shift = new Float64Array(q);
  const scale = new Float64Array(q);
  for (let j = 0; j < q; j++) {
    const column = columns[j];
    const c = intercept && j > 0 && n > 0 ? pairwiseSum(column, 0, n) / n : 0;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (column[i] - c) * (column[i] - c);
    const norm = Math.sqrt(sum);
    shift[j] = c;
    scale[j] = norm > 0 && Number.isFinite(norm) ? 2 ** -Math.round(Math.log2(norm)) : 1;
  }
  return { shift, scale };
}
