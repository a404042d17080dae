/**
 * Variance of the non-missing values of `values[0..length)` with `ddof` delta degrees of freedom, by
 * bottleneck's `nanvar`, which pandas 1.5 calls for `Series.var`/`std`/`sem` when bottleneck is installed (the
 * reference environment): two passes, each a plain left-to-right loop that skips NaN,
 *
 *   n = #non-missing,  m = (Σ xᵢ) / n,  var = Σ (xᵢ - m)² / (n - ddof),
 *
 * NaN when n <= ddof. Centering in a second pass keeps offset data (1e15 + noise) accurate; the sums are not
 * pairwise, so this differs in the last bits from numpy's `var` and from the grouped (Welford) kernel.
 *
 * @example twoPassVariance(new Float64Array([2, 4, NaN, 4, 4, 5, 5, 7, 9]), 9, 1) // 4.571428571428571
 */
export function twoPassVariance(values: Float64Array, length: number, ddof: number): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v === v) {
      sum += v;
      count++;
    }
  }
  if (count <= ddof) return Number.NaN;
  const mean = sum / count;
  let squares = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v === v) {
      const d = v - mean;
      squares += d * d;
    }
  }
  return squares / (count - ddof);
}
