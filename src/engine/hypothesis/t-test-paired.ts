import { EngineError } from "../errors";
import { numpyMean } from "../stats/numpy-mean";
import { scipyVariance } from "../stats/scipy-variance";
import { warnIfPrecisionLost } from "./moment-warnings";
import { studentTPValue } from "./student-t-p-value";
import type { TTestResult } from "./t-test-one-sample";
import type { Alternative } from "./test-result";

/**
 * Paired t-test, as scipy.stats.ttest_rel (scipy 1.10): the one-sample t-test of the differences
 * dᵢ = aᵢ - bᵢ against 0,
 *
 *   t = d̄ / √(s_d²/n),   df = n - 1.
 *
 * `a` and `b` hold the pairs in the same order; the caller drops every pair with a missing side (scipy's
 * `nan_policy="omit"` for paired samples). Unequal lengths are refused, as scipy refuses them.
 *
 * @example tTestPaired(new Float64Array([5, 6, 7, 9]), new Float64Array([4, 6, 5, 6]), 4).statistic // 2.32379000772445
 */
export function tTestPaired(a: Float64Array, b: Float64Array, length: number, alternative: Alternative = "two-sided"): TTestResult {
  if (a.length < length || b.length < length) {
    throw new EngineError("invalid_input", "The paired t-test needs two samples of the same length.");
  }
  const n = length;
  if (n === 0) return { statistic: Number.NaN, pValue: Number.NaN, df: Number.NaN, sizes: [0], warnings: [] };
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = a[i] - b[i];
  const warnings: string[] = [];
  warnIfPrecisionLost(d, n, warnings);
  const t = numpyMean(d, 0, n) / Math.sqrt(scipyVariance(d, n) / n);
  const df = n - 1;
  return { statistic: t, pValue: studentTPValue(t, df, alternative), df, sizes: [n], warnings };
}
