import { describe, expect, it } from "vitest";
import type { ColumnType } from "../table/types";
import { validatePlan } from "./validate-plan";

/** Validation of the results part of plan v2: aggregations, period group_by, having/sort/limit and the new operations. */
const COLUMNS: { name: string; type: ColumnType }[] = [
  { name: "store", type: "string" }, { name: "price", type: "float" }, { name: "qty", type: "integer" },
  { name: "day", type: "datetime" }, { name: "member", type: "boolean" }, { name: "value", type: "string" },
];
const check = (plan: unknown) => validatePlan(plan, { columns: COLUMNS });
const errorsOf = (plan: unknown) => check(plan).errors;
const aggregate = (aggregations: unknown[], fields: Record<string, unknown> = {}) => ({ operation: "aggregate", aggregations, ...fields });

describe("aggregations", () => {
  it("normalises each aggregation: its name, and its parameters with their defaults", () => {
    const plan = check(aggregate([
      { column: "price", op: "quantile", q: 0.25 }, { op: "std", column: "qty" }, { op: "count" },
      { op: "quantile", column: "price", q: 0.9, interpolation: "nearest" }, { op: "var", column: "price", ddof: 0 }, { op: "mean", column: "price", as: "avg" },
    ])).plan;
    expect(plan?.aggregations).toEqual([
      { op: "quantile", column: "price", as: "quantile_0.25_price", q: 0.25, interpolation: "linear" },
      { op: "std", column: "qty", as: "std_qty", ddof: 1 },
      { op: "count", as: "count" },
      { op: "quantile", column: "price", as: "quantile_0.9_nearest_price", q: 0.9, interpolation: "nearest" },
      { op: "var", column: "price", as: "var_ddof0_price", ddof: 0 },
      { op: "mean", column: "price", as: "avg" },
    ]);
    expect(Object.keys((plan!.aggregations as object[])[0])).toEqual(["op", "column", "as", "q", "interpolation"]);
  });

  it("needs a column except for count, and takes ddof, q and interpolation only where they apply", () => {
    expect(errorsOf(aggregate([{ op: "mean" }, { op: "median", column: "price", ddof: 2 }, { op: "std", column: "price", q: 0.5, interpolation: "lower" }]))).toEqual([
      { path: "plan.aggregations[0].column", code: "missing_field", message: "mean needs a column" },
      { path: "plan.aggregations[1].ddof", code: "not_applicable", message: "ddof applies to std, var and sem, not median; remove it" },
      { path: "plan.aggregations[2].q", code: "not_applicable", message: "q applies to quantile, not std; remove it" },
      { path: "plan.aggregations[2].interpolation", code: "not_applicable", message: "interpolation applies to quantile, not std; remove it" },
    ]);
  });

  it("refuses two results with one name, a name equal to a group key, and key in a grouped result", () => {
    expect(errorsOf(aggregate([{ op: "mean", column: "price" }, { op: "mean", column: "price" }, { op: "max", column: "qty", as: "mean_price" }]))).toEqual([
      { path: "plan.aggregations[1]", code: "duplicate_name", message: 'The default name "mean_price" of aggregations[1] is already the name of aggregations[0]; give this one another "as"', suggestion: "mean_price_2" },
      { path: "plan.aggregations[2].as", code: "duplicate_name", message: 'as "mean_price" is already the name of aggregations[0]; give this one another "as"', suggestion: "mean_price_2" },
    ]);
    expect(errorsOf(aggregate([{ op: "count", as: "store" }, { op: "sum", column: "qty", as: "key" }], { group_by: ["store"] }))).toEqual([
      { path: "plan.aggregations[0].as", code: "duplicate_name", message: 'as "store" is also a group_by column; give this aggregation another "as"', suggestion: "store_2" },
      { path: "plan.aggregations[1].as", code: "duplicate_name", message: '"key" names each group\'s key object in a grouped result; give this aggregation another "as"', suggestion: "key_2" },
    ]);
    // Ungrouped, "key" is an ordinary name (and so is __proto__).
    expect(errorsOf(aggregate([{ op: "sum", column: "qty", as: "key" }, { op: "count", as: "__proto__" }]))).toEqual([]);
  });

  it("checks columns against the scope after the steps: unknown with a suggestion, type the op takes", () => {
    expect(errorsOf(aggregate([{ op: "median", column: "prise" }, { op: "skew", column: "day" }, { op: "sum", column: "store" }]))).toEqual([
      { path: "plan.aggregations[0].column", code: "unknown_column", message: 'No column named "prise"', suggestion: "price" },
      { path: "plan.aggregations[1].column", code: "incompatible_type", message: 'skew takes integer, float or boolean columns; "day" is datetime' },
      { path: "plan.aggregations[2].column", code: "incompatible_type", message: 'sum takes integer, float or boolean columns; "store" is string' },
    ]);
    expect(errorsOf(aggregate([{ op: "mean", column: "revenue" }], { steps: [{ derive: { name: "revenue", expr: "price * qty" } }] }))).toEqual([]);
    // Without a dataset only what needs no columns is checked.
    expect(validatePlan(aggregate([{ op: "mean", column: "anything" }])).errors).toEqual([]);
  });

  it("suggests the op for a near miss or another tool's name", () => {
    const errors = errorsOf(aggregate([{ op: "meen", column: "price" }, { op: "avg", column: "price" }, { op: "nunique", column: "store" }, { op: "stdev", column: "price" }]));
    expect(errors.map((e) => [e.path, e.code, e.suggestion])).toEqual([
      ["plan.aggregations[0].op", "invalid_value", "mean"],
      ["plan.aggregations[1].op", "invalid_value", "mean"],
      ["plan.aggregations[2].op", "invalid_value", "count_distinct"],
      ["plan.aggregations[3].op", "invalid_value", "std"],
    ]);
  });

  it("bounds the list and its fields", () => {
    expect(errorsOf(aggregate([])).map((e) => [e.path, e.code])).toEqual([["plan.aggregations", "too_short"]]);
    expect(errorsOf(aggregate(Array.from({ length: 21 }, (_, i) => ({ op: "count", as: `c${i}` })))).map((e) => [e.path, e.code])).toEqual([["plan.aggregations", "too_many"]]);
    expect(errorsOf(aggregate([{ op: "quantile", column: "price", q: 1.5 }, { op: "std", column: "price", ddof: -1 }, { op: "mean", column: "price", colour: 1 }])).map((e) => [e.path, e.code])).toEqual([
      ["plan.aggregations[0].q", "out_of_range"],
      ["plan.aggregations[1].ddof", "out_of_range"],
      ["plan.aggregations[2].colour", "unknown_key"],
    ]);
    expect(errorsOf({ operation: "aggregate" })).toEqual([{ path: "plan.aggregations", code: "missing_field", message: "aggregate needs aggregations" }]);
    expect(errorsOf({ operation: "mean", target_column: "price", aggregations: [{ op: "count" }] }).map((e) => [e.path, e.code])).toEqual([["plan.aggregations", "not_applicable"]]);
  });
});

