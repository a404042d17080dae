import { centralMoment } from "./central-moment";
import { numpyMean } from "./numpy-mean";

/**
 * Unbiased sample variance as scipy.stats' t-tests compute it (scipy 1.10 `_var(x, ddof=1)`): the second
 * central moment about the numpy mean, rescaled,
 *
 *   s² = m₂ · n/(n-1),   m₂ = (1/n) Σ (xᵢ - x̄)²,
 *
 * which differs from Σ(xᵢ - x̄)²/(n-1) in the last bits; reproduced so t statistics agree with scipy's to the
 * last bit or nearly. NaN for n < 2 (0 · ∞ for n = 1, as numpy), NaN for n = 0.
 *
 * @example scipyVariance(new Float64Array([1, 2, 4]), 3) // 2.333333333333333
 */
export function scipyVariance(values: Float64Array, length: number, scratch?: Float64Array): number {
  if (length === 0) return Number.NaN;
  const mean = numpyMean(values, 0, length);
  return centralMoment(values, length, mean, 2, scratch) * (length / (length - 1));
}
