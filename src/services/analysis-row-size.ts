import { jsonByteLength as jsonBytes, ROW_BUDGET_BYTES } from "../db/row-size";
import type { Chart } from "../engine/charts/build-chart";
import type { FieldProblem } from "../errors";

/** A stored analysis (result, plan and chart) keeps within D1's row budget. */
export const MAX_STORED_ANALYSIS_BYTES = ROW_BUDGET_BYTES;
/** A refused plan is kept as sent up to this size, else as a shortened preview: it is evidence, not data. */
export const MAX_STORED_PLAN_BYTES = 16_384;
export const MAX_ERROR_MESSAGE_LENGTH = 4_000;


/**
 * The plan to keep in the history for a refused call: as sent when small, else `{truncated, preview}` so a
 * 2 MB body cannot turn each refused call into a 2 MB row.
 *
 * @example
 * storedPlanOf({ operation: "mean", junk: "x".repeat(1e6) }); // { truncated: true, preview: '{"operation":"mean",...' }
 */
export function storedPlanOf(plan: unknown): unknown {
  if (jsonBytes(plan) <= MAX_STORED_PLAN_BYTES) return plan ?? null;
  return { truncated: true, preview: JSON.stringify(plan).slice(0, MAX_STORED_PLAN_BYTES / 4) };
}

/** An error message short enough for the history row. */
export function storedMessageOf(message: string): string {
  return message.length <= MAX_ERROR_MESSAGE_LENGTH ? message : `${message.slice(0, MAX_ERROR_MESSAGE_LENGTH - 1)}…`;
}

/**
 * What of the chart fits in the analysis row beside the result and the plan: all of it, the spec without the
 * SVG, or none (the response still carries the whole chart; a `chart_not_stored` warning says the history copy
 * is partial). `fits` is false only when the result itself cannot be stored.
 */
export function storableChart(result: unknown, plan: unknown, chart: Chart | null): { fits: boolean; chart: Chart | null; warnings: FieldProblem[] } {
  const base = jsonBytes(result) + jsonBytes(plan);
  if (base > MAX_STORED_ANALYSIS_BYTES) return { fits: false, chart: null, warnings: [] };
  if (!chart || base + jsonBytes(chart) <= MAX_STORED_ANALYSIS_BYTES) return { fits: true, chart, warnings: [] };
  const specOnly = { ...chart, svg: null };
  if (base + jsonBytes(specOnly) <= MAX_STORED_ANALYSIS_BYTES) {
    return { fits: true, chart: specOnly, warnings: [notStored("The chart SVG is too large to keep in the history; it is returned here only.")] };
  }
  return { fits: true, chart: null, warnings: [notStored("The chart is too large to keep in the history; it is returned here only.")] };
}

function notStored(message: string): FieldProblem {
  return { path: "plan.chart_type", code: "chart_not_stored", message };
}
