import { describe, expect, it } from "vitest";
import { OPERATION_RULES, PLAN_FIELDS } from "./operation-rules";
import { OPERATIONS, type Operation } from "./plan-schema";
import { validatePlan } from "./validate-plan";

/** A value for every field that passes the schema, so only the operation rules can object. */
const SAMPLE: Record<(typeof PLAN_FIELDS)[number], unknown> = {
  target_column: "t",
  filters: [{ column: "f", operator: "==", value: 1 }],
  // Two columns: crosstab takes exactly two, every other grouped operation any number up to three.
  group_by: ["g", "h"],
  x_axis: "x",
  y_axis: "y",
  time_column: "time",
  chart_type: "bar",
  horizon: 3,
  forecast_method: "holt",
  method: "spearman",
  confidence: 0.9,
  aggregations: [{ op: "mean", column: "m" }],
  normalize: true,
  dropna: false,
  percentiles: [0.1, 0.9],
  margins: true,
  columns: ["c"],
  offset: 5,
  test: "shapiro",
  group_column: "g",
  groups: ["a", "b"],
  sample_columns: ["a", "b"],
  alpha: 0.01,
  alternative: "less",
  popmean: 3,
  equal_var: false,
  center: "mean",
  expected_proportions: [{ value: "a", proportion: 1 }],
  predictors: ["p"],
  fit_intercept: false,
  split: { test_size: 0.2, random_state: 1 },
  predict: [{ p: 1 }],
  penalty: "none",
  C: 2,
};

/** Operations whose own checks (per test, per model) need more than the rule's required fields. */
const COMPLETE: Partial<Record<Operation, Record<string, unknown>>> = { test: { test: "shapiro", target_column: "t" } };

function minimalPlan(operation: Operation): Record<string, unknown> {
  const plan: Record<string, unknown> = { operation, ...COMPLETE[operation] };
  for (const field of OPERATION_RULES[operation].required) plan[field] ??= SAMPLE[field];
  return plan;
}

describe("per-operation fields", () => {
  it.each(OPERATIONS)("%s: the minimal plan validates", (operation) => {
    expect(validatePlan(minimalPlan(operation)).errors).toEqual([]);
  });

  it.each([
    ["mean", "target_column"], ["sum", "target_column"], ["min", "target_column"], ["max", "target_column"],
    ["std", "target_column"], ["median", "target_column"], ["correlation", "x_axis"], ["correlation", "y_axis"],
    ["regression", "x_axis"], ["regression", "y_axis"], ["forecast", "target_column"], ["forecast", "time_column"],
  ] as const)("%s without %s is missing_field", (operation, field) => {
    const plan = minimalPlan(operation);
    delete plan[field];
    expect(validatePlan(plan)).toEqual({
      plan: null,
      errors: [{ path: `plan.${field}`, code: "missing_field", message: `${operation} needs ${field}` }],
      warnings: [],
    });
  });

  it("null counts as absent for required fields", () => {
    expect(validatePlan({ operation: "mean", target_column: null }).errors).toEqual([
      { path: "plan.target_column", code: "missing_field", message: "mean needs target_column" },
    ]);
  });

  it("count needs nothing and takes an optional target", () => {
    expect(validatePlan({ operation: "count" }).errors).toEqual([]);
    expect(validatePlan({ operation: "count", target_column: "a" }).errors).toEqual([]);
  });

  // Every (operation, field) pair: the field is accepted exactly when the rule table lists it.
  const pairs = OPERATIONS.flatMap((operation) => PLAN_FIELDS.map((field) => [operation, field] as const));
  it.each(pairs)("%s with %s: accepted iff applicable", (operation, field) => {
    const rule = OPERATION_RULES[operation];
    const plan = { ...minimalPlan(operation), [field]: SAMPLE[field] };
    const applicable = rule.required.includes(field) || rule.optional.includes(field);
    // chart_type applies to every operation; whether its chart can draw the result (describe, rows: never) is another check.
    const errors = validatePlan(plan).errors.filter((e) => e.code !== "chart_unsupported");
    // Tests and models check their own fields further (a test's parameters, C only with penalty l2): here only
    // the rule table is judged, which never calls an applicable field inapplicable.
    if (applicable && ["test", "ols", "logistic"].includes(operation)) expect(errors.filter((e) => e.message.startsWith(`${field} does not apply to ${operation}`))).toEqual([]);
    else if (applicable) expect(errors).toEqual([]);
    else expect(errors).toEqual([{ path: `plan.${field}`, code: "not_applicable", message: expect.stringMatching(new RegExp(`^${field} does not apply to ${operation}; remove it`)) }]);
  });

  it("not_applicable names what the operation takes (exact body)", () => {
    expect(validatePlan({ operation: "mean", target_column: "a", horizon: 3 }).errors).toEqual([
      { path: "plan.horizon", code: "not_applicable", message: "horizon does not apply to mean; remove it (mean needs target_column; also accepts filters, chart_type, group_by)" },
    ]);
    expect(validatePlan({ operation: "forecast", target_column: "a", time_column: "t", group_by: ["g"] }).errors).toEqual([
      { path: "plan.group_by", code: "not_applicable", message: "group_by does not apply to forecast; remove it (forecast needs target_column, time_column; also accepts filters, chart_type, horizon, forecast_method, confidence)" },
    ]);
  });

  it("null or an empty list for an inapplicable field is absent, not an error", () => {
    expect(validatePlan({ operation: "forecast", target_column: "a", time_column: "t", group_by: [], method: null }).errors).toEqual([]);
  });

  it("duplicate group_by columns are an error at the repeat", () => {
    expect(validatePlan({ operation: "count", group_by: ["a", "b", "a"] }).errors).toEqual([
      { path: "plan.group_by[2]", code: "duplicate_column", message: '"a" appears more than once in group_by' },
    ]);
  });

  it("x_axis == y_axis is a same_column warning, not an error", () => {
    expect(validatePlan({ operation: "regression", x_axis: "a", y_axis: "a" })).toEqual({
      plan: { operation: "regression", filters: [], group_by: [], x_axis: "a", y_axis: "a", confidence: 0.95 },
      errors: [],
      warnings: [{ path: "plan.y_axis", code: "same_column", message: 'x_axis and y_axis are both "a": the regression of a column with itself is trivial' }],
    });
  });

  it("reports missing and inapplicable fields together", () => {
    expect(validatePlan({ operation: "correlation", x_axis: "a", horizon: 2, forecast_method: "linear" }).errors.map((p) => [p.path, p.code])).toEqual([
      ["plan.y_axis", "missing_field"],
      ["plan.horizon", "not_applicable"],
      ["plan.forecast_method", "not_applicable"],
    ]);
  });
});
