import { F64_POWERS, scratchFloat64 } from "../aggregates/scratch";
import { pairwiseSum } from "./pairwise-sum";

/**
 * The k-th central moment (k = 2, 3 or 4) of `values[0..length)` about `mean`, as scipy.stats' `_moment`
 * (scipy 1.10: `skew`, `kurtosis` and the variances of the t-tests use it):
 *
 *   m_k = (1/n) Σ (xᵢ - mean)^k,
 *
 * with the powers formed as scipy forms them (d², d²·d, (d²)²) and the sum pairwise as numpy's, so results
 * agree with scipy to the last bit or nearly. `scratch` (length >= `length`) receives the powers; without one
 * a pooled buffer does (aggregates/scratch.ts).
 *
 * @example centralMoment(new Float64Array([1, 2, 3, 4]), 4, 2.5, 2) // 1.25
 */
export function centralMoment(
  values: Float64Array,
  length: number,
  mean: number,
  order: 2 | 3 | 4,
  scratch: Float64Array = scratchFloat64(F64_POWERS, length),
): number {
  writePowers(values, length, mean, order, scratch);
  return pairwiseSum(scratch, 0, length) / length;
}

/**
 * (xᵢ - mean)^k into `out`. A function of its own so that V8 optimises it whole after a few calls (a loop
 * followed by other code runs as on-stack-replaced code dropped at every exit until the whole function is).
 */
function writePowers(values: Float64Array, length: number, mean: number, order: 2 | 3 | 4, out: Float64Array): void {
  for (let i = 0; i < length; i++) {
    const d = values[i] - mean;
    const square = d * d;
    out[i] = order === 2 ? square : order === 3 ? square * d : square * square;
  }
}

/**
 * Whether scipy's `_moment` warns of catastrophic cancellation: max |xᵢ - mean| < 1e-14 · |mean|, i.e. the
 * values are identical to 14 digits (numpy's float64 resolution times ten).
 *
 * @example momentPrecisionLost(new Float64Array([5, 5, 5]), 3, 5) // true
 */
export function momentPrecisionLost(values: Float64Array, length: number, mean: number): boolean {
  return largestDeviation(values, length, mean) / Math.abs(mean) < 1e-14;
}

/** max |xᵢ - mean| (a function of its own, as writePowers). */
function largestDeviation(values: Float64Array, length: number, mean: number): number {
  let largest = 0;
  for (let i = 0; i < length; i++) {
    const d = Math.abs(values[i] - mean);
    if (d > largest) largest = d;
  }
  return largest;
}
