import { F64_FILLED, F64_SQUARES, scratchFloat64 } from "../scratch";
import { numpySum } from "../../stats/numpy-sum";

/** The sums pandas' nanskew/nankurt build from a Series before their formulas. */
export interface MomentSums {
  /** Non-missing values. */
  count: number;
  /** Σ (xᵢ - x̄)² */
  m2: number;
  /** Σ (xᵢ - x̄)³ (skew) or Σ (xᵢ - x̄)⁴ (kurtosis), per `power`. */
  mHigh: number;
}

/**
 * Central moment sums of the Series `values[0..length)` (NaN = missing) exactly as pandas 1.5's `nanskew` and
 * `nankurt` form them: missing values become 0, x̄ = numpySum(values) / n, the deviations of missing
 * positions are 0, and each power is summed over the whole length with numpy's blocked pairwise summation, so
 * the positions of missing values shape the summation tree (and the last bits), as in pandas:
 *
 *   a = x - x̄ (0 where missing),  m2 = Σ a²,  m3 = Σ a²·a,  m4 = Σ (a²)²
 *
 * @example momentSums(Float64Array.of(1, NaN, 1, 2), 4, 3) // { count: 3, m2: 0.666…, mHigh: 0.222… }
 */
export function momentSums(values: Float64Array, length: number, power: 3 | 4): MomentSums {
  const filled = scratchFloat64(F64_FILLED, length);
  let count = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v === v) {
      filled[i] = v;
      count++;
    } else {
      filled[i] = 0;
    }
  }
  const mean = numpySum(filled, length) / count;
  const squares = scratchFloat64(F64_SQUARES, length);
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v === v) {
      const a = v - mean;
      const square = a * a;
      squares[i] = square;
      filled[i] = power === 3 ? square * a : square * square;
    } else {
      squares[i] = 0;
    }
  }
  return { count, m2: numpySum(squares, length), mHigh: numpySum(filled, length) };
}
