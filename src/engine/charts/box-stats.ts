/** The five numbers and outliers of one box, Tukey's convention with numpy's default quantiles. */
export interface BoxStats {
  n: number;
  q1: number;
  median: number;
  q3: number;
  /** Smallest value >= q1 - 1.5·IQR (the lower whisker's end is a data point, never the fence itself). */
  lowerWhisker: number;
  /** Largest value <= q3 + 1.5·IQR. */
  upperWhisker: number;
  /** Values outside the fences, ascending. */
  outliers: number[];
}

/**
 * The p-quantile of ascending, NaN-free values with numpy's default "linear" method (pandas `Series.quantile`):
 * h = (n - 1)·p, q = v[⌊h⌋] + (h - ⌊h⌋)·(v[⌊h⌋+1] - v[⌊h⌋]). The interpolation is evaluated as numpy's `_lerp`
 * does (from the upper end when the fraction is >= 0.5) so results agree to the last bit.
 *
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0.25) // 1.75
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const t = h - lo;
  const a = sorted[lo];
  const b = sorted[hi];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/**
 * Box-plot statistics of NaN-free values: quartiles by {@link quantileSorted}, IQR = q3 - q1, fences at
 * q1 - 1.5·IQR and q3 + 1.5·IQR, whiskers at the furthest data points inside the fences (matplotlib's and
 * seaborn's `whis=1.5`), everything outside an outlier. Null for no values. Sorts a copy (n log n).
 *
 * @example
 * boxStats(Float64Array.of(1, 2, 3, 4, 100));
 * // { n: 5, q1: 2, median: 3, q3: 4, lowerWhisker: 1, upperWhisker: 4, outliers: [100] }
 */
export function boxStats(values: Float64Array): BoxStats | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const q1 = quantileSorted(sorted, 0.25);
  const median = quantileSorted(sorted, 0.5);
  const q3 = quantileSorted(sorted, 0.75);
  const iqr = q3 - q1;
  const lowFence = q1 - 1.5 * iqr;
  const highFence = q3 + 1.5 * iqr;
  let first = 0;
  while (sorted[first] < lowFence) first++;
  let last = sorted.length - 1;
  while (sorted[last] > highFence) last--;
  const outliers = [...sorted.subarray(0, first), ...sorted.subarray(last + 1)];
  return { n: sorted.length, q1, median, q3, lowerWhisker: sorted[first], upperWhisker: sorted[last], outliers };
}
