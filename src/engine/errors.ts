import type { PlanProblemCode } from "./plan/plan-problems";
import type { SchemaProblemCode } from "./plan/zod-issue-problems";

/**
 * The engine's vocabulary: every code its errors and problems can carry. Clients branch on these codes, so each
 * means one thing; the HTTP layer lists them all in the OpenAPI document and decides how each engine error
 * answers (src/errors.ts). Adding a code is fine; renaming one breaks clients.
 */

/** Why an upload is not a dataset (src/engine/csv/), each answered 400 or 415 with the line where one applies. */
export const CSV_ERROR_CODES = [
  "invalid_encoding",
  "binary_content",
  "empty_file",
  "no_data_rows",
  "malformed_csv",
  "ragged_row",
  "too_many_rows",
  "too_many_columns",
  "too_many_cells",
  "cell_too_large",
] as const;

/**
 * Every code an EngineError carries: the CSV codes; `invalid_snapshot` (a stored snapshot is unreadable);
 * and what execution finds that validation cannot: `plan_too_costly`, `too_many_groups`, `insufficient_data`
 * (too few points for a forecast), `forecast_out_of_range` (a forecast time past what ISO 8601 can name), and
 * the column checks of a plan run without validation (`unknown_column`, `incompatible_type`,
 * `uncoercible_value`, `missing_field`); what only the data reveals to a function or a model: `invalid_argument`
 * (an expression function cannot compute on these values, e.g. qcut's edges collide), `invalid_parameter` (an
 * out-of-range parameter reaching a kernel), `invalid_input` (a test's samples do not fit it, e.g. paired samples
 * of different lengths), `invalid_target` (a model's target is not what the model needs), `invalid_split`
 * (a train/test split leaves a side empty), `collinear_predictors`, `perfect_separation`, `unknown_category`
 * and `invalid_prediction_input` (a prediction row a fitted model cannot code), `non_finite_value` (an infinite
 * value reaches a model), `design_too_large` (a model's design matrix would not fit in memory).
 */
export const ENGINE_ERROR_CODES = [
  ...CSV_ERROR_CODES,
  "invalid_snapshot",
  "plan_too_costly",
  "too_many_groups",
  "insufficient_data",
  "forecast_out_of_range",
  "unknown_column",
  "incompatible_type",
  "uncoercible_value",
  "missing_field",
  "invalid_argument",
  "invalid_parameter",
  "invalid_input",
  "invalid_target",
  "invalid_split",
  "collinear_predictors",
  "perfect_separation",
  "unknown_category",
  "invalid_prediction_input",
  "non_finite_value",
  "design_too_large",
] as const;

/**
 * A warning of an execution about its result: `no_rows_selected` (the filters or steps leave no row),
 * `many_groups` (more than 1,000 groups, counted after the filters and steps).
 */
export const RESULT_WARNING_CODES = ["no_rows_selected", "many_groups"] as const;

/**
 * Every code a test's result warning can carry (path `plan.test`, or `plan.alpha`):
 * - `test_warning`: scipy would warn about this result (too few values for an approximation, ties forcing the
 *   normal approximation, precision lost to nearly equal values...); the message says what.
 * - `empty_sample`: a sample has no values in the selected rows.
 * - `alpha_not_tabulated`: the Anderson-Darling test has no critical value at this alpha (reject_null is null).
 */
export const TEST_WARNING_CODES = ["test_warning", "empty_sample", "alpha_not_tabulated"] as const;

/**
 * A warning about the chart only (the result is unaffected), path `plan.chart_type`: `chart_no_data`,
 * `chart_unavailable` (this chart cannot show this result), `chart_truncated` (some groups left out),
 * `chart_reduced` (points thinned to fit the SVG budget), `chart_svg_dropped` (no SVG: too many marks),
 * `chart_render_failed` (no SVG: the data cannot be drawn).
 */
export const CHART_WARNING_CODES = [
  "chart_no_data",
  "chart_unavailable",
  "chart_truncated",
  "chart_reduced",
  "chart_svg_dropped",
  "chart_render_failed",
] as const;

export type CsvErrorCode = (typeof CSV_ERROR_CODES)[number];
export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];
export type ResultWarningCode = (typeof RESULT_WARNING_CODES)[number];
export type ChartWarningCode = (typeof CHART_WARNING_CODES)[number];
export type TestWarningCode = (typeof TEST_WARNING_CODES)[number];
/** Every code an engine problem (an error's field problem or a warning) can carry. */
export type EngineProblemCode = SchemaProblemCode | PlanProblemCode | EngineErrorCode | ResultWarningCode | TestWarningCode | ChartWarningCode;

/** A problem at one place of the plan or the file: the contract's field problem. */
export interface EngineProblem {
  path: string;
  code: EngineProblemCode;
  message: string;
  suggestion?: string;
  /** For a problem inside an expression: the offending token's characters (0-based, end exclusive). */
  position?: { start: number; end: number };
}

/**
 * The engine's one error type. It carries a stable machine code and, where it applies, the plan problems or
 * the CSV line, so the HTTP layer can map it to a 4xx problem without parsing messages.
 *
 * @example
 * throw new EngineError("insufficient_data", "A forecast needs values at 3 or more distinct times.");
 */
export class EngineError extends Error {
  override readonly name = "EngineError";
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly details: { line?: number; problems?: EngineProblem[] } = {},
  ) {
    super(message);
  }
}
