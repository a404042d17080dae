import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { MODEL_EXAMPLES } from "../inference/model-params";
import { TEST_EXAMPLES, TEST_NAMES } from "../inference/test-rules";
import type { ColumnType, Table } from "../table/types";
import { normalizePlan } from "./normalize-plan";
import { genericPlanJsonSchema } from "./plan-json-schema";
import { validatePlan } from "./validate-plan";

const COLUMNS: { name: string; type: ColumnType }[] = [
  { name: "age", type: "float" }, { name: "fare", type: "float" }, { name: "sex", type: "string" }, { name: "pclass", type: "integer" },
  { name: "alive", type: "boolean" }, { name: "boarded", type: "datetime" }, { name: "before", type: "float" }, { name: "after", type: "float" },
];
const TABLE: Table = {
  rowCount: 3,
  columns: [
    { name: "age", type: "float", values: Float64Array.from([22, 38, NaN]) },
    { name: "fare", type: "float", values: Float64Array.from([7.25, 71.3, 8.05]) },
    { name: "sex", type: "string", codes: Int32Array.from([0, 1, 0]), dictionary: ["male", "female"] },
    { name: "pclass", type: "integer", values: Float64Array.from([3, 1, 3]) },
    { name: "alive", type: "boolean", values: Float64Array.from([0, 1, 1]) },
    { name: "boarded", type: "datetime", values: Float64Array.from([0, 1, 2]) },
    { name: "before", type: "float", values: Float64Array.from([1, 2, 3]) },
    { name: "after", type: "float", values: Float64Array.from([1.5, 2, 2.5]) },
  ],
};
const DATASET = { columns: COLUMNS, table: TABLE };
const problems = (plan: unknown, dataset?: typeof DATASET) => validatePlan(plan, dataset).errors.map((p) => [p.path, p.code]);

describe("the JSON Schema's examples", () => {
  it("one valid plan per test and per model, named in the descriptions", () => {
    const properties = genericPlanJsonSchema().properties as Record<string, { description: string }>;
    for (const name of TEST_NAMES) {
      expect(validatePlan(TEST_EXAMPLES[name]).errors).toEqual([]);
      expect(properties.test.description).toContain(JSON.stringify(TEST_EXAMPLES[name]));
    }
    for (const plan of MODEL_EXAMPLES) {
      expect(validatePlan(plan).errors).toEqual([]);
      expect(properties.predictors.description).toContain(JSON.stringify(plan));
    }
  });
});

