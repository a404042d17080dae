import { describe, expect, it } from "vitest";
import type { Column, ColumnType, Table } from "../table/types";
import { OPERATION_MODULES } from "../operations/registry";
import { chartMismatch, type ChartContext } from "./chart-rules";
import { CHART_TYPES } from "./plan-schema";
import { validatePlan } from "./validate-plan";

const ROWS = 3000;

/** A table where `id` has 3000 distinct values, `region` 4, `month` 12, `bucket` 300, `city` a small dictionary. */
function makeDataset() {
  const columns: Column[] = [
    { name: "id", type: "integer", values: Float64Array.from({ length: ROWS }, (_, i) => i) },
    { name: "region", type: "string", codes: Int32Array.from({ length: ROWS }, (_, i) => i % 4), dictionary: ["east", "north", "south", "west"] },
    { name: "month", type: "datetime", values: Float64Array.from({ length: ROWS }, (_, i) => Date.UTC(2024, i % 12, 1)) },
    { name: "bucket", type: "float", values: Float64Array.from({ length: ROWS }, (_, i) => (i % 300) / 10) },
    { name: "city", type: "string", codes: Int32Array.from({ length: ROWS }, (_, i) => (i % 5 === 0 ? -1 : i % 3)), dictionary: ["Oslo", "New York", "Zürich"] },
    { name: "sales", type: "float", values: Float64Array.from({ length: ROWS }, (_, i) => i * 1.5) },
    { name: "flag", type: "boolean", values: Float64Array.from({ length: ROWS }, (_, i) => i % 2) },
  ];
  const table: Table = { rowCount: ROWS, columns };
  return { columns: columns.map((c) => ({ name: c.name, type: c.type as ColumnType })), table };
}
const DATASET = makeDataset();

const warningsOf = (plan: Record<string, unknown>, dataset: Parameters<typeof validatePlan>[1] = DATASET) => {
  const result = validatePlan(plan, dataset);
  expect(result.errors).toEqual([]);
  return result.warnings;
};

describe("value_not_found", () => {
  it("warns on == with a case slip and suggests the existing value", () => {
    expect(warningsOf({ operation: "count", filters: [{ column: "city", operator: "==", value: "oslo" }] })).toEqual([
      { path: "plan.filters[0].value", code: "value_not_found", message: '"oslo" never occurs in "city": this filter keeps no row', suggestion: "Oslo" },
    ]);
  });

  it("warns on != too, and without a suggestion when nothing is close", () => {
    expect(warningsOf({ operation: "count", filters: [{ column: "city", operator: "!=", value: "Tokyo" }] })).toEqual([
      { path: "plan.filters[0].value", code: "value_not_found", message: '"Tokyo" never occurs in "city": this filter removes no row' },
    ]);
    expect(warningsOf({ operation: "count", filters: [{ column: "city", operator: "==", value: "new_york" }] })[0].suggestion).toBe("New York");
  });

  it("is quiet for existing values, ordering operators, non-string columns, or without the table", () => {
    const filters = [
      { column: "city", operator: "==", value: "Zürich" },
      { column: "city", operator: ">", value: "Nowhere" },
      { column: "sales", operator: "==", value: 123456789 },
    ];
    expect(warningsOf({ operation: "count", filters })).toEqual([]);
    expect(warningsOf({ operation: "count", filters: [{ column: "city", operator: "==", value: "oslo" }] }, { columns: DATASET.columns })).toEqual([]);
  });
});

describe("group counts", () => {
  it("are not a validation warning: how many groups a plan makes is known once its rows are selected", () => {
    expect(warningsOf({ operation: "count", group_by: ["id"] })).toEqual([]);
  });
});

describe("contradictory_filters", () => {
  it.each([
    [[["sales", ">", 50], ["sales", "<", 30]]],
    [[["sales", ">=", 50], ["sales", "<", 50]]],
    [[["sales", ">", 50], ["sales", "<=", "50"]]],
    [[["city", "==", "Oslo"], ["city", "==", "Zürich"]]],
    [[["city", "==", "Oslo"], ["city", "!=", "Oslo"]]],
    // Code point order, as the filters compare: an emoji is above U+FF21 (UTF-16 code units say below).
    [[["city", ">", "\u{1F600}"], ["city", "<", "\uFF21"]]],
    [[["sales", "==", 10], ["sales", ">", 10]]],
    [[["month", ">", "2024-06-01"], ["month", "<", "2024-06-01T00:00:00Z"]]],
  ])("%j can match no row", (pairs) => {
    const filters = pairs.map(([column, operator, value]) => ({ column, operator, value }));
    const warnings = warningsOf({ operation: "count", filters }).filter((w) => w.code === "contradictory_filters");
    expect(warnings).toEqual([
      { path: "plan.filters[1]", code: "contradictory_filters", message: `The filters on ${JSON.stringify(pairs[0][0])} (filters[0], filters[1]) cannot all hold: no row will remain` },
    ]);
  });

  it.each([
    [[["sales", ">=", 50], ["sales", "<=", 50]]],
    [[["sales", ">", 10], ["sales", "!=", 20]]],
    [[["city", "!=", "Oslo"], ["city", "!=", "Zürich"]]],
    [[["sales", ">", 50], ["bucket", "<", 30]]],
  ])("%j is satisfiable", (pairs) => {
    const filters = pairs.map(([column, operator, value]) => ({ column, operator, value }));
    expect(warningsOf({ operation: "count", filters })).toEqual([]);
  });
});

