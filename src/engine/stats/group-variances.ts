import type { Grouping } from "../ops/group-rows";

/**
 * Variance per group with `ddof` delta degrees of freedom, by pandas' cython `group_var` (used by
 * `DataFrameGroupBy.var`/`std`/`sem`): Welford's online update in row order, per group,
 *
 *   n += 1;  δ = x - m;  m += δ / n;  M2 += (x - m)(x - m_old);   var = M2 / (n - ddof),
 *
 * NaN when n <= ddof (including groups whose values are all missing). Also returns the non-missing count of
 * each group (sem divides by its square root).
 *
 * @example groupVariances(price, grouping, 1).variances[0] // variance of the first group's prices
 */
export function groupVariances(values: Float64Array, grouping: Grouping, ddof: number): { variances: Float64Array; counts: Float64Array } {
  const groups = grouping.keys.length;
  const { rows, groupOf } = grouping;
  const counts = new Float64Array(groups);
  const means = new Float64Array(groups);
  const squares = new Float64Array(groups);
  for (let i = 0; i < rows.length; i++) {
    const g = groupOf[i];
    if (g < 0) continue;
    const v = values[rows[i]];
    if (v !== v) continue;
    const n = ++counts[g];
    const old = means[g];
    means[g] += (v - old) / n;
    squares[g] += (v - means[g]) * (v - old);
  }
  const variances = new Float64Array(groups);
  for (let g = 0; g < groups; g++) variances[g] = counts[g] <= ddof ? Number.NaN : squares[g] / (counts[g] - ddof);
  return { variances, counts };
}
