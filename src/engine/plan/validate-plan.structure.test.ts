import { describe, expect, it } from "vitest";
import { formatPlanPath, PLAN_ERROR_CODES, PLAN_PROBLEM_CODES, PLAN_WARNING_CODES } from "./plan-problems";
import { validatePlan } from "./validate-plan";

const PLAN_KEYS =
  "operation, target_column, filters, group_by, x_axis, y_axis, time_column, chart_type, horizon, forecast_method, method, confidence, " +
  "aggregations, normalize, dropna, percentiles, margins, columns, offset, " +
  "test, group_column, groups, sample_columns, alpha, alternative, popmean, equal_var, center, expected_proportions, " +
  "predictors, fit_intercept, split, predict, penalty, C, steps, having, sort, limit";
const OPERATIONS =
  "mean, sum, count, min, max, std, median, correlation, regression, forecast, aggregate, value_counts, describe, crosstab, rows, argmax, argmin, test, ols, logistic";

/** Only the errors: structural failures never carry a plan or warnings. */
function errorsOf(input: unknown) {
  const result = validatePlan(input);
  expect(result.plan).toBeNull();
  expect(result.warnings).toEqual([]);
  return result.errors;
}

describe("structural errors (zod issues -> stable codes)", () => {
  it("unknown_key names the key, at the key's path, with the closest allowed key", () => {
    expect(errorsOf({ operation: "mean", target_column: "a", groupby: ["b"], colour: 1 })).toEqual([
      { path: "plan.groupby", code: "unknown_key", message: `Unknown key "groupby"; allowed keys: ${PLAN_KEYS}`, suggestion: "group_by" },
      { path: "plan.colour", code: "unknown_key", message: `Unknown key "colour"; allowed keys: ${PLAN_KEYS}` },
    ]);
  });

  it("unknown_key inside a filter, and keys that are not identifiers are bracket-quoted", () => {
    expect(errorsOf({ operation: "count", filters: [{ column: "a", operator: "==", value: 1, "a.b": 2 }] })).toEqual([
      { path: 'plan.filters[0]["a.b"]', code: "unknown_key", message: 'Unknown key "a.b"; allowed keys: column, operator, value, case_sensitive' },
    ]);
  });

  it("a __proto__ key from JSON.parse is an ordinary unknown key", () => {
    expect(errorsOf(JSON.parse('{"operation":"count","__proto__":{"x":1}}'))).toEqual([
      { path: "plan.__proto__", code: "unknown_key", message: `Unknown key "__proto__"; allowed keys: ${PLAN_KEYS}` },
    ]);
  });

  it("required: a missing operation, a missing filter field", () => {
    expect(errorsOf({})).toEqual([{ path: "plan.operation", code: "required", message: "operation is required" }]);
    expect(errorsOf({ operation: "count", filters: [{ column: "a", value: 1 }] })).toEqual([
      { path: "plan.filters[0].operator", code: "required", message: "filters[0].operator is required" },
    ]);
  });

  it("invalid_type: the plan itself, a field, an integer, a filter value", () => {
    expect(errorsOf([])).toEqual([{ path: "plan", code: "invalid_type", message: "A plan must be a JSON object, got an array" }]);
    expect(errorsOf(null)).toEqual([{ path: "plan", code: "invalid_type", message: "A plan must be a JSON object, got null" }]);
    expect(errorsOf("mean")).toEqual([{ path: "plan", code: "invalid_type", message: 'A plan must be a JSON object, got "mean"' }]);
    expect(errorsOf({ operation: "mean", target_column: 5 })).toEqual([
      { path: "plan.target_column", code: "invalid_type", message: "target_column must be a string, got 5" },
    ]);
    expect(errorsOf({ operation: "forecast", horizon: 1.5 })).toEqual([
      { path: "plan.horizon", code: "invalid_type", message: "horizon must be an integer, got 1.5" },
    ]);
    expect(errorsOf({ operation: "count", filters: [{ column: "a", operator: "==", value: { $gt: 1 } }] })).toEqual([
      { path: "plan.filters[0].value", code: "invalid_type", message: "filters[0].value must be a string, number or boolean, got an object" },
    ]);
    expect(errorsOf({ operation: "count", filters: [1] })).toEqual([
      { path: "plan.filters[0]", code: "invalid_type", message: "filters[0] must be an object, got 1" },
    ]);
  });

  it("invalid_value lists the allowed values and suggests the closest", () => {
    expect(errorsOf({ operation: "Mean" })).toEqual([
      { path: "plan.operation", code: "invalid_value", message: `operation must be one of ${OPERATIONS}; got "Mean"`, suggestion: "mean" },
    ]);
    expect(errorsOf({ operation: "average" })).toEqual([
      { path: "plan.operation", code: "invalid_value", message: `operation must be one of ${OPERATIONS}; got "average"` },
    ]);
    expect(errorsOf({ operation: "count", filters: [{ column: "a", operator: "=", value: 1 }] })).toEqual([
      { path: "plan.filters[0].operator", code: "invalid_value", message: "filters[0].operator must be one of ==, !=, >, <, >=, <=, in, not_in, between, is_null, not_null, contains, starts_with, ends_with; got \"=\"" },
    ]);
  });

  it("too_many: arrays over their maximum", () => {
    expect(errorsOf({ operation: "count", group_by: ["a", "b", "c", "d"] })).toEqual([
      { path: "plan.group_by", code: "too_many", message: "group_by takes at most 3 items, got 4" },
    ]);
    const filters = Array.from({ length: 21 }, () => ({ column: "a", operator: "==", value: 1 }));
    expect(errorsOf({ operation: "count", filters })).toEqual([
      { path: "plan.filters", code: "too_many", message: "filters takes at most 20 items, got 21" },
    ]);
  });

  it("out_of_range: inclusive and exclusive bounds", () => {
    expect(errorsOf({ operation: "forecast", horizon: 366 })).toEqual([
      { path: "plan.horizon", code: "out_of_range", message: "horizon must be at most 365, got 366" },
    ]);
    expect(errorsOf({ operation: "forecast", horizon: 0 })).toEqual([
      { path: "plan.horizon", code: "out_of_range", message: "horizon must be at least 1, got 0" },
    ]);
    expect(errorsOf({ operation: "regression", confidence: 1 })).toEqual([
      { path: "plan.confidence", code: "out_of_range", message: "confidence must be less than 1, got 1" },
    ]);
    expect(errorsOf({ operation: "regression", confidence: 0 })).toEqual([
      { path: "plan.confidence", code: "out_of_range", message: "confidence must be greater than 0, got 0" },
    ]);
  });

  it("too_long and too_short: strings", () => {
    expect(errorsOf({ operation: "mean", target_column: "x".repeat(1025) })).toEqual([
      { path: "plan.target_column", code: "too_long", message: "target_column takes at most 1024 characters, got 1025" },
    ]);
    expect(errorsOf({ operation: "count", filters: [{ column: "a", operator: "==", value: "x".repeat(65537) }] })).toEqual([
      { path: "plan.filters[0].value", code: "too_long", message: "filters[0].value takes at most 65536 characters, got 65537" },
    ]);
    expect(errorsOf({ operation: "mean", target_column: "" })).toEqual([
      { path: "plan.target_column", code: "too_short", message: "target_column must not be empty" },
    ]);
    expect(errorsOf({ operation: "count", group_by: [""] })).toEqual([
      { path: "plan.group_by[0]", code: "too_short", message: "group_by[0] must not be empty" },
    ]);
  });

  it("reports every structural problem at once, in schema order", () => {
    expect(errorsOf({ operation: "nope", horizon: "12", extra: true }).map((p) => [p.path, p.code])).toEqual([
      ["plan.operation", "invalid_value"],
      ["plan.horizon", "invalid_type"],
      ["plan.extra", "unknown_key"],
    ]);
  });
});

