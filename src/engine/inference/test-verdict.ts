import type { EngineProblem } from "../errors";
import { finite } from "../ops/aggregate-rows";
import type { CriticalValue } from "./hypothesis-result";

/**
 * The decision at significance level alpha: reject the null hypothesis when p < alpha (the comparison analysts'
 * scipy code makes), null when the p-value is undefined.
 *
 * @example rejectNull(0.031, 0.05) // true
 */
export function rejectNull(pValue: number, alpha: number): boolean | null {
  return Number.isNaN(pValue) ? null : pValue < alpha;
}

/** Two levels are the same when they differ by less than this (0.025 written as 0.025000000000000001). */
const LEVEL_TOLERANCE = 1e-12;

/**
 * Anderson-Darling's verdict: scipy 1.10 gives critical values of A² at 15, 10, 5, 2.5 and 1 % and no p-value,
 * so the null is rejected at alpha when A² exceeds the critical value of that level. An alpha that is not one
 * of the five levels has no critical value: reject_null is null, with an `alpha_not_tabulated` warning naming
 * the levels (the critical values are still returned, so the caller can compare at a neighbouring level).
 * Levels are reported as fractions, like alpha.
 *
 * @example andersonVerdict(0.9, [0.576, 0.656, 0.787, 0.918, 1.092], [15, 10, 5, 2.5, 1], 0.05).reject // true
 */
export function andersonVerdict(
  statistic: number,
  criticalValues: readonly number[],
  levelsPercent: readonly number[],
  alpha: number,
): { reject: boolean | null; criticalValues: CriticalValue[]; warnings: EngineProblem[] } {
  const table = criticalValues.map((critical, i) => ({ significance_level: levelsPercent[i] / 100, critical_value: critical }));
  const match = table.find((row) => Math.abs(row.significance_level - alpha) < LEVEL_TOLERANCE);
  if (match === undefined) {
    const levels = table.map((row) => row.significance_level).join(", ");
    return {
      reject: null,
      criticalValues: table,
      warnings: [{ path: "plan.alpha", code: "alpha_not_tabulated", message: `The Anderson-Darling test has critical values only at significance levels ${levels}; alpha ${alpha} is not one of them, so reject_null is null (compare statistic with critical_values).` }],
    };
  }
  return { reject: finite(statistic) === null ? null : statistic > match.critical_value, criticalValues: table, warnings: [] };
}

/**
 * A kernel's warnings (what scipy would warn about, already in the user's terms) as plan warnings.
 *
 * @example testWarnings(["The kurtosis part of the test is only valid for 20 or more values; there are 9."])[0].code // "test_warning"
 */
export function testWarnings(messages: readonly string[]): EngineProblem[] {
  return messages.map((message) => ({ path: "plan.test", code: "test_warning", message }));
}
