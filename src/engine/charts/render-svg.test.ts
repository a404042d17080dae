import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/parse-csv";
import { executePlan } from "../execute-plan";
import type { Plan } from "../plan/plan-schema";
import { buildChart } from "./build-chart";
import { buildChartSpec } from "./build-chart-spec";
import { CHART_CASES, chartTable } from "./fixtures/chart-cases";
import { renderChartSvg } from "./render-svg";

const caseOf = (name: string) => CHART_CASES.find(([n]) => n === name)![1];

describe("renderChartSvg (Node)", () => {
  it("renders a bar chart to SVG with one rect path per group", async () => {
    const table = chartTable();
    const { chart, warnings } = await buildChart(caseOf("bar grouped"), executePlan(table, caseOf("bar grouped")));
    expect(warnings).toEqual([]);
    expect(chart?.svg).toMatch(/^<svg /);
    const marks = /<g class="mark-rect role-mark[^"]*"[^>]*>(.*?)<\/g>/.exec(chart!.svg!)![1];
    expect(marks.match(/<path /g)).toHaveLength(3);
  });

  it("thins the points of a too-large scatter, with chart_reduced, and keeps the spec whole", async () => {
    const table = chartTable(6000);
    const plan = caseOf("scatter correlation");
    const { spec } = buildChartSpec(plan, executePlan(table, plan));
    const full = await renderChartSvg(spec);
    const budget = Math.floor(new TextEncoder().encode(full.svg!).length / 2);
    const reduced = await renderChartSvg(spec, budget);
    expect(reduced.warnings.map((w) => w.code)).toEqual(["chart_reduced"]);
    expect(new TextEncoder().encode(reduced.svg!).length).toBeLessThanOrEqual(budget);
    expect((spec.datasets as { points: unknown[] }).points).toHaveLength(2000);
  });

  it("drops an SVG that cannot shrink below the budget, with chart_svg_dropped", async () => {
    const table = chartTable();
    const plan = caseOf("bar grouped");
    const { spec } = buildChartSpec(plan, executePlan(table, plan));
    expect(await renderChartSvg(spec, 1000)).toEqual({ svg: null, warnings: [{ path: "plan.chart_type", code: "chart_svg_dropped", message: expect.any(String) }] });
  });

  it("turns a spec Vega cannot render into svg null with chart_render_failed, in words about the data", async () => {
    const result = await renderChartSvg({ mark: "bar", encoding: { x: { field: "x", type: "nominal" } }, data: { name: "missing" }, layer: 5 });
    expect(result).toEqual({
      svg: null,
      warnings: [{ path: "plan.chart_type", code: "chart_render_failed", message: "The SVG could not be drawn from this data; the spec is still returned." }],
    });
  });

  it("draws no SVG for a histogram of ±1e308 and says why in the user's terms, not Vega's", async () => {
    const table = parseCsv(new TextEncoder().encode("v\n-1e308\n1e308\n0\n"));
    const plan: Plan = { operation: "mean", target_column: "v", filters: [], group_by: [], chart_type: "histogram" };
    const { chart, warnings } = await buildChart(plan, executePlan(table, plan));
    expect(chart?.svg).toBeNull();
    expect(warnings).toEqual([{ path: "plan.chart_type", code: "chart_render_failed", message: expect.stringContaining("too far apart to place on one axis") }]);
    expect(JSON.stringify(warnings)).not.toMatch(/undefined|marktype|Cannot read|Error/);
    const bins = (chart?.spec.datasets as { bins: Array<{ x0: number; x1: number }> }).bins;
    expect(bins.every((bin) => Number.isFinite(bin.x0) && Number.isFinite(bin.x1))).toBe(true);
  });
});

describe("fastInterpreter and the stripped validity guards", () => {
  it("draw every fixture chart exactly as the stock vega-interpreter does", async () => {
    const { parse, View } = await import("vega");
    const { expressionInterpreter } = await import("vega-interpreter");
    const { compile } = await import("vega-lite");
    const table = chartTable();
    for (const [name, plan] of CHART_CASES) {
      const { spec } = buildChartSpec(plan, executePlan(table, plan));
      const view = new View(parse(compile(spec as never).spec, undefined, { ast: true }), { renderer: "none", expr: expressionInterpreter as never });
      const stock = await view.toSVG();
      view.finalize();
      const { svg } = await renderChartSvg(spec);
      // Only the aria labels of line/area marks (now aria: false in the spec) and the global gradient ids may differ.
      const strip = (s: string) => s.replace(/ (role|aria-roledescription|aria-label)="[^"]*"/g, "").replace(/gradient_\d+/g, "gradient");
      expect(strip(svg ?? ""), name).toBe(strip(stock));
    }
  });
});
