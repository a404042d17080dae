import type { EngineProblem } from "../errors";
import { formatProblemPath } from "../problem-path";

/** The structural codes (zod-issue-problems.ts), as far as a plan's schema can break them. */
export const PLAN_STRUCTURE_CODES = [
  "unknown_key",
  "required",
  "invalid_type",
  "invalid_value",
  "too_many",
  "too_long",
  "too_short",
  "out_of_range",
  "invalid",
] as const;

/**
 * Every `code` a plan error can carry. Fixed and documented, because clients (and the LLM retry loop) branch on
 * them and the HTTP layer lists them in OpenAPI. Adding a code is fine; renaming one breaks clients.
 *
 * - Structural (the plan does not match the schema): `unknown_key`, `required`, `invalid_type`, `invalid_value`,
 *   `too_many`, `too_long`, `too_short`, `out_of_range`, `invalid` (any other schema rule).
 * - Per operation: `missing_field`, `not_applicable`, `duplicate_column`, `duplicate_name` (two results of one plan
 *   would share a name: aggregations' `as`, or an `as` equal to a group_by column).
 * - Against a dataset: `unknown_column`, `incompatible_type`, `uncoercible_value`.
 * - `chart_unsupported`: the chart type cannot draw the result of the operation (see operations/*.ts charts).
 * - Expressions (steps): `syntax_error`, `unknown_operator`, `ambiguous_expression`, `empty_expression`,
 *   `expression_too_long`, `expression_too_large`, `expression_too_deep`, `unknown_function`,
 *   `invalid_argument` (a function's parameter), with `position` pointing at the token.
 * - Tests and models: `unknown_value` (a group or category the plan names never occurs in the column, with the
 *   closest value as `suggestion`), `duplicate_value` (a group or category named twice).
 */
export const PLAN_ERROR_CODES = [
  ...PLAN_STRUCTURE_CODES,
  "missing_field",
  "not_applicable",
  "duplicate_column",
  "duplicate_name",
  "unknown_column",
  "incompatible_type",
  "uncoercible_value",
  "chart_unsupported",
  "syntax_error",
  "unknown_operator",
  "ambiguous_expression",
  "empty_expression",
  "expression_too_long",
  "expression_too_large",
  "expression_too_deep",
  "unknown_function",
  "invalid_argument",
  "unknown_value",
  "duplicate_value",
] as const;

/**
 * Every `code` a plan warning can carry. Warnings never block execution and never change the plan.
 *
 * - `same_column`: x_axis and y_axis name the same column.
 * - `value_not_found`: an `==`/`!=` filter compares a string column with a value that never occurs in it.
 * - `chart_mismatch`: the chart type does not suit the result of the operation.
 * - `contradictory_filters`: the filters on one column can match no row at all.
 */
export const PLAN_WARNING_CODES = [
  "same_column",
  "value_not_found",
  "chart_mismatch",
  "contradictory_filters",
] as const;

/** Both lists, for documentation (OpenAPI enum of `Problem.code` on the validate route). */
export const PLAN_PROBLEM_CODES = [...PLAN_ERROR_CODES, ...PLAN_WARNING_CODES] as const;

export type PlanErrorCode = (typeof PLAN_ERROR_CODES)[number];
export type PlanWarningCode = (typeof PLAN_WARNING_CODES)[number];
export type PlanProblemCode = (typeof PLAN_PROBLEM_CODES)[number];


/**
 * Formats a path inside the plan the way clients read it: always rooted at `plan` (see formatProblemPath).
 *
 * @example
 * formatPlanPath(["filters", 0, "column"]); // "plan.filters[0].column"
 * formatPlanPath(["a.b"]);                  // 'plan["a.b"]'
 */
export function formatPlanPath(path: readonly PropertyKey[]): string {
  return formatProblemPath(path, "plan");
}

/**
 * Builds a Problem whose key order is fixed (path, code, message, suggestion) so bodies compare and serialise
 * the same everywhere; `suggestion` is left out rather than set to undefined.
 *
 * @example
 * makeProblem(["target_column"], "missing_field", "mean needs target_column");
 */
export function makeProblem(
  path: readonly PropertyKey[],
  code: PlanProblemCode,
  message: string,
  suggestion?: string,
): EngineProblem {
  const problem: EngineProblem = { path: formatPlanPath(path), code, message };
  if (suggestion !== undefined) problem.suggestion = suggestion;
  return problem;
}

/**
 * Quotes user text for a message: JSON-escaped so control characters and quotes cannot garble it, and cut short.
 *
 * @example
 * quote('say "hi"'); // '"say \\"hi\\""'
 */
export function quote(text: string, max = 80): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(shown);
}
