import { studentTSf } from "../stats/student-t-sf";
import type { Alternative } from "./test-result";

/**
 * p-value of a Student t statistic with `df` degrees of freedom (scipy's `_ttest_finish`): two-sided
 * 2·P(T > |t|), "less" P(T <= t), "greater" P(T > t). NaN for NaN t or df <= 0.
 *
 * @example studentTPValue(2.2281388519862744, 10, "two-sided") // 0.04999999999999992
 */
export function studentTPValue(t: number, df: number, alternative: Alternative): number {
  if (alternative === "less") return studentTSf(-t, df);
  if (alternative === "greater") return studentTSf(t, df);
  return 2 * studentTSf(Math.abs(t), df);
}
