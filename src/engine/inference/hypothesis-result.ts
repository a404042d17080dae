import type { Alternative } from "../hypothesis/test-result";
import type { KeyValue } from "../ops/encode-key-column";
import type { TestName } from "./test-rules";

/** The size of one sample a test used: a group's value or a column's name, and its count of values. */
export interface TestSampleSize {
  name: KeyValue;
  n: number;
}

/** Anderson-Darling: the critical value of A² at one significance level (a fraction, like alpha). */
export interface CriticalValue {
  significance_level: number;
  critical_value: number;
}

/**
 * The result of `operation: "test"`. Fields after `samples` appear only for the tests that define them; undefined
 * statistics are null. `reject_null` is `p_value < alpha` (Anderson-Darling: the statistic above the critical
 * value at alpha, null when alpha is not one of its levels), null when the p-value is undefined.
 */
export interface HypothesisTestResult {
  test: TestName;
  /** How the statistic is usually written: W, K2, D, JB, A2, t, U, F, H, chi2, tau. */
  statistic_name: string;
  statistic: number | null;
  /** Absent for anderson (scipy 1.10 gives critical values instead). */
  p_value?: number | null;
  /** Degrees of freedom of the reference distribution: t tests, chi-square tests, normaltest and jarque_bera (2), kruskal. */
  df?: number | null;
  /** f_oneway and levene: the F distribution's degrees of freedom, k - 1 and N - k. */
  df_between?: number;
  df_within?: number;
  alternative?: Alternative;
  /** How the p-value was computed where scipy chooses (mannwhitneyu, wilcoxon, kendalltau). */
  method?: "exact" | "asymptotic";
  alpha: number;
  reject_null: boolean | null;
  samples: TestSampleSize[];
  critical_values?: CriticalValue[];
  /** kstest: the normal fitted by maximum likelihood (norm.fit: mean and the standard deviation with ddof 0). */
  fitted_mean?: number | null;
  fitted_std?: number | null;
  /** wilcoxon: differences equal to zero (left out under the normal approximation, as scipy's zero_method "wilcox"). */
  zero_differences?: number;
  /** chi2_contingency: Yates' continuity correction applied (2 x 2 tables). */
  yates_correction?: boolean;
  /** chi2_contingency: the observed counts and the expected ones under independence, group_column by target_column. */
  table?: { row_labels: KeyValue[]; column_labels: KeyValue[]; observed: number[][]; expected: number[][] };
  /** chisquare: each value's observed and expected count. */
  categories?: Array<{ value: KeyValue; observed: number; expected: number }>;
}
