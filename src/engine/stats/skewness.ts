import { centralMoment } from "./central-moment";
import { numpyMean } from "./numpy-mean";

/**
 * Sample skewness (biased), as scipy.stats.skew(x) with scipy 1.10 defaults:
 *
 *   g₁ = m₃ / m₂^{3/2},   m_k = (1/n) Σ (xᵢ - x̄)^k,
 *
 * NaN when m₂ <= (1e-15 · x̄)², i.e. when the values are equal to about 15 digits (scipy's guard against a
 * skewness made of rounding noise). `scratch` (length >= n) is optional working memory.
 *
 * @example skewness(new Float64Array([2, 8, 0, 4, 1, 9, 9, 0]), 8) // 0.2650554122698573
 */
export function skewness(values: Float64Array, length: number, scratch?: Float64Array): number {
  const mean = numpyMean(values, 0, length);
  const m2 = centralMoment(values, length, mean, 2, scratch);
  const m3 = centralMoment(values, length, mean, 3, scratch);
  if (m2 <= (1e-15 * mean) ** 2) return Number.NaN;
  return m3 / m2 ** 1.5;
}