describe("problem codes and paths", () => {
  it("the code lists are fixed and disjoint", () => {
    expect(PLAN_ERROR_CODES).toEqual([
      "unknown_key", "required", "invalid_type", "invalid_value", "too_many", "too_long", "too_short", "out_of_range", "invalid",
      "missing_field", "not_applicable", "duplicate_column", "duplicate_name", "unknown_column", "incompatible_type", "uncoercible_value", "chart_unsupported",
      "syntax_error", "unknown_operator", "ambiguous_expression", "empty_expression", "expression_too_long",
      "expression_too_large", "expression_too_deep", "unknown_function", "invalid_argument", "unknown_value", "duplicate_value",
    ]);
    expect(PLAN_WARNING_CODES).toEqual(["same_column", "value_not_found", "chart_mismatch", "contradictory_filters"]);
    expect(new Set(PLAN_PROBLEM_CODES).size).toBe(PLAN_PROBLEM_CODES.length);
  });

  it("formats paths rooted at plan", () => {
    expect(formatPlanPath([])).toBe("plan");
    expect(formatPlanPath(["filters", 0, "column"])).toBe("plan.filters[0].column");
    expect(formatPlanPath(["group_by", 2])).toBe("plan.group_by[2]");
    expect(formatPlanPath(["a b"])).toBe('plan["a b"]');
    expect(formatPlanPath(['x"]'])).toBe('plan["x\\"]"]');
  });
});
