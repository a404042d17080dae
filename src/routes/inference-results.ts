import { z } from "@hono/zod-openapi";
import { TEST_NAMES } from "../engine/inference/test-rules";
import { TEST_WARNING_CODES } from "../engine/errors";

/**
 * OpenAPI documentation of the result shapes of tests and models (the engine's types are in
 * src/engine/inference/hypothesis-result.ts and model-result.ts). Documentation only: responses are built by the
 * engine, not parsed through these.
 */
const Value = z.union([z.string(), z.number(), z.boolean()]).meta({ description: "A value of a column: text, a number, a boolean, or an ISO 8601 date-time." });
const Num = z.number().nullable();

export const HypothesisTestResultSchema = z
  .object({
    test: z.enum(TEST_NAMES),
    statistic_name: z.string().meta({ description: "W, K2, D, JB, A2, t, U, F, H, chi2 or tau." }),
    statistic: Num,
    p_value: Num.optional().meta({ description: "Absent for anderson (critical values instead)." }),
    df: Num.optional().meta({ description: "t tests, chi-square tests, kruskal, normaltest and jarque_bera (2)." }),
    df_between: z.number().optional().meta({ description: "f_oneway, levene: k - 1." }),
    df_within: z.number().optional().meta({ description: "f_oneway, levene: N - k." }),
    alternative: z.enum(["two-sided", "less", "greater"]).optional(),
    method: z.enum(["exact", "asymptotic"]).optional().meta({ description: "mannwhitneyu, wilcoxon, kendalltau: how scipy computed the p-value." }),
    alpha: z.number(),
    reject_null: z.boolean().nullable().meta({ description: "p_value < alpha; anderson: statistic > the critical value at alpha (null when alpha is not one of its levels); null when undefined." }),
    samples: z.array(z.object({ name: Value, n: z.number().int() })).meta({ description: "Each sample's name (a group's value, a column's name) and the values used (missing dropped; pairs for paired tests)." }),
    critical_values: z.array(z.object({ significance_level: z.number(), critical_value: z.number() })).optional().meta({ description: "anderson: at significance levels 0.15, 0.1, 0.05, 0.025, 0.01." }),
    fitted_mean: Num.optional().meta({ description: "kstest: the fitted normal (norm.fit)." }),
    fitted_std: Num.optional(),
    zero_differences: z.number().int().optional().meta({ description: "wilcoxon: differences equal to zero (left out under the normal approximation)." }),
    yates_correction: z.boolean().optional(),
    table: z
      .object({ row_labels: z.array(Value), column_labels: z.array(Value), observed: z.array(z.array(z.number())), expected: z.array(z.array(z.number())) })
      .optional()
      .meta({ description: "chi2_contingency: group_column (rows) by target_column (columns)." }),
    categories: z.array(z.object({ value: Value, observed: z.number(), expected: z.number() })).optional().meta({ description: "chisquare." }),
  })
  .openapi("HypothesisTestResult", { description: `operation test. Warnings: ${TEST_WARNING_CODES.join(", ")}.` });

const Coefficient = z.object({
  name: z.string().meta({ description: "statsmodels' name: Intercept, weight, origin[T.japan], C(cylinders)[T.6]." }),
  estimate: Num,
  std_error: Num.optional(),
  t_value: Num.optional().meta({ description: "ols." }),
  z_value: Num.optional().meta({ description: "logistic with penalty none." }),
  p_value: Num.optional(),
  ci_lower: Num.optional(),
  ci_upper: Num.optional(),
});
const Split = z.object({ train_rows: z.number().int(), test_rows: z.number().int() });

export const OlsResultSchema = z
  .object({
    model: z.literal("ols"),
    target: z.string(),
    n: z.number().int().meta({ description: "Rows fitted on." }),
    df_model: z.number(),
    df_resid: z.number(),
    confidence: z.number(),
    coefficients: z.array(Coefficient),
    r_squared: Num, adj_r_squared: Num, f_statistic: Num, f_p_value: Num, log_likelihood: Num, aic: Num, bic: Num, residual_std_error: Num,
    split: Split.optional(),
    test_metrics: z.object({ n: z.number().int(), r2: Num, mse: Num, rmse: Num, mae: Num }).optional().meta({ description: "scikit-learn metrics of the test rows." }),
    predictions: z.array(z.object({ input: z.record(z.string(), Value), predicted: Num })).optional(),
  })
  .openapi("OlsResult", { description: "operation ols: statsmodels OLS; with a split, scikit-learn metrics of the test rows." });

export const LogisticResultSchema = z
  .object({
    model: z.literal("logistic"),
    penalty: z.enum(["l2", "none"]),
    target: z.string(),
    classes: z.array(Value).meta({ description: "scikit-learn's classes_; the model gives the probability of classes[1]." }),
    positive_class: Value,
    n: z.number().int(),
    coefficients: z.array(Coefficient),
    log_likelihood: Num,
    C: z.number().optional().meta({ description: "penalty l2." }),
    confidence: z.number().optional().meta({ description: "penalty none, and what follows." }),
    df_model: z.number().optional(), df_resid: z.number().optional(), ll_null: Num.optional(), pseudo_r_squared: Num.optional(),
    llr: Num.optional(), llr_p_value: Num.optional(), aic: Num.optional(), bic: Num.optional(),
    split: Split.optional(),
    test_metrics: z
      .object({ n: z.number().int(), accuracy: Num, precision: z.number(), recall: z.number(), f1: z.number(), labels: z.array(Value), confusion_matrix: z.array(z.array(z.number().int())) })
      .optional(),
    predictions: z.array(z.object({ input: z.record(z.string(), Value), predicted_class: Value, probability: Num })).optional(),
  })
  .openapi("LogisticResult", { description: "operation logistic: scikit-learn LogisticRegression (penalty l2) or statsmodels Logit (penalty none)." });