describe("test plans: samples named as each test takes them", () => {
  it("the reference questions validate and normalise with their defaults", () => {
    expect(validatePlan({ operation: "test", test: "shapiro", target_column: "fare" }, DATASET)).toEqual({
      plan: { operation: "test", target_column: "fare", filters: [], group_by: [], test: "shapiro", alpha: 0.05 },
      errors: [],
      warnings: [],
    });
    expect(validatePlan({ operation: "test", test: "mannwhitneyu", target_column: "age", group_column: "sex", groups: ["male", "female"] }, DATASET).plan).toEqual({
      operation: "test", target_column: "age", filters: [], group_by: [], test: "mannwhitneyu", group_column: "sex", groups: ["male", "female"],
      alpha: 0.05, alternative: "two-sided",
    });
  });

  it("a missing sample field says how the test names its samples", () => {
    expect(validatePlan({ operation: "test", test: "ttest_ind", target_column: "age" }).errors).toEqual([
      {
        path: "plan.group_column",
        code: "missing_field",
        message: "ttest_ind needs group_column: ttest_ind: name the two samples with target_column, group_column and groups (two values of group_column), or with sample_columns (two columns)",
      },
      {
        path: "plan.groups",
        code: "missing_field",
        message: "ttest_ind needs groups: ttest_ind: name the two samples with target_column, group_column and groups (two values of group_column), or with sample_columns (two columns)",
      },
    ]);
    expect(problems({ operation: "test" })).toEqual([["plan.test", "missing_field"]]);
    expect(problems({ operation: "test", test: "shapiro" })).toEqual([["plan.target_column", "missing_field"]]);
    expect(problems({ operation: "test", test: "ttest_rel", target_column: "before" })).toEqual([["plan.sample_columns", "missing_field"], ["plan.target_column", "not_applicable"]]);
    expect(problems({ operation: "test", test: "kendalltau", x_axis: "age" })).toEqual([["plan.y_axis", "missing_field"]]);
  });

  it("fields of another form, parameters of another test and too many samples are errors", () => {
    expect(problems({ operation: "test", test: "ttest_ind", target_column: "age", group_column: "sex", groups: ["male", "female"], sample_columns: ["before", "after"] }))
      .toEqual([["plan.sample_columns", "not_applicable"]]);
    expect(problems({ operation: "test", test: "ttest_ind", sample_columns: ["before", "after"], target_column: "age" })).toEqual([["plan.target_column", "not_applicable"]]);
    expect(problems({ operation: "test", test: "mannwhitneyu", sample_columns: ["age", "fare", "before"] })).toEqual([["plan.sample_columns", "too_many"]]);
    expect(problems({ operation: "test", test: "ttest_ind", target_column: "age", group_column: "pclass", groups: [1, 2, 3] })).toEqual([["plan.groups", "too_many"]]);
    expect(validatePlan({ operation: "test", test: "mannwhitneyu", sample_columns: ["age", "fare"], equal_var: false }).errors).toEqual([
      { path: "plan.equal_var", code: "not_applicable", message: "equal_var does not apply to mannwhitneyu; remove it (mannwhitneyu takes alternative and alpha)" },
    ]);
    expect(problems({ operation: "test", test: "f_oneway", sample_columns: ["age", "fare"], alternative: "less" })).toEqual([["plan.alternative", "not_applicable"]]);
    expect(problems({ operation: "test", test: "ttest_1samp", target_column: "age" })).toEqual([["plan.popmean", "missing_field"]]);
    expect(problems({ operation: "test", test: "shapiro", target_column: "age", group_by: ["sex"] })).toEqual([["plan.group_by", "not_applicable"]]);
  });

  it("a misspelt or other name of a test is an invalid value suggesting the scipy name", () => {
    expect(validatePlan({ operation: "test", test: "shapiro-wilk", target_column: "age" }).errors).toEqual([
      { path: "plan.test", code: "invalid_value", message: expect.stringContaining("test must be one of shapiro, normaltest"), suggestion: "shapiro" },
    ]);
    const suggested = (name: string) => validatePlan({ operation: "test", test: name, target_column: "age" }).errors[0].suggestion;
    expect(["t-test", "ANOVA", "Kruskal-Wallis", "chi2", "Mann-Whitney", "Shapiro", "kendall"].map(suggested)).toEqual([
      "ttest_ind", "f_oneway", "kruskal", "chi2_contingency", "mannwhitneyu", "shapiro", "kendalltau",
    ]);
  });

  it("duplicates and proportions that do not sum to 1", () => {
    expect(problems({ operation: "test", test: "kruskal", sample_columns: ["age", "fare", "age"] })).toEqual([["plan.sample_columns[2]", "duplicate_column"]]);
    expect(problems({ operation: "test", test: "kruskal", target_column: "age", group_column: "sex", groups: ["male", "female", "male"] })).toEqual([["plan.groups[2]", "duplicate_value"]]);
    expect(validatePlan({ operation: "test", test: "chisquare", target_column: "sex", expected_proportions: [{ value: "male", proportion: 0.5 }, { value: "female", proportion: 0.4 }] }).errors).toEqual([
      { path: "plan.expected_proportions", code: "invalid_value", message: "The expected proportions must sum to 1; they sum to 0.9" },
    ]);
  });

  it("against the dataset: columns, types, group values", () => {
    expect(problems({ operation: "test", test: "shapiro", target_column: "sex" }, DATASET)).toEqual([["plan.target_column", "incompatible_type"]]);
    expect(problems({ operation: "test", test: "chisquare", target_column: "sex" }, DATASET)).toEqual([]);
    expect(problems({ operation: "test", test: "chi2_contingency", target_column: "sex", group_column: "boarded" }, DATASET)).toEqual([]);
    expect(validatePlan({ operation: "test", test: "ttest_ind", target_column: "age", group_column: "Sex", groups: ["male", "female"] }, DATASET).errors).toEqual([
      { path: "plan.group_column", code: "unknown_column", message: 'No column named "Sex"', suggestion: "sex" },
    ]);
    expect(validatePlan({ operation: "test", test: "mannwhitneyu", target_column: "age", group_column: "sex", groups: ["male", "Female"] }, DATASET).errors).toEqual([
      { path: "plan.groups[1]", code: "unknown_value", message: '"Female" never occurs in "sex": that group would have no rows', suggestion: "female" },
    ]);
    expect(problems({ operation: "test", test: "ttest_ind", target_column: "age", group_column: "pclass", groups: [1, 2] }, DATASET)).toEqual([["plan.groups[1]", "unknown_value"]]);
    expect(problems({ operation: "test", test: "ttest_ind", target_column: "age", group_column: "pclass", groups: ["1", 1] }, DATASET)).toEqual([["plan.groups[1]", "duplicate_value"]]);
    expect(problems({ operation: "test", test: "ttest_ind", target_column: "age", group_column: "pclass", groups: ["first", 3] }, DATASET)).toEqual([["plan.groups[0]", "uncoercible_value"]]);
    expect(problems({ operation: "test", test: "ttest_ind", target_column: "age", group_column: "alive", groups: [true, "false"] }, DATASET)).toEqual([]);
    expect(problems({ operation: "test", test: "ttest_rel", sample_columns: ["before", "sex"] }, DATASET)).toEqual([["plan.sample_columns[1]", "incompatible_type"]]);
    expect(problems({ operation: "test", test: "ttest_rel", sample_columns: ["before", "afterr"] }, DATASET)).toEqual([["plan.sample_columns[1]", "unknown_column"]]);
    expect(problems({ operation: "test", test: "kendalltau", x_axis: "age", y_axis: "sex" }, DATASET)).toEqual([["plan.y_axis", "incompatible_type"]]);
    expect(problems({ operation: "test", test: "chisquare", target_column: "pclass", expected_proportions: [{ value: "x", proportion: 1 }] }, DATASET)).toEqual([
      ["plan.expected_proportions[0].value", "uncoercible_value"],
    ]);
  });

  it("with steps, a group that the steps may create is not looked up in the dataset", () => {
    const plan = { operation: "test", test: "ttest_ind", target_column: "age", group_column: "sex", groups: ["male", "unknown"], steps: [{ fill_missing: { columns: ["sex"], method: "value", value: "unknown" } }] };
    expect(problems(plan, DATASET)).toEqual([]);
  });

  it("normalises the defaults of the parameters each test takes, and nothing else", () => {
    const base = { operation: "test", filters: [], group_by: [] };
    expect(validatePlan({ operation: "test", test: "ttest_ind", sample_columns: ["age", "fare"] }).plan).toEqual({ ...base, test: "ttest_ind", sample_columns: ["age", "fare"], alpha: 0.05, alternative: "two-sided", equal_var: true });
    expect(validatePlan({ operation: "test", test: "levene", sample_columns: ["age", "fare"], alpha: 0.01 }).plan).toEqual({ ...base, test: "levene", sample_columns: ["age", "fare"], alpha: 0.01, center: "median" });
    expect(validatePlan({ operation: "test", test: "kstest", target_column: "age", alternative: "less" }).plan).toEqual({ ...base, target_column: "age", test: "kstest", alpha: 0.05, alternative: "less" });
  });

  it("charts: each test draws what suits it, the rest is chart_unsupported", () => {
    const chart = (plan: object, chart_type: string) => validatePlan({ operation: "test", ...plan, chart_type }).errors.map((e) => e.code);
    const shapiro = { test: "shapiro", target_column: "age" };
    expect(["scatter", "box", "histogram"].map((c) => chart(shapiro, c))).toEqual([[], [], []]);
    expect(chart(shapiro, "heatmap")).toEqual(["chart_unsupported"]);
    expect(chart({ test: "kruskal", target_column: "age", group_column: "sex" }, "box")).toEqual([]);
    expect(chart({ test: "kruskal", target_column: "age", group_column: "sex" }, "scatter")).toEqual(["chart_unsupported"]);
    expect(chart({ test: "chi2_contingency", target_column: "alive", group_column: "sex" }, "heatmap")).toEqual([]);
    expect(chart({ test: "chisquare", target_column: "sex" }, "bar")).toEqual([]);
    expect(chart({ test: "kendalltau", x_axis: "age", y_axis: "fare" }, "scatter")).toEqual([]);
    expect(chart({ test: "wilcoxon", sample_columns: ["before", "after"] }, "histogram")).toEqual(["chart_unsupported"]);
    expect(chart(shapiro, "line")).toEqual(["chart_unsupported"]);
  });
});

