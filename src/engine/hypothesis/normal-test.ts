import { EngineError } from "../errors";
import { chiSquareSf } from "../stats/chi-square-sf";
import { kurtosis } from "../stats/kurtosis";
import { skewness } from "../stats/skewness";
import { kurtosisZ } from "./kurtosis-test";
import { warnIfPrecisionLost } from "./moment-warnings";
import { skewZ } from "./skew-test";
import type { TestResult } from "./test-result";

export interface NormalTestResult extends TestResult {
  /** Degrees of freedom of the chi-square reference distribution (2). */
  df: number;
}

/**
 * D'Agostino-Pearson omnibus test of normality, as scipy.stats.normaltest (scipy 1.10):
 *
 *   K² = Z₁² + Z₂²,   p = P(χ²₂ > K²) = e^{-K²/2},
 *
 * with Z₁ the skewness test's and Z₂ the kurtosis test's statistic (skewTest, kurtosisTest). Needs 8 or
 * more values (scipy raises below); warns below 20 as scipy's kurtosis test does. All values equal gives
 * NaN. The caller drops missing values.
 *
 * @example normalTest(Float64Array.from({ length: 20 }, (_, i) => i * i), 20).pValue // 0.27300727731032304
 */
export function normalTest(values: Float64Array, length: number): NormalTestResult {
  const n = length;
  if (n < 8) throw new EngineError("insufficient_data", `The D'Agostino-Pearson normality test needs at least 8 values; there are ${n}.`);
  const warnings: string[] = [];
  warnIfPrecisionLost(values, n, warnings);
  if (n < 20) warnings.unshift(`The kurtosis part of the test is only valid for 20 or more values; there are ${n}.`);
  const scratch = new Float64Array(n);
  const s = skewZ(skewness(values, n, scratch), n);
  const k = kurtosisZ(kurtosis(values, n, scratch), n);
  if (k.undefinedStatistic) warnings.push("The kurtosis test statistic is undefined for these values (a division by zero).");
  const k2 = s * s + k.z * k.z;
  return { statistic: k2, pValue: chiSquareSf(k2, 2), df: 2, sizes: [n], warnings };
}
