import { pairwiseSum } from "./pairwise-sum";

/**
 * The k-th central moment (k = 2, 3 or 4) of `values[0..length)` about `mean`, as scipy.stats' `_moment`
 * (scipy 1.10: `skew`, `kurtosis` and the variances of the t-tests use it):
 *
 *   m_k = (1/n) Σ (xᵢ - mean)^k,
 *
 * with the powers formed as scipy forms them (d², d²·d, (d²)²) and the sum pairwise as numpy's, so results
 * agree with scipy to the last bit or nearly. `scratch` (length >= `length`) receives the powers; pass one
 * to reuse memory across calls.
 *
 * @example centralMoment(new Float64Array([1, 2, 3, 4]), 4, 2.5, 2) // 1.25
 */
export function centralMoment(
  values: Float64Array,
  length: number,
  mean: number,
  order: 2 | 3 | 4,
  scratch: Float64Array = new Float64Array(length),
): number {
  for (let i = 0; i < length; i++) {
    const d = values[i] - mean;
    const square = d * d;
    scratch[i] = order === 2 ? square : order === 3 ? square * d : square * square;
  }
  return pairwiseSum(scratch, 0, length) / length;
}

/**
 * Whether scipy's `_moment` warns of catastrophic cancellation: max |xᵢ - mean| < 1e-14 · |mean|, i.e. the
 * values are identical to 14 digits (numpy's float64 resolution times ten).
 *
 * @example momentPrecisionLost(new Float64Array([5, 5, 5]), 3, 5) // true
 */
export function momentPrecisionLost(values: Float64Array, length: number, mean: number): boolean {
  let largest = 0;
  for (let i = 0; i < length; i++) {
    const d = Math.abs(values[i] - mean);
    if (d > largest) largest = d;
  }
  return largest / Math.abs(mean) < 1e-14;
}