describe("group_by periods", () => {
  it("keeps plain names as they are and period entries in canonical order", () => {
    const plan = check({ operation: "count", group_by: ["store", { granularity: "month", column: "day" }] }).plan;
    expect(plan?.group_by).toEqual(["store", { column: "day", granularity: "month" }]);
    expect(Object.keys(plan!.group_by[1] as object)).toEqual(["column", "granularity"]);
  });

  it("needs a datetime column, suggests near names and granularities, and refuses a column twice", () => {
    expect(errorsOf({ operation: "count", group_by: [{ column: "dya", granularity: "month" }, { column: "qty", granularity: "year" }] })).toEqual([
      { path: "plan.group_by[0].column", code: "unknown_column", message: 'No column named "dya"', suggestion: "day" },
      { path: "plan.group_by[1].column", code: "incompatible_type", message: 'granularity needs a datetime column; "qty" is integer' },
    ]);
    expect(errorsOf({ operation: "count", group_by: [{ column: "day", granularity: "months" }] })).toEqual([
      { path: "plan.group_by[0].granularity", code: "invalid_value", message: expect.stringContaining("year, quarter, month, week, day, hour"), suggestion: "month" },
    ]);
    expect(errorsOf({ operation: "count", group_by: ["day", { column: "day", granularity: "week" }] })).toEqual([
      { path: "plan.group_by[1]", code: "duplicate_column", message: '"day" appears more than once in group_by' },
    ]);
  });
});

