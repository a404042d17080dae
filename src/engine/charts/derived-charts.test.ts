import { describe, expect, it } from "vitest";
import { executePlan } from "../execute-plan";
import { validatePlan } from "../plan/validate-plan";
import { buildChartSpec } from "./build-chart-spec";
import { chartTable } from "./fixtures/chart-cases";
import { boxStats } from "./box-stats";
import { presentValues } from "./result-data";
import type { ValueColumn } from "../table/types";

/**
 * Charts draw what the steps made: derived columns as targets, axes and group keys, over the rows the steps
 * left. Every chart type an operation supports is drawn (no placeholder) from a plan whose columns are derived.
 */
const table = chartTable();
const columns = table.columns.map((c) => ({ name: c.name, type: c.type }));
const steps = [
  { derive: { name: "ratio", expr: "score / `price.x[0]`" } },
  { derive: { name: "band", expr: "cut(`price.x[0]`, [0, 20, 30, 60])" } },
  { derive: { name: "week", expr: "date_trunc('week', day)" } },
  { filter: { expr: "not(is_null(ratio))" } },
];
const PLANS: Array<[string, Record<string, unknown>]> = [
  ["bar by band", { operation: "mean", target_column: "ratio", group_by: ["band"], chart_type: "bar" }],
  ["line by week", { operation: "mean", target_column: "ratio", group_by: ["week"], chart_type: "line" }],
  ["heatmap band x status", { operation: "count", group_by: ["band", "status"], chart_type: "heatmap" }],
  ["box by band", { operation: "median", target_column: "ratio", group_by: ["band"], chart_type: "box" }],
  ["histogram", { operation: "mean", target_column: "ratio", chart_type: "histogram" }],
  ["scatter correlation", { operation: "correlation", x_axis: "ratio", y_axis: "score", chart_type: "scatter" }],
  ["regression line", { operation: "regression", x_axis: "ratio", y_axis: "score", chart_type: "line" }],
  ["forecast over derived week", { operation: "forecast", target_column: "ratio", time_column: "week", horizon: 3, chart_type: "line" }],
];

describe("charts of derived columns", () => {
  it.each(PLANS)("%s", (_name, body) => {
    const validation = validatePlan({ ...body, steps }, { columns, table });
    expect(validation.errors).toEqual([]);
    const output = executePlan(table, validation.plan!);
    const { spec, warnings } = buildChartSpec(validation.plan!, output);
    expect(warnings.filter((w) => w.code === "chart_unavailable" || w.code === "chart_no_data")).toEqual([]);
    expect(spec.datasets).toBeDefined();
  });

  it("boxes are drawn from the rows and groups the result used", () => {
    const validation = validatePlan({ operation: "median", target_column: "ratio", group_by: ["band"], chart_type: "box", steps }, { columns, table });
    const output = executePlan(table, validation.plan!);
    const { spec } = buildChartSpec(validation.plan!, output);
    const boxes = (spec.datasets as Record<string, Array<{ median: number; n: number }>>).boxes;
    const groups = (output.result as { groups: Array<{ value: number; count: number }> }).groups;
    // Each box's median is the group's median, computed on the same derived values.
    expect(boxes.map((b) => b.median)).toEqual(groups.map((g) => g.value));
    expect(boxes.map((b) => b.n)).toEqual(groups.map((g) => g.count));
    const ratio = output.frame.columns.get("ratio") as ValueColumn;
    expect(boxStats(presentValues(ratio, output.frame.rows))?.n).toBe(groups.reduce((n, g) => n + g.count, 0));
  });
});
