import { pairwiseSum } from "./pairwise-sum";

/** numpy's reduction buffer size: `np.add.reduce` hands its inner loop at most this many elements at a time. */
export const NUMPY_BUFFER_SIZE = 8192;

/**
 * Sum of `values[0..length)` (no NaN) exactly as numpy's `np.add.reduce` on a float64 array computes it:
 * the array is cut into blocks of 8192 elements (the ufunc buffer size), each block is summed by numpy's
 * pairwise summation, and the block sums are added left to right:
 *
 *   s = (…((0 + pw(x[0..8192))) + pw(x[8192..16384))) + …)
 *
 * Beyond 8192 values this differs in the last bits from one pairwise tree over the whole array, and on data
 * with cancellation (±3e15 offsets, small noise) the difference reaches far above 1e-9 relative. pandas'
 * `Series.sum`/`mean`/`skew`/`kurt` sum a copy with missing values replaced by 0, so callers pass that copy.
 *
 * @example numpySum(new Float64Array([1, 2, 3]), 3) // 6
 */
export function numpySum(values: Float64Array, length: number): number {
  let sum = 0;
  for (let start = 0; start < length; start += NUMPY_BUFFER_SIZE) {
    sum += pairwiseSum(values, start, Math.min(NUMPY_BUFFER_SIZE, length - start));
  }
  return sum;
}