describe("chart type: chart_unsupported errors and chart_mismatch warnings", () => {
  it("refuses a chart that cannot draw the result, with the reason from the rule table", () => {
    expect(validatePlan({ operation: "mean", target_column: "sales", chart_type: "scatter" }, DATASET)).toEqual({
      plan: null,
      warnings: [],
      errors: [
        {
          path: "plan.chart_type",
          code: "chart_unsupported",
          message: "scatter cannot show the result of mean: scatter charts need two numeric axes; an aggregation gives one number per group (use bar, or line over an ordered key)",
        },
      ],
    });
  });

  it("warns about a chart that can be drawn but suits the result poorly", () => {
    expect(warningsOf({ operation: "mean", target_column: "sales", group_by: ["region"], chart_type: "line" })).toEqual([
      {
        path: "plan.chart_type",
        code: "chart_mismatch",
        message: "line does not suit the result of mean: line charts need exactly one numeric or datetime group_by column (the x axis)",
      },
    ]);
  });

  const codesOf = (plan: Record<string, unknown>) => {
    const { errors, warnings } = validatePlan(plan, DATASET);
    return [...errors, ...warnings].map((p) => p.code);
  };
  it.each([
    [{ operation: "mean", target_column: "sales", group_by: ["month"], chart_type: "line" }, []],
    [{ operation: "mean", target_column: "sales", group_by: ["region"], chart_type: "line" }, ["chart_mismatch"]],
    [{ operation: "mean", target_column: "sales", chart_type: "line" }, ["chart_mismatch"]],
    [{ operation: "sum", target_column: "sales", group_by: ["region", "month"], chart_type: "heatmap" }, []],
    [{ operation: "sum", target_column: "sales", group_by: ["region", "month", "city"], chart_type: "heatmap" }, ["chart_mismatch"]],
    [{ operation: "sum", target_column: "sales", group_by: ["region"], chart_type: "heatmap" }, ["chart_unsupported"]],
    [{ operation: "count", chart_type: "histogram" }, ["chart_unsupported"]],
    [{ operation: "count", target_column: "city", chart_type: "box" }, ["chart_unsupported"]],
    [{ operation: "count", target_column: "city", chart_type: "histogram" }, ["chart_unsupported"]],
    [{ operation: "median", target_column: "sales", group_by: ["region"], chart_type: "box" }, []],
    [{ operation: "correlation", x_axis: "sales", y_axis: "bucket", chart_type: "histogram" }, ["chart_unsupported"]],
    [{ operation: "correlation", x_axis: "sales", y_axis: "bucket", chart_type: "bar" }, ["chart_mismatch"]],
    [{ operation: "correlation", x_axis: "sales", y_axis: "bucket", group_by: ["region"], chart_type: "bar" }, []],
    [{ operation: "regression", x_axis: "sales", y_axis: "bucket", chart_type: "line" }, []],
    [{ operation: "forecast", target_column: "sales", time_column: "month", chart_type: "line" }, []],
    [{ operation: "forecast", target_column: "sales", time_column: "month", chart_type: "box" }, ["chart_unsupported"]],
  ])("%j -> %j", (plan, codes) => {
    expect(codesOf(plan)).toEqual(codes);
  });

  it("without a dataset unknown key types count as fitting; what can never be drawn is still refused", () => {
    expect(validatePlan({ operation: "mean", target_column: "s", group_by: ["anything"], chart_type: "line" }).warnings).toEqual([]);
    expect(validatePlan({ operation: "mean", target_column: "s", chart_type: "scatter" }).errors.map((w) => w.code)).toEqual(["chart_unsupported"]);
  });

  it("every operation covers every chart type", () => {
    for (const operation of OPERATION_MODULES) {
      expect(Object.keys(operation.charts).sort()).toEqual([...CHART_TYPES].sort());
      for (const chart of CHART_TYPES) {
        const context: ChartContext = { groupKeyTypes: [], targetType: undefined, hasTarget: false };
        const reason = chartMismatch(chart, operation.name, context);
        if (reason !== null) expect(reason).toMatch(new RegExp(`^${chart} charts need .+`));
      }
    }
  });
});
