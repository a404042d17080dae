import type { ChartWarningCode, EngineProblem } from "../errors";
import type { ExecutionOutput } from "../execute-plan";
import type { OperationModule } from "../operations/operation";
import type { Plan } from "../plan/plan-schema";

/** A Vega-Lite spec as plain JSON (the engine does not depend on vega-lite's types). */
export type VegaLiteSpec = Record<string, unknown>;

/**
 * What every per-type builder receives: the plan, the execution output (the result, and the frame and groups it
 * was computed from, so a chart draws exactly the rows the result used without redoing any of the work) and the
 * operation's module (its words and drawn statistic).
 */
/** The plan as charts read it: group_by as the key names (a period entry is named by its column). */
export type ChartPlan = Plan & { group_by: string[] };

export interface ChartInput {
  readonly plan: ChartPlan;
  readonly output: ExecutionOutput;
  readonly operation: OperationModule;
  /** The plan in words (chart-title.ts), already computed once for every builder. */
  readonly title: string;
}

/** A builder's answer: a spec, or why this chart cannot show this result (turned into a placeholder). */
export type ChartDraft = { spec: VegaLiteSpec; warnings?: EngineProblem[] } | { unavailable: string };

export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 360;

/**
 * The common frame of every chart. Data always goes in top-level `datasets` under fixed names, so the renderer
 * can find the reducible ones (`points`, `outliers`) without knowing the chart type. Data field names are fixed
 * internal names (`x`, `y`, `value`, `series`...): column names appear only as titles, which Vega treats as
 * text, so no user string ever reaches a field reference or an expression.
 *
 * @example frameSpec("Mean of price by region", undefined, { bars: [] })
 */
export function frameSpec(title: string, subtitle: string | undefined, datasets: Record<string, unknown[]>): VegaLiteSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: subtitle === undefined ? { text: title, anchor: "start" } : { text: title, subtitle, anchor: "start" },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    datasets,
    // invalid: null drops Vega-Lite's per-datum validity filter (an interpreted expression per row, half the
    // render time of a scatter): builders only emit finite numbers, and nulls are filtered explicitly.
    config: { mark: { invalid: null }, axis: { labelLimit: 160, titleLimit: 600, labelOverlap: true }, legend: { labelLimit: 200, titleLimit: 300 } },
  };
}

/**
 * A reference to one of the spec's `datasets` whose values are already typed (numbers, epoch ms): `parse: null`
 * stops Vega-Lite from adding a per-row `toDate`/`toNumber` formula (an interpreted expression per datum).
 *
 * @example typedData("series") // { name: "series", format: { parse: null } }
 */
export function typedData(name: string): { name: string; format: { parse: null } } {
  return { name, format: { parse: null } };
}

/** A chart-module warning about the chart only (the result itself is unaffected). */
export function chartProblem(code: ChartWarningCode, message: string): EngineProblem {
  return { path: "plan.chart_type", code, message };
}
