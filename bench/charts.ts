/**
 * Chart benchmark on the ~10 MB bench dataset: for each chart type, a realistic plan is executed once, then
 * spec + SVG (buildChart: vega-lite compile, vega parse, headless render) is timed, median over RUNS runs after a
 * warm-up. Each SVG goes to bench/out/<name>.svg, and to PNG when rsvg-convert or ImageMagick is installed.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildChart } from "../src/engine/charts/build-chart.js";
import { parseCsv } from "../src/engine/csv/parse-csv.js";
import { executePlan } from "../src/engine/execute-plan.js";
import type { Plan } from "../src/engine/plan/plan-schema.js";
import { generateBenchCsv } from "./datasets.js";
import { timeRunsAsync } from "./timing.js";
import type { BenchRow } from "./upload.js";

const RUNS = 7;
const OUT = join(dirname(fileURLToPath(import.meta.url)), "out");

const base = { filters: [], group_by: [] };
const active = [{ column: "status", operator: "==" as const, value: "active" }];

/** One realistic plan per chart (and the alternative drawings of the same type worth watching). */
export const CHART_PLANS: Array<[name: string, plan: Plan]> = [
  ["bar", { ...base, operation: "mean", target_column: "price", group_by: ["region"], filters: active, chart_type: "bar" }],
  ["bar-two-keys", { ...base, operation: "sum", target_column: "amount", group_by: ["region", "status"], chart_type: "bar" }],
  ["line", { ...base, operation: "mean", target_column: "score", group_by: ["day"], chart_type: "line" }],
  ["line-forecast", { ...base, operation: "forecast", target_column: "score", time_column: "day", forecast_method: "holt", horizon: 60, confidence: 0.95, filters: [{ column: "day", operator: ">=", value: "2025-01-01" }], chart_type: "line" }],
  ["scatter", { ...base, operation: "regression", x_axis: "price", y_axis: "amount", confidence: 0.95, chart_type: "scatter" }],
  ["heatmap", { ...base, operation: "mean", target_column: "amount", group_by: ["region", "status"], chart_type: "heatmap" }],
  ["heatmap-correlation", { ...base, operation: "correlation", x_axis: "price", y_axis: "score", method: "pearson", group_by: ["region", "is_member"], chart_type: "heatmap" }],
  ["box", { ...base, operation: "median", target_column: "amount", group_by: ["region"], chart_type: "box" }],
  ["histogram", { ...base, operation: "mean", target_column: "price", filters: active, chart_type: "histogram" }],
];

function writePng(svgPath: string): boolean {
  const png = svgPath.replace(/\.svg$/, ".png");
  for (const [tool, args] of [["rsvg-convert", ["-o", png, svgPath]], ["convert", [svgPath, png]]] as const) {
    try {
      execFileSync(tool, [...args], { stdio: "ignore" });
      return true;
    } catch {
      // not installed or failed: try the next converter
    }
  }
  return false;
}

/**
 * Runs the chart benchmark and returns one row per chart.
 *
 * @example for (const row of await benchCharts()) console.log(row.name, row.median_ms, row.note);
 */
export async function benchCharts(): Promise<BenchRow[]> {
  const table = parseCsv(generateBenchCsv());
  mkdirSync(OUT, { recursive: true });
  const rows: BenchRow[] = [];
  for (const [name, plan] of CHART_PLANS) {
    const output = executePlan(table, plan);
    let built = await buildChart(plan, output);
    const { median } = await timeRunsAsync(async () => (built = await buildChart(plan, output)), { runs: RUNS, warmUp: 0 });
    const svg = built.chart?.svg ?? "";
    const warnings = built.warnings.map((w) => w.code);
    const path = join(OUT, `${name}.svg`);
    writeFileSync(path, svg);
    const png = writePng(path) ? ", png" : "";
    const warned = warnings.length > 0 ? `, warnings: ${warnings.join(" ")}` : "";
    rows.push({ name: `chart ${name}`, median_ms: median, note: `${svg.length} bytes SVG${png}${warned}` });
  }
  return rows;
}
