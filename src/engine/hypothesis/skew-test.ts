import { EngineError } from "../errors";
import { skewness } from "../stats/skewness";
import { warnIfPrecisionLost } from "./moment-warnings";
import { normalPValue } from "./normal-p-value";
import type { Alternative, TestResult } from "./test-result";

/**
 * D'Agostino's test that the skewness is that of a normal distribution, as scipy.stats.skewtest (scipy
 * 1.10): with g₁ the biased sample skewness,
 *
 *   Y = g₁ √((n+1)(n+3) / (6(n-2))),   β₂ = 3(n² + 27n - 70)(n+1)(n+3) / ((n-2)(n+5)(n+7)(n+9)),
 *   W² = √(2(β₂ - 1)) - 1,   δ = 1/√(½ ln W²),   α = √(2/(W² - 1)),
 *   Z = δ ln(Y/α + √((Y/α)² + 1)),
 *
 * normal under the null hypothesis (scipy replaces Y = 0 by 1, kept here). Needs 8 or more values (scipy
 * raises below); NaN skewness (all values equal) gives NaN. The caller drops missing values.
 *
 * @example skewTest(new Float64Array([1, 2, 3, 4, 5, 6, 7, 30]), 8).statistic // 3.2870572449920585
 */
export function skewTest(values: Float64Array, length: number, alternative: Alternative = "two-sided"): TestResult {
  const n = length;
  if (n < 8) throw new EngineError("insufficient_data", `The skewness test needs at least 8 values; there are ${n}.`);
  const warnings: string[] = [];
  warnIfPrecisionLost(values, n, warnings);
  const z = skewZ(skewness(values, n), n);
  return { statistic: z, pValue: normalPValue(z, alternative), sizes: [n], warnings };
}

/** The Z transform of the sample skewness, in scipy's operation order. */
export function skewZ(g1: number, n: number): number {
  let y = g1 * Math.sqrt(((n + 1) * (n + 3)) / (6.0 * (n - 2)));
  const beta2 = (3.0 * (n ** 2 + 27 * n - 70) * (n + 1) * (n + 3)) / ((n - 2.0) * (n + 5) * (n + 7) * (n + 9));
  const w2 = -1 + Math.sqrt(2 * (beta2 - 1));
  const delta = 1 / Math.sqrt(0.5 * Math.log(w2));
  const alpha = Math.sqrt(2.0 / (w2 - 1));
  if (y === 0) y = 1;
  const ratio = y / alpha;
  return delta * Math.log(ratio + Math.sqrt(ratio ** 2 + 1));
}
