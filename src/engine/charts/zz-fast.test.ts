import { describe, expect, it } from "vitest";
import { executePlan } from "../execute-plan";
import { buildChartSpec } from "./build-chart-spec";
import { CHART_CASES, chartTable } from "./fixtures/chart-cases";
import { renderChartSvg } from "./render-svg";

function holey() {
  const t = chartTable(240);
  const cols = t.columns.map((c: any) => {
    if (c.type === "string") { const codes = Int32Array.from(c.codes, (v: number, i: number) => (i % 11 === 0 ? -1 : v)); return { ...c, codes }; }
    if (c.name === "day") { const values = Float64Array.from(c.values, (v: number, i: number) => (i % 13 === 0 ? NaN : v)); return { ...c, values }; }
    return c;
  });
  return { ...t, columns: cols } as any;
}

describe("cmp", () => {
  it("holey", async () => {
    const { parse, View } = await import("vega");
    const { expressionInterpreter } = await import("vega-interpreter");
    const { compile } = await import("vega-lite");
    const table = holey();
    const diffs: string[] = [];
    for (const [name, plan] of CHART_CASES) {
      let spec;
      try { spec = buildChartSpec(table, plan, executePlan(table, plan)).spec; } catch (e) { diffs.push(name + " build threw " + e); continue; }
      if (!spec) { diffs.push(name + " no spec"); continue; }
      const view = new View(parse(compile(spec as never).spec, undefined, { ast: true }), { renderer: "none", expr: expressionInterpreter as never });
      const stock = await view.toSVG();
      view.finalize();
      const { svg, warnings } = await renderChartSvg(spec);
      const strip = (s: string) => s.replace(/ (role|aria-roledescription|aria-label)="[^"]*"/g, "").replace(/gradient_\d+/g, "gradient");
      if (strip(svg ?? "") !== strip(stock)) {
        const a = strip(svg ?? ""), b = strip(stock);
        let i = 0; while (a[i] === b[i]) i++;
        diffs.push(name + " DIFF at " + i + "\n fast:  " + a.slice(i - 150, i + 150) + "\n stock: " + b.slice(i - 150, i + 150) + " warn " + JSON.stringify(warnings));
      }
    }
    expect(diffs.join("\n\n")).toBe("");
  });
});
describe("peek", () => {
  it("line nulls", () => {
    const table = holey();
    const plan = CHART_CASES.find(([n]) => n === "line by day")![1];
    const { spec } = buildChartSpec(table, plan, executePlan(table, plan));
    const pts = (spec as any).datasets.series;
    expect(pts.filter((p: any) => p.x == null || !Number.isFinite(p.x) || !Number.isFinite(p.y))).toEqual([]);
  });
});
