import type { EngineProblem } from "../errors";
import type { ExecutionOutput } from "../execute-plan";
import { operationModule } from "../operations/registry";
import { groupByNames } from "../plan/group-by-item";
import type { Plan } from "../plan/plan-schema";
import { CHART_HEIGHT, CHART_WIDTH, chartProblem, VEGA_LITE_SCHEMA, type ChartDraft, type ChartPlan, type VegaLiteSpec } from "./chart-context";
import { describePlan } from "./chart-title";

/**
 * The Vega-Lite v6 spec of a plan's chart, drawn by the builder the operation's module names for the chart type
 * (operations/*.ts): inline data only (top-level `datasets`), titled with the plan in words, axes titled with
 * column names. Which chart suits which result was judged at validation (a mismatch is a `chart_mismatch`
 * warning, a chart that can never be drawn a `chart_unsupported` error); here a chart that still cannot be drawn
 * (no rows, no numeric value) becomes a "No data" placeholder spec plus a `chart_no_data` or `chart_unavailable`
 * warning. Never throws for a plan executePlan accepted; the chart type defaults to bar.
 *
 * @example
 * const output = executePlan(table, plan);
 * buildChartSpec({ ...plan, chart_type: "bar" }, output).spec.mark // { type: "bar", ... }
 */
export function buildChartSpec(plan: Plan, output: ExecutionOutput): { spec: VegaLiteSpec; warnings: EngineProblem[] } {
  const chart = plan.chart_type ?? "bar";
  const operation = operationModule(plan.operation);
  const title = describePlan(plan, operation);
  const keyed = { ...plan, group_by: groupByNames(plan.group_by) } as ChartPlan;
  if (output.filtered_row_count === 0 || ("groups" in output.result && output.result.groups.length === 0)) {
    return { spec: placeholderSpec("No data", title), warnings: [chartProblem("chart_no_data", "No row is left to draw: the chart is an empty placeholder.")] };
  }
  let draft: ChartDraft;
  try {
    const build = operation.charts[chart].build;
    draft = build === undefined ? { unavailable: `${chart} charts need ${operation.charts[chart].needs}` } : build({ plan: keyed, output, operation, title });
  } catch {
    // A chart must never turn a computed result into a failure; the builder's message is about code, not data.
    draft = { unavailable: "the chart could not be built from this result" };
  }
  if ("unavailable" in draft) {
    return {
      spec: placeholderSpec(`No data: ${chart} chart unavailable`, title),
      warnings: [chartProblem("chart_unavailable", `No ${chart} chart for this result: ${draft.unavailable}.`)],
    };
  }
  return { spec: draft.spec, warnings: draft.warnings ?? [] };
}

/**
 * A minimal chart that renders as an empty frame with a title: what a client shows instead of a picture.
 *
 * @example placeholderSpec("No data", "Mean of price, status == gone").title // { text: "No data", ... }
 */
export function placeholderSpec(text: string, subtitle: string): VegaLiteSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text, subtitle, anchor: "start" },
    width: CHART_WIDTH,
    height: CHART_HEIGHT / 3,
    data: { values: [] },
    mark: "text",
  };
}
