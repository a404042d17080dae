/**
 * Sum of `values[0..length)` by numpy's pairwise summation (`np.add.reduce` on a contiguous float64 array),
 * reproduced operation for operation so that sums and means agree with pandas bit for bit rather than only
 * to rounding: blocks of at most 128 values are added with 8 interleaved accumulators, larger ranges are split
 * in two at a multiple of 8. Error bound O(eps log n) * sum|x|.
 *
 * pandas' `Series.sum`/`Series.mean` fill missing values with 0 before summing, so callers pass the filtered
 * values with NaN already replaced by 0 (which changes the tree, hence the result's last bits).
 *
 * @example pairwiseSum(new Float64Array([1, 2, 3]), 0, 3) // 6
 */
export function pairwiseSum(values: Float64Array, start: number, length: number): number {
  if (length < 8) {
    let sum = 0;
    for (let i = start; i < start + length; i++) sum += values[i];
    return sum;
  }
  if (length <= 128) {
    let r0 = values[start], r1 = values[start + 1], r2 = values[start + 2], r3 = values[start + 3];
    let r4 = values[start + 4], r5 = values[start + 5], r6 = values[start + 6], r7 = values[start + 7];
    const blockEnd = start + length - (length % 8);
    let i = start + 8;
    for (; i < blockEnd; i += 8) {
      r0 += values[i]; r1 += values[i + 1]; r2 += values[i + 2]; r3 += values[i + 3];
      r4 += values[i + 4]; r5 += values[i + 5]; r6 += values[i + 6]; r7 += values[i + 7];
    }
    let sum = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < start + length; i++) sum += values[i];
    return sum;
  }
  let half = Math.floor(length / 2);
  half -= half % 8;
  return pairwiseSum(values, start, half) + pairwiseSum(values, start + half, length - half);
}
