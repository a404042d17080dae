/**
 * Median of `values[0..length)` (no missing values), numpy's definition: the middle order statistic for odd n,
 * (x₍ₙ/₂₋₁₎ + x₍ₙ/₂₎) / 2 for even n. Found by quickselect (expected O(n)), which reorders `values` in place,
 * so callers pass a scratch copy. NaN for n = 0. simple-statistics' `median` selects too (quantile over
 * quickselect), but copies its input into a new array on every call and takes plain number arrays; here the
 * caller's scratch Float64Array is reordered in place, with no allocation per group; the result is identical.
 *
 * @example median(new Float64Array([3, 1, 4, 1]), 4) // 2
 */
export function median(values: Float64Array, length: number): number {
  if (length === 0) return Number.NaN;
  const half = length >>> 1;
  const upper = select(values, 0, length - 1, half);
  if (length % 2 === 1) return upper;
  // After selecting `half`, everything left of it is <= it: the lower middle is their maximum.
  let lower = values[0];
  for (let i = 1; i < half; i++) if (values[i] > lower) lower = values[i];
  return (lower + upper) / 2;
}

/** Hoare-partition quickselect with median-of-three pivots: returns the k-th smallest of values[lo..hi]. */
function select(values: Float64Array, lo: number, hi: number, k: number): number {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const a = values[lo], b = values[mid], c = values[hi];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i]; values[i] = values[j]; values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k];
  }
  return values[k];
}
