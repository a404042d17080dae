import { EngineError } from "../errors";
import { chiSquareSf } from "../stats/chi-square-sf";
import { kurtosis } from "../stats/kurtosis";
import { numpyMean } from "../stats/numpy-mean";
import { skewness } from "../stats/skewness";
import type { TestResult } from "./test-result";

export interface JarqueBeraResult extends TestResult {
  /** Degrees of freedom of the chi-square reference distribution (2). */
  df: number;
}

/**
 * Jarque-Bera test of normality, as scipy.stats.jarque_bera (scipy 1.10):
 *
 *   JB = (n/6) (S² + (K - 3)²/4),   p = P(χ²₂ > JB),
 *
 * with S and K the biased sample skewness and Pearson kurtosis of the values centred on their mean (scipy
 * centres first, then computes both). Needs at least one value (scipy raises for none); all values equal
 * gives NaN. The caller drops missing values.
 *
 * @example jarqueBera(new Float64Array([1, 2, 3, 4, 10]), 5).statistic // 1.0893633333333337
 */
export function jarqueBera(values: Float64Array, length: number): JarqueBeraResult {
  const n = length;
  if (n === 0) throw new EngineError("insufficient_data", "The Jarque-Bera test needs at least one value; there are none.");
  const mean = numpyMean(values, 0, n);
  const centred = new Float64Array(n);
  for (let i = 0; i < n; i++) centred[i] = values[i] - mean;
  const scratch = new Float64Array(n);
  const s = skewness(centred, n, scratch);
  const k = kurtosis(centred, n, scratch) - 3;
  const statistic = (n / 6) * (s ** 2 + k ** 2 / 4);
  return { statistic, pValue: chiSquareSf(statistic, 2), df: 2, sizes: [n], warnings: [] };
}