describe("having, sort and limit", () => {
  const top = { operation: "aggregate", aggregations: [{ op: "median", column: "price" }, { op: "mode", column: "store" }], group_by: ["member"] };

  it("apply to list results only", () => {
    expect(errorsOf({ operation: "mean", target_column: "price", sort: [{ column: "value", direction: "desc" }], limit: 3 })).toEqual([
      { path: "plan.sort", code: "not_applicable", message: "sort shapes the groups of a grouped result; mean without group_by gives one result; add a group_by or remove sort" },
      { path: "plan.limit", code: "not_applicable", message: "limit shapes the groups of a grouped result; mean without group_by gives one result; add a group_by or remove limit" },
    ]);
    expect(errorsOf({ operation: "describe", target_column: "price", limit: 3 })).toEqual([
      { path: "plan.limit", code: "not_applicable", message: "limit does not apply to describe: it shapes grouped results, value_counts and rows; remove it" },
    ]);
    expect(errorsOf({ operation: "rows", having: [{ column: "qty", operator: ">", value: 1 }] })).toEqual([
      { path: "plan.having", code: "not_applicable", message: "having does not apply to rows; select rows with filters or a filter step instead" },
    ]);
    // Empty lists and null mean absent.
    expect(errorsOf({ operation: "mean", target_column: "price", having: [], sort: null, limit: null })).toEqual([]);
  });

  it("name a result column: a group key or a field, not a list", () => {
    expect(errorsOf({ ...top, sort: [{ column: "medain_price", direction: "desc" }, { column: "mode_store", direction: "asc" }] })).toEqual([
      { path: "plan.sort[0].column", code: "unknown_column", message: 'No result column named "medain_price"; the result has "member", "median_price", "mode_store"', suggestion: "median_price" },
      { path: "plan.sort[1].column", code: "incompatible_type", message: '"mode_store" holds a list of values (every mode) and cannot be sorted' },
    ]);
    expect(errorsOf({ ...top, sort: [{ column: "median", direction: "desc" }] }).map((e) => e.suggestion)).toEqual(["median_price"]);
    expect(errorsOf({ operation: "mean", target_column: "price", group_by: ["value"], sort: [{ column: "value", direction: "asc" }] })).toEqual([
      { path: "plan.sort[0].column", code: "invalid_value", message: '"value" is both a group_by column and a result field; use the aggregate operation with another name (as) to tell them apart' },
    ]);
    expect(errorsOf({ ...top, sort: [{ column: "member", direction: "desc" }], having: [{ any: [{ column: "median_price", operator: ">", value: 3 }, { column: "member", operator: "==", value: true }] }] })).toEqual([]);
  });

  it("having: operator value shapes, and values that coerce to the result column's type", () => {
    expect(errorsOf({ ...top, having: [{ column: "median_price", operator: "between", value: 3 }, { column: "median_price", operator: ">", value: "cheap" }, { column: "member", operator: "contains", value: "t" }] })).toEqual([
      { path: "plan.having[0].value", code: "invalid_type", message: "having[0].value must be a list for between, e.g. [10, 20]" },
      { path: "plan.having[1].value", code: "uncoercible_value", message: '"cheap" cannot be compared with "median_price" (float): expected a number or a numeric string' },
      { path: "plan.having[2].operator", code: "incompatible_type", message: 'contains applies to string columns; "member" is boolean' },
    ]);
  });

  it("limit is 1 to 1,000; rows default to a page of 100 from offset 0", () => {
    expect(errorsOf({ ...top, limit: 0 }).map((e) => [e.path, e.code])).toEqual([["plan.limit", "out_of_range"]]);
    expect(errorsOf({ ...top, limit: 1001 }).map((e) => [e.path, e.code])).toEqual([["plan.limit", "out_of_range"]]);
    expect(check({ operation: "rows" }).plan).toEqual({ operation: "rows", filters: [], group_by: [], offset: 0, limit: 100 });
    expect(check({ operation: "rows", sort: [{ column: "price", direction: "desc" }], limit: 5 }).plan).toEqual({
      operation: "rows", filters: [], group_by: [], offset: 0, sort: [{ column: "price", direction: "desc" }], limit: 5,
    });
  });

  it("sort keys state their direction", () => {
    expect(errorsOf({ ...top, sort: [{ column: "member" }] })).toEqual([{ path: "plan.sort[0].direction", code: "required", message: expect.stringContaining("direction is required") }]);
  });
});

