import type { KeyValue } from "../ops/encode-key-column";
import { testRule, type TestName } from "./test-rules";

const WORDS: Readonly<Record<TestName, string>> = {
  shapiro: "Shapiro-Wilk test",
  normaltest: "D'Agostino-Pearson test",
  kstest: "Kolmogorov-Smirnov test against a fitted normal",
  jarque_bera: "Jarque-Bera test",
  anderson: "Anderson-Darling test",
  ttest_1samp: "One-sample t-test",
  ttest_ind: "Two-sample t-test",
  ttest_rel: "Paired t-test",
  mannwhitneyu: "Mann-Whitney U test",
  wilcoxon: "Wilcoxon signed-rank test",
  f_oneway: "One-way ANOVA",
  kruskal: "Kruskal-Wallis test",
  levene: "Levene's test",
  chi2_contingency: "Chi-square test of independence",
  chisquare: "Chi-square goodness-of-fit test",
  kendalltau: "Kendall's tau",
};

/**
 * A test plan in words, for chart titles: "Mann-Whitney U test of Age by Sex (male vs female)",
 * "Paired t-test of before - after", "Shapiro-Wilk test of Fare".
 *
 * @example describeTest({ test: "ttest_ind", equal_var: false, target_column: "Age", group_column: "Sex", groups: ["male", "female"] })
 * // "Welch's t-test of Age by Sex (male vs female)"
 */
export function describeTest(plan: Readonly<Record<string, unknown>>): string {
  const name = String(plan.test);
  const rule = testRule(name);
  if (rule === undefined) return "Hypothesis test";
  const words = name === "ttest_ind" && plan.equal_var === false ? "Welch's t-test" : WORDS[name as TestName];
  const columns = Array.isArray(plan.sample_columns) ? (plan.sample_columns as string[]) : undefined;
  const groups = Array.isArray(plan.groups) ? (plan.groups as KeyValue[]).map(String).join(" vs ") : undefined;
  switch (rule.layout) {
    case "xy":
      return `${words} of ${String(plan.x_axis)} and ${String(plan.y_axis)}`;
    case "table":
      return `${words} of ${String(plan.group_column)} and ${String(plan.target_column)}`;
    case "paired":
    case "one_or_paired":
      if (columns !== undefined) return `${words} of ${columns[0]} - ${columns[1]}`;
      return `${words} of ${String(plan.target_column)}`;
    case "two":
    case "k":
      if (columns !== undefined) return `${words} of ${columns.join(", ")}`;
      return `${words} of ${String(plan.target_column)} by ${String(plan.group_column)}${groups === undefined ? "" : ` (${groups})`}`;
    default:
      return `${words} of ${String(plan.target_column)}`;
  }
}