describe("model plans", () => {
  const ols = { operation: "ols", target_column: "fare" };
  it("normalise predictors, the split and the logistic penalty's parameter", () => {
    expect(validatePlan({ ...ols, predictors: ["age", { column: "pclass", categorical: true }, { column: "sex", categorical: false }], split: { random_state: 42 } }, DATASET).plan).toEqual({
      operation: "ols", target_column: "fare", filters: [], group_by: [], confidence: 0.95,
      predictors: ["age", { column: "pclass", categorical: true }, "sex"], fit_intercept: true, split: { test_size: 0.25, random_state: 42, shuffle: true },
    });
    expect(validatePlan({ operation: "logistic", target_column: "alive", predictors: ["age"] }).plan).toMatchObject({ penalty: "l2", C: 1 });
    expect(validatePlan({ operation: "logistic", target_column: "alive", predictors: ["age"], penalty: "none" }).plan).toMatchObject({ penalty: "none", confidence: 0.95 });
    expect(validatePlan({ operation: "logistic", target_column: "alive", predictors: ["age"], penalty: "none" }).plan).not.toHaveProperty("C");
  });

  it("refuses what would not be reproducible or cannot be coded", () => {
    expect(problems({ ...ols, predictors: ["age", "age"] })).toEqual([["plan.predictors[1]", "duplicate_column"]]);
    expect(problems({ ...ols, predictors: ["age", { column: "fare" }] })).toEqual([["plan.predictors[1].column", "duplicate_column"]]);
    expect(validatePlan({ ...ols, predictors: ["age"], split: { test_size: 0.2 } }).errors).toEqual([
      { path: "plan.split.random_state", code: "missing_field", message: "A shuffled split needs random_state (an integer seed, e.g. 42) to be reproducible; or set shuffle to false" },
    ]);
    expect(problems({ ...ols, predictors: ["age"], split: { test_size: 0.2, shuffle: false } })).toEqual([]);
    expect(problems({ ...ols, predictors: ["age"], split: { test_size: 1.5, random_state: 1 } })).toEqual([["plan.split.test_size", "out_of_range"]]);
    expect(validatePlan({ ...ols, predictors: ["age", "sex"], predict: [{ age: 30, sexx: "male" }] }).errors).toEqual([
      { path: "plan.predict[0]", code: "missing_field", message: 'Input 1 needs a value for every predictor; it has none for "sex"' },
      { path: "plan.predict[0].sexx", code: "not_applicable", message: '"sexx" is not a predictor of this model; remove it (predictors: "age", "sex")', suggestion: "sex" },
    ]);
    expect(problems({ operation: "logistic", target_column: "alive", predictors: ["age"], penalty: "none", C: 2 })).toEqual([["plan.C", "not_applicable"]]);
    expect(problems({ operation: "logistic", target_column: "alive", predictors: ["age"], confidence: 0.9 })).toEqual([["plan.confidence", "not_applicable"]]);
    expect(problems({ operation: "ols", predictors: ["age"] })).toEqual([["plan.target_column", "missing_field"]]);
    expect(problems({ operation: "ols", target_column: "fare" })).toEqual([["plan.predictors", "missing_field"]]);
  });

  it("against the dataset: predictor columns and types, the target's type, input values", () => {
    expect(validatePlan({ ...ols, predictors: ["Age"] }, DATASET).errors).toEqual([{ path: "plan.predictors[0]", code: "unknown_column", message: 'No column named "Age"', suggestion: "age" }]);
    expect(problems({ ...ols, predictors: ["boarded"] }, DATASET)).toEqual([["plan.predictors[0]", "incompatible_type"]]);
    expect(problems({ operation: "ols", target_column: "sex", predictors: ["age"] }, DATASET)).toEqual([["plan.target_column", "incompatible_type"]]);
    expect(problems({ operation: "logistic", target_column: "sex", predictors: ["age"] }, DATASET)).toEqual([]);
    expect(problems({ operation: "logistic", target_column: "boarded", predictors: ["age"] }, DATASET)).toEqual([["plan.target_column", "incompatible_type"]]);
    expect(problems({ ...ols, predictors: ["age", "sex", "alive"], predict: [{ age: "30", sex: 1, alive: "yes" }] }, DATASET)).toEqual([
      ["plan.predict[0].age", "uncoercible_value"], ["plan.predict[0].sex", "uncoercible_value"], ["plan.predict[0].alive", "uncoercible_value"],
    ]);
  });

  it("charts: ols draws predicted against actual, logistic its confusion matrix", () => {
    const chart = (plan: object, chart_type: string) => validatePlan({ ...plan, chart_type }).errors.map((e) => e.code);
    expect(chart({ ...ols, predictors: ["age"] }, "scatter")).toEqual([]);
    expect(chart({ ...ols, predictors: ["age"] }, "bar")).toEqual(["chart_unsupported"]);
    expect(chart({ operation: "logistic", target_column: "alive", predictors: ["age"] }, "heatmap")).toEqual([]);
    expect(chart({ operation: "logistic", target_column: "alive", predictors: ["age"] }, "scatter")).toEqual(["chart_unsupported"]);
  });
});

