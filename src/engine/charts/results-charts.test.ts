import { describe, expect, it } from "vitest";
import { executePlan } from "../execute-plan";
import type { Plan } from "../plan/plan-schema";
import { buildChartSpec } from "./build-chart-spec";
import { CHART_CASES, chartTable, XSS_COLUMN } from "./fixtures/chart-cases";

/** The charts of plan v2 results draw exactly the result's numbers, in the result's order. */
const table = chartTable();
const caseOf = (name: string) => CHART_CASES.find(([n]) => n === name)![1];
const run = (plan: Plan) => {
  const output = executePlan(table, plan);
  return { output, result: JSON.parse(JSON.stringify(output.result)), ...buildChartSpec(plan, output) };
};
const data = (spec: Record<string, unknown>, name: string) => (spec.datasets as Record<string, Array<Record<string, unknown>>>)[name];
type Groups = { groups: Array<Record<string, unknown>> };

describe("charts of results", () => {
  it("bar of several aggregations: one bar per aggregation per group, coloured by aggregation", () => {
    const { spec, result } = run(caseOf("bar aggregations by group"));
    const names = ["mean_score", "max_score", "<b>median</b>"];
    const groups = (result as Groups).groups;
    expect(data(spec, "bars").map((b) => [b.series, b.y])).toEqual(groups.flatMap((g) => names.map((n) => [n, g[n]])));
    expect(spec.encoding).toMatchObject({ color: { field: "series", title: "aggregation" }, xOffset: { field: "series" } });
  });

  it("bar of ungrouped aggregations: one bar each; non-numeric results are named, not drawn", () => {
    const { spec, result } = run(caseOf("bar aggregations"));
    expect(data(spec, "bars")).toEqual([{ x: "mean_score", y: result.mean_score, order: 0 }, { x: "std_score", y: result.std_score, order: 1 }]);
    expect((spec.title as { subtitle: string }).subtitle).toBe("not drawn (no numeric value): min_day");
  });

  it("line over a week period: x is each period's start, one line per aggregation", () => {
    const { spec, result } = run(caseOf("line aggregations by week"));
    const groups = (result as Groups).groups;
    const points = data(spec, "series");
    expect(points.filter((p) => p.series === "mean_score").map((p) => [p.x, p.y])).toEqual(groups.map((g) => [Date.parse((g.key as { day: string }).day), g.mean_score]));
    expect(new Date(points[0].x as number).getUTCDay()).toBe(1);
  });

  it("heatmap of one aggregation over two keys, and of a crosstab", () => {
    const one = run(caseOf("heatmap aggregation two keys"));
    expect(data(one.spec, "cells").map((c) => c.value)).toEqual((one.result as Groups).groups.map((g) => g.sum_score));
    const crosstab = run(caseOf("heatmap crosstab"));
    const values = (crosstab.result as { values: number[][] }).values;
    expect(data(crosstab.spec, "cells").map((c) => c.value)).toEqual(values.flat());
    expect(data(crosstab.spec, "cells").map((c) => c.x)).toEqual(values.flatMap(() => ["active", "idle"]));
  });

  it("bar of value counts in the result's order, and grouped bars of a crosstab", () => {
    const counts = run(caseOf("bar value counts"));
    expect(data(counts.spec, "bars").map((b) => b.y)).toEqual((counts.result as { entries: Array<{ count: number }> }).entries.map((e) => e.count));
    const cross = run(caseOf("bar crosstab"));
    expect(data(cross.spec, "bars").map((b) => b.y)).toEqual((cross.result as { values: number[][] }).values.flat());
    expect(cross.spec.encoding).toMatchObject({ x: { title: XSS_COLUMN }, color: { title: "status" } });
  });

  it("box of the one column every aggregation reads, over the result's groups", () => {
    const { spec, output } = run(caseOf("box aggregations"));
    expect(data(spec, "boxes").map((b) => b.x)).toEqual(output.grouping?.keys.map((key) => key[0]));
  });
});
