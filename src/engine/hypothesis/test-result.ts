/**
 * Shapes shared by the hypothesis-test kernels. Every kernel returns a plain object with at least these
 * fields; undefined statistics are NaN (as scipy returns them), never thrown.
 */

/** The alternative hypothesis, as scipy's `alternative` argument. */
export type Alternative = "two-sided" | "less" | "greater";

export interface TestResult {
  /** The test statistic, exactly as scipy.stats reports it. */
  statistic: number;
  /** The p-value under the chosen alternative. */
  pValue: number;
  /** Observations used, one entry per sample or group (one entry for one-sample and paired tests). */
  sizes: number[];
  /** What scipy would have warned about, in the user's terms; empty when nothing. */
  warnings: string[];
}
