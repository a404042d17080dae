/**
 * Charts rendered inside workerd, where Vega needs `parse(..., { ast: true })` plus the expression interpreter:
 * every chart type becomes a well-formed SVG with the expected marks, and hostile column names and values stay
 * escaped text.
 */
import { describe, expect, it } from "vitest";
import { buildChart } from "../src/engine/charts/build-chart";
import { CHART_CASES, chartTable, XSS_COLUMN, XSS_VALUE } from "../src/engine/charts/fixtures/chart-cases";
import { executePlan, type GroupedResult } from "../src/engine/execute-plan";
import type { Plan } from "../src/engine/plan/plan-schema";

const table = chartTable();
const caseOf = (name: string) => CHART_CASES.find(([n]) => n === name)![1];

async function render(plan: Plan) {
  const output = executePlan(table, plan);
  const built = await buildChart(plan, output);
  expect(built.warnings).toEqual([]);
  expect(built.chart).toEqual({ type: plan.chart_type, spec: expect.any(Object), svg: expect.any(String) });
  return { svg: built.chart!.svg!, output };
}

/** `<path` counts of each mark group whose class starts with `mark-<kind> role-mark`, in document order. */
function markPaths(svg: string, kind: string): number[] {
  const groups = [...svg.matchAll(new RegExp(`<g class="mark-${kind} role-mark[^"]*"[^>]*>(.*?)</g>`, "g"))];
  return groups.map((g) => (g[1].match(/<path /g) ?? []).length);
}

/**
 * Minimal XML well-formedness: balanced tags, quoted attributes without raw `<`, text without raw `<` and with
 * `&` only in entities. Enough to catch unescaped markup (workerd has no DOMParser).
 */
function checkWellFormed(svg: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < svg.length) {
    const lt = svg.indexOf("<", i);
    const text = svg.slice(i, lt < 0 ? svg.length : lt);
    expect(text).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/);
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(svg);
    if (m === null) throw new Error(`malformed tag at ${lt}: ${svg.slice(lt, lt + 80)}`);
    if (m[1] === "/") expect(stack.pop()).toBe(m[2]);
    else if (m[4] !== "/") stack.push(m[2]);
    i = tag.lastIndex;
  }
  expect(stack).toEqual([]);
}

describe("charts in workerd", () => {
  it("bar: one rect per group, markup in names and values escaped", async () => {
    const { svg, output } = await render(caseOf("bar grouped"));
    checkWellFormed(svg);
    expect(markPaths(svg, "rect")).toEqual([(output.result as GroupedResult).groups.length]);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/\sonload=/i);
    expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(svg).toContain(XSS_VALUE.replaceAll('"', "&quot;"));
    expect(XSS_COLUMN).toContain("<script>");
  });

  it("line: one line path over the days", async () => {
    const { svg } = await render(caseOf("line by day"));
    checkWellFormed(svg);
    expect(markPaths(svg, "line")).toEqual([1]);
    expect(svg).toMatch(/<g class="mark-line role-mark[^>]*><path [^>]*d="M[\d.,-]+(L[\d.,-]+){29}"/);
  });

  it("line forecast: band, history line and dashed forecast line, with a legend", async () => {
    const { svg } = await render(caseOf("line forecast"));
    checkWellFormed(svg);
    expect(markPaths(svg, "area")).toEqual([1]);
    expect(markPaths(svg, "line")).toEqual([1, 1]);
    expect(svg).toContain('stroke-dasharray="6,4"');
    for (const label of ["history", "forecast", "90% interval"]) expect(svg).toContain(`>${label}</text>`);
  });

  it("scatter: one symbol per complete pair and one fitted line per group", async () => {
    const { svg, output } = await render(caseOf("scatter regression by group"));
    checkWellFormed(svg);
    const n = (output.result as GroupedResult).groups.reduce((sum, g) => sum + (g as { n: number }).n, 0);
    expect(markPaths(svg, "symbol")).toEqual([n]);
    // Vega draws one line mark per series (faceted by group).
    expect(markPaths(svg, "line")).toEqual([1, 1, 1]);
  });

  it("heatmap: one cell per group, with its value printed", async () => {
    const { svg, output } = await render(caseOf("heatmap two keys"));
    checkWellFormed(svg);
    const groups = (output.result as GroupedResult).groups.length;
    expect(markPaths(svg, "rect")).toEqual([groups, 0]);
    expect(markPaths(svg, "text")).toEqual([0]);
    expect(svg.match(/<g class="mark-text role-mark[^>]*>(.*?)<\/g>/)![1].match(/<text /g)).toHaveLength(groups);
  });

  it("box: per group a whisker rule, a box, a median tick, and the outlier points", async () => {
    const { svg } = await render(caseOf("box by group"));
    checkWellFormed(svg);
    expect(svg.match(/<g class="mark-rule role-mark[^>]*>(.*?)<\/g>/)![1].match(/<line /g)).toHaveLength(3);
    expect(markPaths(svg, "rect")).toEqual([3, 3]);
    expect(markPaths(svg, "symbol")[0]).toBeGreaterThanOrEqual(1);
  });

  it("histogram: one rect per bin", async () => {
    const plan = caseOf("histogram");
    const { svg } = await render(plan);
    const output = executePlan(table, plan);
    const { chart } = await buildChart(plan, output, { svg: false });
    checkWellFormed(svg);
    expect(markPaths(svg, "rect")).toEqual([(chart!.spec.datasets as { bins: unknown[] }).bins.length]);
  });

  it("every case renders without warnings", async () => {
    for (const [, plan] of CHART_CASES) checkWellFormed((await render(plan)).svg);
  });
});
