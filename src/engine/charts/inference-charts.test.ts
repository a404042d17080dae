import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/parse-csv";
import { executePlan } from "../execute-plan";
import { validatePlan } from "../plan/validate-plan";
import type { Table } from "../table/types";
import { buildChart } from "./build-chart";

const fixtures = fileURLToPath(new URL("../golden/fixtures/", import.meta.url).href);
const table = (name: string): Table => parseCsv(new Uint8Array(readFileSync(`${fixtures}${name}`)));
const titanic = table("titanic.csv");
const autompg = table("autompg.csv");

async function draw(source: Table, plan: object) {
  const validation = validatePlan(plan, { columns: source.columns.map((c) => ({ name: c.name, type: c.type })), table: source });
  expect(validation.errors).toEqual([]);
  const output = executePlan(source, validation.plan!);
  return buildChart(validation.plan!, output);
}

/** The data a spec carries, by dataset name. */
const datasets = (spec: Record<string, unknown>) => spec.datasets as Record<string, Array<Record<string, unknown>>>;

describe("charts of tests and models", () => {
  it("a normality test's scatter is a normal Q-Q plot with its least-squares line", async () => {
    const { chart, warnings } = await draw(titanic, { operation: "test", test: "shapiro", target_column: "fare", chart_type: "scatter" });
    expect(warnings).toEqual([]);
    const data = datasets(chart!.spec);
    expect(data.points.length).toBe(891);
    expect(data.fit.length).toBe(2);
    // Points ascend in both coordinates: theoretical normal quantiles against the sorted values.
    expect(data.points.every((p, i) => i === 0 || ((p.x as number) > (data.points[i - 1].x as number) && (p.y as number) >= (data.points[i - 1].y as number)))).toBe(true);
    expect(chart!.svg).toMatch(/^<svg/);
  });

  it("a two-sample test's box plot draws each group it compared, in order", async () => {
    const { chart } = await draw(titanic, { operation: "test", test: "mannwhitneyu", target_column: "age", group_column: "sex", groups: ["male", "female"], chart_type: "box" });
    const boxes = datasets(chart!.spec).boxes;
    expect(boxes.map((b) => [b.x, b.n])).toEqual([["male", expect.any(Number)], ["female", expect.any(Number)]]);
    expect(chart!.svg).toMatch(/^<svg/);
  });

  it("paired columns, a contingency table, category counts and a histogram draw too", async () => {
    const inference = table("inference.csv");
    const paired = await draw(inference, { operation: "test", test: "ttest_rel", sample_columns: ["before", "after"], chart_type: "box" });
    expect(datasets(paired.chart!.spec).boxes.map((b) => b.x)).toEqual(["before", "after"]);
    const contingency = await draw(titanic, { operation: "test", test: "chi2_contingency", target_column: "survived", group_column: "sex", chart_type: "heatmap" });
    expect(datasets(contingency.chart!.spec).cells.length).toBe(4);
    const counts = await draw(titanic, { operation: "test", test: "chisquare", target_column: "embarked", chart_type: "bar" });
    expect(datasets(counts.chart!.spec).bars.length).toBe(6);
    const histogram = await draw(titanic, { operation: "test", test: "jarque_bera", target_column: "fare", chart_type: "histogram" });
    for (const drawn of [paired, contingency, counts, histogram]) {
      expect(drawn.warnings).toEqual([]);
      expect(drawn.chart!.svg).toMatch(/^<svg/);
    }
  });

  it("ols draws predicted against actual on the test rows, logistic its confusion matrix", async () => {
    const ols = await draw(autompg, { operation: "ols", target_column: "mpg", predictors: ["weight", "acceleration"], split: { test_size: 0.2, random_state: 42 }, chart_type: "scatter" });
    expect(datasets(ols.chart!.spec).points.length).toBe(80);
    expect(ols.chart!.svg).toMatch(/^<svg/);
    const logistic = await draw(titanic, { operation: "logistic", target_column: "survived", predictors: ["sex", "fare"], split: { test_size: 0.25, random_state: 0 }, chart_type: "heatmap" });
    const cells = datasets(logistic.chart!.spec).cells;
    expect(cells.reduce((sum, c) => sum + (c.value as number), 0)).toBe(223);
    expect(logistic.chart!.svg).toMatch(/^<svg/);
  });
});
