import type { Chart } from "../engine/charts/build-chart";
import type { EngineProblem } from "../engine/errors";

/**
 * D1 holds at most 2,000,000 bytes per row; a stored analysis keeps under this budget, measured in UTF-8 bytes
 * of the JSON (what D1 counts), not in characters.
 */
export const MAX_STORED_ANALYSIS_BYTES = 1_800_000;
/** A refused plan is kept as sent up to this size, else as a shortened preview: it is evidence, not data. */
export const MAX_STORED_PLAN_BYTES = 16_384;
export const MAX_ERROR_MESSAGE_LENGTH = 4_000;

const encoder = new TextEncoder();
const jsonBytes = (value: unknown): number => encoder.encode(JSON.stringify(value ?? null)).byteLength;

/**
 * The plan to keep in the history for a refused call: as sent when small, else `{truncated, preview}` so a
 * 2 MB body cannot turn each refused call into a 2 MB row.
 *
 * @example
 * storedPlanOf({ operation: "mean", junk: "x".repeat(1e6) }); // { truncated: true, preview: '{"operation":"mean",...' }
 */
export function storedPlanOf(plan: unknown): unknown {
  const json = JSON.stringify(plan ?? null);
  if (encoder.encode(json).byteLength <= MAX_STORED_PLAN_BYTES) return plan ?? null;
  return { truncated: true, preview: json.slice(0, MAX_STORED_PLAN_BYTES / 4) };
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
export function storableChart(result: unknown, plan: unknown, chart: Chart | null): { fits: boolean; chart: Chart | null; warnings: EngineProblem[] } {
  const base = jsonBytes(result) + jsonBytes(plan);
  if (base > MAX_STORED_ANALYSIS_BYTES) return { fits: false, chart: null, warnings: [] };
  if (!chart || base + jsonBytes(chart) <= MAX_STORED_ANALYSIS_BYTES) return { fits: true, chart, warnings: [] };
  const specOnly = { ...chart, svg: null };
  if (base + jsonBytes(specOnly) <= MAX_STORED_ANALYSIS_BYTES) {
    return { fits: true, chart: specOnly, warnings: [notStored("The chart SVG is too large to keep in the history; it is returned here only.")] };
  }
  return { fits: true, chart: null, warnings: [notStored("The chart is too large to keep in the history; it is returned here only.")] };
}

function notStored(message: string): EngineProblem {
  return { path: "plan.chart_type", code: "chart_not_stored", message };
}
