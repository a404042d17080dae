import { describe, expect, it } from "vitest";
import { canonicalPlanJson, normalizePlan } from "./normalize-plan";
import { PlanSchema, type ParsedPlan } from "./plan-schema";

const parse = (input: unknown): ParsedPlan => PlanSchema.parse(input);

describe("normalizePlan", () => {
  it("removes nulls, defaults the lists, orders keys", () => {
    const plan = normalizePlan(parse({ chart_type: null, target_column: "a", operation: "mean", group_by: null, x_axis: null }));
    expect(plan).toEqual({ operation: "mean", target_column: "a", filters: [], group_by: [] });
    expect(Object.keys(plan)).toEqual(["operation", "target_column", "filters", "group_by"]);
  });

  it.each([
    [{ operation: "forecast", target_column: "v", time_column: "t" }, { operation: "forecast", target_column: "v", filters: [], group_by: [], time_column: "t", horizon: 12, forecast_method: "linear", confidence: 0.95 }],
    [{ operation: "forecast", target_column: "v", time_column: "t", horizon: 3, forecast_method: "holt", confidence: 0.8 }, { operation: "forecast", target_column: "v", filters: [], group_by: [], time_column: "t", horizon: 3, forecast_method: "holt", confidence: 0.8 }],
    [{ operation: "correlation", x_axis: "x", y_axis: "y" }, { operation: "correlation", filters: [], group_by: [], x_axis: "x", y_axis: "y", method: "pearson" }],
    [{ operation: "correlation", x_axis: "x", y_axis: "y", method: "spearman" }, { operation: "correlation", filters: [], group_by: [], x_axis: "x", y_axis: "y", method: "spearman" }],
    [{ operation: "regression", x_axis: "x", y_axis: "y", confidence: null }, { operation: "regression", filters: [], group_by: [], x_axis: "x", y_axis: "y", confidence: 0.95 }],
    [{ operation: "count" }, { operation: "count", filters: [], group_by: [] }],
  ])("fills the defaults of %j", (input, expected) => {
    const plan = normalizePlan(parse(input));
    expect(plan).toEqual(expected);
    expect(Object.keys(plan)).toEqual(Object.keys(expected));
  });

  it("keeps filter values as sent, with filter keys in order", () => {
    const plan = normalizePlan(parse({ operation: "count", filters: [{ value: "5", column: "a", operator: ">" }] }));
    expect(plan.filters).toEqual([{ column: "a", operator: ">", value: "5" }]);
    expect(Object.keys(plan.filters[0])).toEqual(["column", "operator", "value"]);
  });

  it("is idempotent and does not share arrays with its input", () => {
    const input = parse({ operation: "sum", target_column: "a", group_by: ["g"], filters: [{ column: "a", operator: "==", value: 1 }] });
    const once = normalizePlan(input);
    expect(normalizePlan(once)).toEqual(once);
    once.group_by.push("h");
    expect(input.group_by).toEqual(["g"]);
  });

  it("removes nothing but nulls: an inapplicable field stays (validatePlan reports it)", () => {
    expect(normalizePlan(parse({ operation: "count", horizon: 5 }))).toEqual({ operation: "count", filters: [], group_by: [], horizon: 5 });
  });
});

describe("canonicalPlanJson", () => {
  it("sorts keys at every depth and has no whitespace", () => {
    const plan = normalizePlan(parse({ operation: "count", filters: [{ column: "b", operator: "==", value: "x y" }], group_by: ["z", "a"] }));
    expect(canonicalPlanJson(plan)).toBe('{"filters":[{"column":"b","operator":"==","value":"x y"}],"group_by":["z","a"],"operation":"count"}');
  });

  it("is independent of the order keys arrived in", () => {
    const a = normalizePlan(parse({ operation: "forecast", target_column: "v", time_column: "t", horizon: 5 }));
    const b = normalizePlan(parse({ horizon: 5, time_column: "t", target_column: "v", operation: "forecast" }));
    expect(canonicalPlanJson(a)).toBe(canonicalPlanJson(b));
    expect(canonicalPlanJson(a)).toBe('{"confidence":0.95,"filters":[],"forecast_method":"linear","group_by":[],"horizon":5,"operation":"forecast","target_column":"v","time_column":"t"}');
  });

  it("distinguishes plans that differ (filter order is meaningful for provenance steps)", () => {
    const f1 = { column: "a", operator: ">", value: 1 };
    const f2 = { column: "b", operator: "<", value: 2 };
    const a = normalizePlan(parse({ operation: "count", filters: [f1, f2] }));
    const b = normalizePlan(parse({ operation: "count", filters: [f2, f1] }));
    expect(canonicalPlanJson(a)).not.toBe(canonicalPlanJson(b));
  });

  it("escapes strings exactly as JSON.stringify and round-trips through JSON.parse", () => {
    const plan = normalizePlan(parse({ operation: "count", filters: [{ column: '"\u2028\n__proto__', operator: "==", value: "\u0000é😀" }] }));
    expect(JSON.parse(canonicalPlanJson(plan))).toEqual(plan);
  });
});
