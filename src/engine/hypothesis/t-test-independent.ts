import { numpyMean } from "../stats/numpy-mean";
import { scipyVariance } from "../stats/scipy-variance";
import { warnIfPrecisionLost } from "./moment-warnings";
import { studentTPValue } from "./student-t-p-value";
import type { TTestResult } from "./t-test-one-sample";
import type { Alternative } from "./test-result";

/**
 * Two-sample t-test for the difference of means, as scipy.stats.ttest_ind (scipy 1.10): Student's test with
 * a pooled variance (`equalVariances`, scipy's default `equal_var=True`) or Welch's test:
 *
 *   Student: df = n₁ + n₂ - 2,  s² = ((n₁-1)s₁² + (n₂-1)s₂²)/df,  t = (x̄₁ - x̄₂)/√(s²(1/n₁ + 1/n₂))
 *   Welch:   vᵢ = sᵢ²/nᵢ,  df = (v₁ + v₂)² / (v₁²/(n₁-1) + v₂²/(n₂-1)),  t = (x̄₁ - x̄₂)/√(v₁ + v₂)
 *
 * (Welch's df is 1 where the formula gives NaN, i.e. both variances zero, as scipy). An empty sample gives
 * NaN, constant samples ±∞ or NaN, as scipy. The caller drops missing values from each sample.
 *
 * @example tTestIndependent(new Float64Array([1, 2, 3, 4]), 4, new Float64Array([3, 4, 5, 6, 9]), 5, false).df // 6.436644509555253
 */
export function tTestIndependent(
  a: Float64Array,
  n1: number,
  b: Float64Array,
  n2: number,
  equalVariances = true,
  alternative: Alternative = "two-sided",
): TTestResult {
  const warnings: string[] = [];
  if (n1 === 0 || n2 === 0) {
    return { statistic: Number.NaN, pValue: Number.NaN, df: Number.NaN, sizes: [n1, n2], warnings };
  }
  warnIfPrecisionLost(a, n1, warnings);
  warnIfPrecisionLost(b, n2, warnings);
  const v1 = scipyVariance(a, n1);
  const v2 = scipyVariance(b, n2);
  let df: number;
  let denominator: number;
  if (equalVariances) {
    df = n1 + n2 - 2.0;
    const pooled = ((n1 - 1) * v1 + (n2 - 1) * v2) / df;
    denominator = Math.sqrt(pooled * (1.0 / n1 + 1.0 / n2));
  } else {
    const vn1 = v1 / n1;
    const vn2 = v2 / n2;
    const sum = vn1 + vn2;
    df = (sum * sum) / ((vn1 * vn1) / (n1 - 1) + (vn2 * vn2) / (n2 - 1));
    if (Number.isNaN(df)) df = 1;
    denominator = Math.sqrt(sum);
  }
  const t = (numpyMean(a, 0, n1) - numpyMean(b, 0, n2)) / denominator;
  return { statistic: t, pValue: studentTPValue(t, df, alternative), df, sizes: [n1, n2], warnings };
}
