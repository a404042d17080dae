/**
 * Reorders `values[0..length)` (no NaN) so that `values[k]` is its k-th smallest (0-based), everything
 * before it <= it and everything after it >= it, and returns it: numpy's `partition`, whose order statistics
 * (not its arrangement) quantiles read. The (k+1)-th smallest is then the minimum of `values[k+1..length)`.
 *
 * Quickselect with Hoare partitioning around a median of three, expected O(n). If the range shrinks too
 * slowly (adversarial input), the remaining range is sorted instead, bounding the worst case at O(n log n).
 *
 * @example selectKth(new Float64Array([5, 1, 4, 2, 3]), 5, 1) // 2
 */
export function selectKth(values: Float64Array, length: number, k: number): number {
  let lo = 0;
  let hi = length - 1;
  let budget = 2 * Math.ceil(Math.log2(length + 1)) + 8;
  while (hi > lo) {
    if (budget-- === 0) {
      values.subarray(lo, hi + 1).sort();
      return values[k];
    }
    const mid = (lo + hi) >>> 1;
    const a = values[lo];
    const b = values[mid];
    const c = values[hi];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
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