// Property: a valid test or model plan normalises idempotently and re-validates to itself.
const column = fc.constantFrom("age", "fare", "sex", "pclass", "before", "after", "alive");
const testPlan = fc.record(
  {
    operation: fc.constant("test"),
    test: fc.constantFrom(...TEST_NAMES),
    target_column: column,
    group_column: column,
    groups: fc.uniqueArray(fc.constantFrom<string | number | boolean>("male", "female", 1, 3, true), { minLength: 2, maxLength: 3 }),
    sample_columns: fc.uniqueArray(column, { minLength: 2, maxLength: 3 }),
    x_axis: column,
    y_axis: column,
    alpha: fc.constantFrom(0.01, 0.05),
    alternative: fc.constantFrom("less", "greater"),
    popmean: fc.constantFrom(0, 30),
    equal_var: fc.boolean(),
    center: fc.constantFrom("mean", "trimmed"),
  },
  { requiredKeys: ["operation", "test"] },
);
const modelPlan = fc.record(
  {
    operation: fc.constantFrom("ols", "logistic"),
    target_column: column,
    predictors: fc.uniqueArray(fc.oneof(column, fc.record({ column, categorical: fc.boolean() })), { minLength: 1, maxLength: 3, selector: (p) => (typeof p === "string" ? p : p.column) }),
    fit_intercept: fc.boolean(),
    split: fc.record({ test_size: fc.constantFrom(0.2, 10), random_state: fc.constantFrom(0, 42), shuffle: fc.boolean() }, { requiredKeys: [] }),
    penalty: fc.constantFrom("l2", "none"),
    C: fc.constantFrom(0.5, 2),
    confidence: fc.constantFrom(0.9, 0.99),
  },
  { requiredKeys: ["operation", "target_column", "predictors"] },
);

describe("valid test and model plans round-trip", () => {
  test.prop([fc.oneof(testPlan, modelPlan)], { numRuns: 2000 })("normalisation is idempotent and the stored plan re-validates to itself", (value) => {
    for (const dataset of [undefined, DATASET]) {
      const { plan, warnings } = validatePlan(value, dataset);
      if (plan === null) continue;
      expect(normalizePlan(plan)).toEqual(plan);
      const again = validatePlan(JSON.parse(JSON.stringify(plan)), dataset);
      expect(JSON.stringify(again.plan)).toBe(JSON.stringify(plan));
      expect(again.warnings).toEqual(warnings);
    }
  });
});
