import { compile, type TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { executePlan, type GroupedResult } from "../execute-plan";
import { averageByTime } from "../forecast/average-by-time";
import type { ForecastResult } from "../forecast/forecast-result";
import { groupRows, rowsByGroup } from "../ops/group-rows";
import { selectRows } from "../ops/select-rows";
import { initialFrame } from "../frame/frame";
import type { Plan } from "../plan/plan-schema";
import { groupByNames } from "../plan/group-by-item";
import type { ValueColumn } from "../table/types";
import { buildChart } from "./build-chart";
import { buildChartSpec } from "./build-chart-spec";
import { boxStats } from "./box-stats";
import { CHART_CASES, chartTable, DOTTED_COLUMN, XSS_COLUMN } from "./fixtures/chart-cases";
import { presentValues } from "./result-data";
import { MAX_SCATTER_POINTS } from "./scatter-spec";

const table = chartTable();
const run = (plan: Plan) => {
  const output = executePlan(table, plan);
  return { output, ...buildChartSpec(plan, output) };
};
const caseOf = (name: string) => CHART_CASES.find(([n]) => n === name)![1];
const data = (spec: Record<string, unknown>, name: string) => (spec.datasets as Record<string, Array<Record<string, unknown>>>)[name];
const column = (name: string) => table.columns.find((c) => c.name === name) as ValueColumn;
const groupValues = (result: unknown, field: string) => (result as GroupedResult).groups.map((g) => (g as unknown as Record<string, unknown>)[field]);

/** Every `field` reference in a spec, wherever it is nested. */
function fieldsOf(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => fieldsOf(n, out));
  else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "field" && typeof value === "string") out.push(value);
      else if (key !== "datasets") fieldsOf(value, out);
    }
  }
  return out;
}

describe("buildChartSpec: every case", () => {
  for (const [name, plan] of CHART_CASES) {
    it(`${name}: a Vega-Lite v6 spec that compiles, titled in words, with internal field names only`, () => {
      const { spec, warnings } = run(plan);
      expect(warnings).toEqual([]);
      expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v6.json");
      expect(() => compile(spec as unknown as TopLevelSpec)).not.toThrow();
      expect((spec.title as { text: string }).text.length).toBeGreaterThan(5);
      // Column names (with markup, dots, brackets) never become field references: only fixed safe names do.
      for (const field of fieldsOf(spec)) expect(field).toMatch(/^[a-zA-Z0-9_]+$/);
      expect(JSON.stringify(spec)).not.toContain('"url"');
    });
  }
});

