import { centralMoment } from "./central-moment";
import { numpyMean } from "./numpy-mean";

/**
 * Sample kurtosis in Pearson's definition (biased, normal = 3), as scipy.stats.kurtosis(x, fisher=False):
 *
 *   b₂ = m₄ / m₂²,   m_k = (1/n) Σ (xᵢ - x̄)^k,
 *
 * NaN when m₂ <= (1e-15 · x̄)² (values equal to about 15 digits). Fisher's excess kurtosis is b₂ - 3.
 * `scratch` (length >= n) is optional working memory.
 *
 * @example kurtosis(new Float64Array([1, 2, 3, 4, 10]), 5) // 2.7880000000000003
 */
export function kurtosis(values: Float64Array, length: number, scratch?: Float64Array): number {
  const mean = numpyMean(values, 0, length);
  const m2 = centralMoment(values, length, mean, 2, scratch);
  const m4 = centralMoment(values, length, mean, 4, scratch);
  if (m2 <= (1e-15 * mean) ** 2) return Number.NaN;
  return m4 / m2 ** 2;
}
