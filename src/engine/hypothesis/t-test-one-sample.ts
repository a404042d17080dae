import { numpyMean } from "../stats/numpy-mean";
import { scipyVariance } from "../stats/scipy-variance";
import { warnIfPrecisionLost } from "./moment-warnings";
import { studentTPValue } from "./student-t-p-value";
import type { Alternative, TestResult } from "./test-result";

export interface TTestResult extends TestResult {
  /** Degrees of freedom of the t distribution (fractional for Welch's test). */
  df: number;
}

/**
 * One-sample t-test of the mean against `populationMean`, as scipy.stats.ttest_1samp (scipy 1.10):
 *
 *   t = (x̄ - μ₀) / √(s²/n),   df = n - 1,
 *
 * s² the unbiased variance (scipyVariance); p from Student's t. Constant values give t = ±∞ (p = 0) or NaN
 * when the mean equals μ₀, one value gives NaN, no values NaN (df = -1), all as scipy. The caller drops missing values.
 *
 * @example tTestOneSample(new Float64Array([5.1, 4.9, 5.6, 5.8, 6.0]), 5, 5).pValue // 0.08256829674577398
 */
export function tTestOneSample(
  values: Float64Array,
  length: number,
  populationMean: number,
  alternative: Alternative = "two-sided",
): TTestResult {
  const n = length;
  if (n === 0) return { statistic: Number.NaN, pValue: Number.NaN, df: -1, sizes: [0], warnings: [] };
  const warnings: string[] = [];
  warnIfPrecisionLost(values, n, warnings);
  const d = numpyMean(values, 0, n) - populationMean;
  const t = d / Math.sqrt(scipyVariance(values, n) / n);
  const df = n - 1;
  return { statistic: t, pValue: studentTPValue(t, df, alternative), df, sizes: [n], warnings };
}
