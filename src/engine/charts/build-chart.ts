import type { EngineProblem } from "../errors";
import type { ExecutionOutput } from "../execute-plan";
import type { ChartType, Plan } from "../plan/plan-schema";
import { buildChartSpec } from "./build-chart-spec";
import type { VegaLiteSpec } from "./chart-context";
import { renderChartSvg } from "./render-svg";

/** The `chart` field of an execute response (docs/api.md "Execution"). */
export interface Chart {
  type: ChartType;
  spec: VegaLiteSpec;
  svg: string | null;
}

export interface BuildChartOptions {
  /** Render the SVG too (default true); false returns the spec only (`svg: null`). */
  svg?: boolean;
  /** SVG byte budget (default 1,000,000), see renderChartSvg. */
  maxSvgBytes?: number;
}

/**
 * The chart of an executed plan: spec (buildChartSpec) and, unless disabled, its SVG (renderChartSvg). `chart`
 * is null when the plan asks for none. Warnings concern only the picture (`chart_no_data`, `chart_unavailable`,
 * `chart_truncated`, `chart_reduced`, `chart_svg_dropped`, `chart_render_failed`, path `plan.chart_type`) and are
 * meant to be appended to the execution's warnings. Never throws.
 *
 * @example
 * const output = executePlan(table, plan);
 * const { chart, warnings } = await buildChart(plan, output);
 * // chart: { type: "bar", spec: {...}, svg: "<svg ..." }
 */
export async function buildChart(plan: Plan, output: ExecutionOutput, options: BuildChartOptions = {}): Promise<{ chart: Chart | null; warnings: EngineProblem[] }> {
  if (plan.chart_type === undefined) return { chart: null, warnings: [] };
  const { spec, warnings } = buildChartSpec(plan, output);
  if (options.svg === false) return { chart: { type: plan.chart_type, spec, svg: null }, warnings };
  const rendered = await renderChartSvg(spec, options.maxSvgBytes);
  return { chart: { type: plan.chart_type, spec, svg: rendered.svg }, warnings: [...warnings, ...rendered.warnings] };
}
