import { EngineError } from "../errors";
import { kurtosis } from "../stats/kurtosis";
import { warnIfPrecisionLost } from "./moment-warnings";
import { normalPValue } from "./normal-p-value";
import type { Alternative, TestResult } from "./test-result";

/**
 * Anscombe & Glynn's test that the kurtosis is that of a normal distribution, as scipy.stats.kurtosistest
 * (scipy 1.10): with b₂ the biased Pearson kurtosis,
 *
 *   E = 3(n-1)/(n+1),   Var = 24n(n-2)(n-3) / ((n+1)²(n+3)(n+5)),   x = (b₂ - E)/√Var,
 *   √β₁ = 6(n² - 5n + 2)/((n+7)(n+9)) · √(6(n+3)(n+5) / (n(n-2)(n-3))),
 *   A = 6 + (8/√β₁)(2/√β₁ + √(1 + 4/β₁)),
 *   Z = ((1 - 2/(9A)) - sign(d)·((1 - 2/A)/|d|)^{1/3}) / √(2/(9A)),   d = 1 + x √(2/(A - 4)),
 *
 * normal under the null hypothesis. Needs 5 or more values (scipy raises below) and warns below 20, as
 * scipy; d = 0 gives NaN with a warning. The caller drops missing values.
 *
 * @example kurtosisTest(Float64Array.from({ length: 20 }, (_, i) => i), 20).statistic // -1.7058104152122062
 */
export function kurtosisTest(values: Float64Array, length: number, alternative: Alternative = "two-sided"): TestResult {
  const n = length;
  if (n < 5) throw new EngineError("insufficient_data", `The kurtosis test needs at least 5 values; there are ${n}.`);
  const warnings: string[] = [];
  if (n < 20) warnings.push(`The kurtosis test is only valid for 20 or more values; there are ${n}.`);
  warnIfPrecisionLost(values, n, warnings);
  const { z, undefinedStatistic } = kurtosisZ(kurtosis(values, n), n);
  if (undefinedStatistic) warnings.push("The kurtosis test statistic is undefined for these values (a division by zero).");
  return { statistic: z, pValue: normalPValue(z, alternative), sizes: [n], warnings };
}

/** The Z transform of the Pearson kurtosis, in scipy's operation order. */
export function kurtosisZ(b2: number, n: number): { z: number; undefinedStatistic: boolean } {
  const e = (3.0 * (n - 1)) / (n + 1);
  const varB2 = (24.0 * n * (n - 2) * (n - 3)) / ((n + 1) * (n + 1.0) * (n + 3) * (n + 5));
  const x = (b2 - e) / Math.sqrt(varB2);
  const sqrtBeta1 = ((6.0 * (n * n - 5 * n + 2)) / ((n + 7) * (n + 9))) * Math.sqrt((6.0 * (n + 3) * (n + 5)) / (n * (n - 2) * (n - 3)));
  const a = 6.0 + (8.0 / sqrtBeta1) * (2.0 / sqrtBeta1 + Math.sqrt(1 + 4.0 / sqrtBeta1 ** 2));
  const term1 = 1 - 2 / (9.0 * a);
  const denom = 1 + x * Math.sqrt(2 / (a - 4.0));
  const term2 = denom === 0 ? Number.NaN : Math.sign(denom) * ((1 - 2.0 / a) / Math.abs(denom)) ** (1 / 3.0);
  return { z: (term1 - term2) / Math.sqrt(2 / (9.0 * a)), undefinedStatistic: denom === 0 };
}
