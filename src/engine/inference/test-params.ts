import { z } from "zod";
import { ColumnRefSchema, MAX_FILTER_STRING } from "../plan/plan-fields";
import { DEFAULT_ALPHA, TEST_NAMES } from "./test-rules";

/** Groups a k-sample test or a contingency table may name; more is a plan error (`too_many`). */
export const MAX_TEST_GROUPS = 1000;
/** Columns a test may take as samples. */
export const MAX_SAMPLE_COLUMNS = 50;
/** Categories a goodness-of-fit test may list. */
export const MAX_EXPECTED_CATEGORIES = 1000;

/** A value of a column as a plan writes it: coerced to the column's type as filter values are. */
const ColumnValueSchema = z.union([z.string().max(MAX_FILTER_STRING), z.number(), z.boolean()]);

/** The zod schemas of the `test` operation's own plan fields (plan-schema.ts gathers them from the registry). */
export const TEST_PARAM_SCHEMAS = {
  test: z.enum(TEST_NAMES).nullish().meta({
    description:
      "test: which hypothesis test, as scipy.stats names it: shapiro, normaltest, kstest, jarque_bera, anderson (normality of target_column); " +
      "ttest_1samp (needs popmean); ttest_ind, mannwhitneyu (two samples); ttest_rel, wilcoxon (paired sample_columns; wilcoxon also one column of differences); " +
      "f_oneway, kruskal, levene (two or more samples); chi2_contingency (group_column by target_column); chisquare (counts of target_column); kendalltau (x_axis, y_axis).",
  }),
  group_column: ColumnRefSchema.nullish().meta({
    description: "test: the column whose values split target_column into samples (two-sample and k-sample tests), or the rows of chi2_contingency's table. Rows with a missing value in it are left out.",
  }),
  groups: z.array(ColumnValueSchema).min(2).max(MAX_TEST_GROUPS).nullish().meta({
    description: "test: values of group_column naming the samples, in order (the first is scipy's first sample). Exactly two for ttest_ind and mannwhitneyu; optional for f_oneway, kruskal, levene and chi2_contingency (default: every value, sorted). Coerced to the column's type like filter values.",
  }),
  sample_columns: z.array(ColumnRefSchema).min(2).max(MAX_SAMPLE_COLUMNS).nullish().meta({
    description: "test: numeric columns whose values are the samples, in order: two for ttest_ind and mannwhitneyu (independent samples) and for ttest_rel and wilcoxon (pairs: rows where both are present), two or more for f_oneway, kruskal and levene.",
  }),
  alpha: z.number().gt(0).lt(1).nullish().meta({ description: `test: significance level of reject_null (default ${DEFAULT_ALPHA}); reject_null is p_value < alpha.` }),
  alternative: z.enum(["two-sided", "less", "greater"]).nullish().meta({
    description: "test: the alternative hypothesis of ttest_1samp, ttest_ind, ttest_rel, mannwhitneyu, wilcoxon, kendalltau and kstest (default two-sided); less means the first sample is smaller.",
  }),
  popmean: z.number().nullish().meta({ description: "test: ttest_1samp's hypothesised population mean (required there)." }),
  equal_var: z.boolean().nullish().meta({ description: "test: ttest_ind only: true (default) is Student's t-test with a pooled variance, false Welch's t-test." }),
  center: z.enum(["median", "mean", "trimmed"]).nullish().meta({ description: "test: levene only: the centre of each group (default median, the Brown-Forsythe test; trimmed cuts 5% at each end)." }),
  expected_proportions: z
    .array(z.strictObject({
      value: ColumnValueSchema.meta({ description: "A value of target_column." }),
      proportion: z.number().positive().meta({ description: "Its expected share of the rows." }),
    }))
    .min(1)
    .max(MAX_EXPECTED_CATEGORIES)
    .nullish()
    .meta({ description: "test: chisquare only: the expected share of each value of target_column, summing to 1 (default: every observed value equally likely). Every value that occurs must be listed; a listed value that never occurs counts 0." }),
};

export type ColumnValue = z.output<typeof ColumnValueSchema>;