describe("the result operations", () => {
  it("value_counts: normalize is true or false", () => {
    expect(check({ operation: "value_counts", target_column: "store" }).plan).toEqual({ operation: "value_counts", target_column: "store", filters: [], group_by: [], normalize: false, dropna: true });
    expect(errorsOf({ operation: "value_counts", target_column: "store", normalize: "index" })).toEqual([
      { path: "plan.normalize", code: "invalid_value", message: 'normalize of value_counts is true or false; "index" is a crosstab option' },
    ]);
    expect(errorsOf({ operation: "value_counts", target_column: "store", having: [{ column: "proportion", operator: ">", value: 0.1 }] })).toEqual([
      { path: "plan.having[0].column", code: "unknown_column", message: 'No result column named "proportion"; the result has "value", "count"' },
    ]);
  });

  it("crosstab: exactly two group_by columns", () => {
    expect(errorsOf({ operation: "crosstab", group_by: ["store"] })).toEqual([
      { path: "plan.group_by", code: "too_short", message: "crosstab needs exactly two group_by columns (its rows, then its columns); got 1" },
    ]);
    expect(errorsOf({ operation: "crosstab" })).toEqual([{ path: "plan.group_by", code: "missing_field", message: "crosstab needs group_by" }]);
    expect(check({ operation: "crosstab", group_by: ["store", { column: "day", granularity: "quarter" }] }).plan).toMatchObject({ normalize: false, margins: false });
  });

  it("describe: distinct percentiles in [0, 1]", () => {
    expect(errorsOf({ operation: "describe", target_column: "price", percentiles: [0.1, 0.5, 0.1] })).toEqual([
      { path: "plan.percentiles[2]", code: "invalid_value", message: "0.1 is already percentiles[0]; percentiles must be distinct" },
    ]);
    expect(errorsOf({ operation: "describe", target_column: "price", percentiles: [2] }).map((e) => [e.path, e.code])).toEqual([["plan.percentiles[0]", "out_of_range"]]);
    expect(check({ operation: "describe", target_column: "store" }).plan?.percentiles).toEqual([0.25, 0.5, 0.75]);
  });

  it("rows, argmax, argmin: columns exist once; the target of argmax is ordered", () => {
    expect(errorsOf({ operation: "rows", columns: ["price", "pirce", "price"], sort: [{ column: "qyt", direction: "asc" }] })).toEqual([
      { path: "plan.columns[1]", code: "unknown_column", message: 'No column named "pirce"', suggestion: "price" },
      { path: "plan.columns[2]", code: "duplicate_column", message: '"price" appears more than once in columns' },
      { path: "plan.sort[0].column", code: "unknown_column", message: 'No column named "qyt"', suggestion: "qty" },
    ]);
    expect(errorsOf({ operation: "argmax", target_column: "store" })).toEqual([
      { path: "plan.target_column", code: "incompatible_type", message: 'argmax needs an integer, float, boolean or datetime column as target_column; "store" is string' },
    ]);
    expect(errorsOf({ operation: "argmin", target_column: "day", columns: ["store"] })).toEqual([]);
  });

  it("charts: refused where meaningless, per result where it depends", () => {
    for (const plan of [{ operation: "describe", target_column: "price" }, { operation: "rows" }, { operation: "argmax", target_column: "price" }]) {
      expect(errorsOf({ ...plan, chart_type: "bar" }).map((e) => e.code)).toEqual(["chart_unsupported"]);
    }
    expect(errorsOf({ operation: "value_counts", target_column: "store", chart_type: "line" }).map((e) => e.code)).toEqual(["chart_unsupported"]);
    expect(errorsOf({ operation: "crosstab", group_by: ["store", "member"], chart_type: "heatmap" })).toEqual([]);
    expect(errorsOf(aggregate([{ op: "sum", column: "qty" }], { group_by: ["store", "member"], chart_type: "heatmap" }))).toEqual([]);
    expect(errorsOf(aggregate([{ op: "sum", column: "qty" }, { op: "count" }], { group_by: ["store", "member"], chart_type: "heatmap" })).map((e) => e.code)).toEqual(["chart_unsupported"]);
    expect(errorsOf(aggregate([{ op: "median", column: "price" }, { op: "max", column: "price" }], { group_by: ["store"], chart_type: "box" }))).toEqual([]);
    expect(errorsOf(aggregate([{ op: "median", column: "price" }, { op: "max", column: "qty" }], { group_by: ["store"], chart_type: "histogram" })).map((e) => e.code)).toEqual(["chart_unsupported"]);
  });
});