describe("chart data equals the result's numbers", () => {
  it("bar: one bar per group with the group's value, in key order, titled with the plan", () => {
    const { spec, output } = run(caseOf("bar grouped"));
    expect(data(spec, "bars").map((b) => b.y)).toEqual(groupValues(output.result, "value"));
    expect((spec.title as { text: string }).text).toBe(`Mean of ${DOTTED_COLUMN} by ${XSS_COLUMN}, status == active`);
    expect((spec.encoding as { x: { title: string } }).x.title).toBe(XSS_COLUMN);
  });

  it("bar: two keys give colour and offset, correlation bars are coefficients, an ungrouped count one bar", () => {
    const two = run(caseOf("bar two keys"));
    expect(data(two.spec, "bars")).toHaveLength((two.output.result as GroupedResult).groups.length);
    expect(two.spec.encoding).toHaveProperty("xOffset");
    const r = run(caseOf("bar correlation by group"));
    expect(data(r.spec, "bars").map((b) => b.y)).toEqual(groupValues(r.output.result, "coefficient"));
    expect(data(run(caseOf("bar single value")).spec, "bars")).toEqual([{ x: "count of rows", y: 240, order: 0 }]);
  });

  it("line: the groups over time as epoch ms, ascending", () => {
    const { spec, output } = run(caseOf("line by day"));
    const series = data(spec, "series");
    expect(series.map((p) => p.y)).toEqual(groupValues(output.result, "value"));
    expect(series.map((p) => p.x)).toEqual((output.result as GroupedResult).groups.map((g) => Date.parse(g.key.day as string)));
  });

  it("line forecast: the averaged history, then the forecast points and their interval", () => {
    const plan = caseOf("line forecast");
    const { spec, output } = run(plan);
    const series = averageByTime(column("day"), column("score"), selectRows(initialFrame(table), plan.filters).frame.rows);
    expect(data(spec, "history").map((p) => p.y)).toEqual([...series.values]);
    const points = (output.result as ForecastResult).points;
    const forecast = data(spec, "forecast");
    expect(forecast.slice(1).map((p) => [p.y, p.lower, p.upper])).toEqual(points.map((p) => [p.value, p.lower, p.upper]));
    expect(forecast[0].x).toBe(series.times[series.times.length - 1]);
    expect(data(spec, "band")).toHaveLength(points.length);
  });

  it("scatter: every complete pair (here fewer than the cap) and, for a regression, the fitted line per group", () => {
    const { spec, output } = run(caseOf("scatter regression by group"));
    const points = data(spec, "points");
    expect(points).toHaveLength((output.result as GroupedResult).groups.reduce((n, g) => n + (g as { n: number }).n, 0));
    const fit = data(spec, "fit");
    expect(fit).toHaveLength(6);
    const g0 = (output.result as GroupedResult).groups[0] as unknown as { slope: number; intercept: number };
    expect(fit[0].y).toBeCloseTo(g0.intercept + g0.slope * (fit[0].x as number), 9);
  });

  it("scatter: samples a large table evenly to MAX_SCATTER_POINTS points and says so", () => {
    const big = chartTable(12_001);
    const plan = caseOf("scatter correlation");
    const { spec } = buildChartSpec(plan, executePlan(big, plan));
    expect(data(spec, "points")).toHaveLength(MAX_SCATTER_POINTS);
    expect((spec.title as { subtitle: string }).subtitle).toMatch(/^2,000 of 11,2\d\d points shown/);
  });

  it("heatmap: one cell per group coloured by value; an ungrouped correlation is the 2x2 matrix", () => {
    const { spec, output } = run(caseOf("heatmap two keys"));
    expect(data(spec, "cells").map((c) => c.value)).toEqual(groupValues(output.result, "value"));
    const matrix = run(caseOf("heatmap correlation"));
    const r = (matrix.output.result as { coefficient: number }).coefficient;
    expect(data(matrix.spec, "cells").map((c) => c.value)).toEqual([1, r, r, 1]);
  });

  it("box: the engine's quartiles and whiskers of each group's values", () => {
    const plan = caseOf("box by group");
    const { spec } = run(plan);
    const grouping = groupRows(initialFrame(table), initialFrame(table).rows, groupByNames(plan.group_by));
    const expected = rowsByGroup(grouping).map((rows) => {
      const { outliers, ...box } = boxStats(presentValues(column("score"), rows))!;
      return { ...box, outlier_count: outliers.length };
    });
    expect(data(spec, "boxes").map(({ x, order, ...box }) => box)).toEqual(expected);
    expect(data(spec, "outliers").map((o) => o.y)).toContain(2 * column(DOTTED_COLUMN).values[5] + ((5 * 13) % 11) - 5 + 90);
  });

  it("histogram: counts add up to the non-missing values; grouped stacks share the edges", () => {
    const { spec } = run(caseOf("histogram"));
    const nonMissing = [...column("score").values].filter((v) => !Number.isNaN(v)).length;
    expect(data(spec, "bins").reduce((n, b) => n + (b.count as number), 0)).toBe(nonMissing);
    const grouped = run(caseOf("histogram by group"));
    const bins = data(grouped.spec, "bins");
    expect(new Set(bins.map((b) => b.series))).toEqual(new Set(["active", "idle"]));
    expect(bins.reduce((n, b) => n + (b.count as number), 0)).toBe(240);
  });
});

describe("charts that cannot be drawn", () => {
  it("no rows: a 'No data' placeholder and a warning, never an exception", () => {
    const plan: Plan = { ...caseOf("bar grouped"), filters: [{ column: "status", operator: "==", value: "gone" }] };
    const { spec, warnings } = run(plan);
    expect((spec.title as { text: string }).text).toBe("No data");
    expect(warnings).toEqual([{ path: "plan.chart_type", code: "chart_no_data", message: expect.any(String) }]);
    expect(() => compile(spec as unknown as TopLevelSpec)).not.toThrow();
  });

  it("a mismatch validation only warned about (aggregation as scatter) is a placeholder plus chart_unavailable", () => {
    const { spec, warnings } = run({ operation: "mean", target_column: "score", filters: [], group_by: [], chart_type: "scatter" });
    expect((spec.title as { text: string }).text).toMatch(/^No data/);
    expect(warnings.map((w) => w.code)).toEqual(["chart_unavailable"]);
  });

  it("buildChart: null without chart_type; spec only when svg is off", async () => {
    const plan: Plan = { operation: "count", filters: [], group_by: [] };
    expect(await buildChart(plan, executePlan(table, plan))).toEqual({ chart: null, warnings: [] });
    const bar = { ...plan, chart_type: "bar" as const };
    const { chart } = await buildChart(bar, executePlan(table, bar), { svg: false });
    expect(chart).toEqual({ type: "bar", spec: expect.objectContaining({ mark: expect.anything() }), svg: null });
  });
});
