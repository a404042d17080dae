import type { EngineProblem } from "../errors";
import type { ColumnType } from "../table/types";
import { makeProblem, quote } from "./plan-problems";
import type { Operation, ParsedPlan, Plan } from "./plan-schema";

/** The plan fields whose presence depends on the operation (`operation` itself always applies). */
export const PLAN_FIELDS = [
  "target_column", "filters", "group_by", "x_axis", "y_axis", "time_column",
  "chart_type", "horizon", "forecast_method", "method", "confidence",
] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

/** Plan fields that name exactly one column; group_by and filters name columns of any type. */
export type ColumnRole = "target_column" | "x_axis" | "y_axis" | "time_column";

export interface OperationRule {
  /** Must be present (else `missing_field`). */
  readonly required: readonly PlanField[];
  /** May be present; a field in neither list is `not_applicable`. */
  readonly optional: readonly PlanField[];
  /** Column types each column role accepts for this operation (else `incompatible_type`). */
  readonly columnTypes: Readonly<Partial<Record<ColumnRole, readonly ColumnType[]>>>;
  /** Filled in by normalizePlan when absent. */
  readonly defaults: Readonly<Partial<Plan>>;
}

const NUMERIC: readonly ColumnType[] = ["integer", "float"];
const ANY_TYPE: readonly ColumnType[] = ["integer", "float", "boolean", "datetime", "string"];
const EVERYWHERE: readonly PlanField[] = ["filters", "chart_type"];

const aggregation = (target: readonly ColumnType[]): OperationRule => ({
  required: ["target_column"],
  optional: [...EVERYWHERE, "group_by"],
  columnTypes: { target_column: target },
  defaults: {},
});

/**
 * What each operation needs, allows and accepts: the one table behind validation, normalisation defaults and
 * the JSON Schemas (so the three cannot disagree). Type decisions, following docs/api.md where it speaks:
 * - booleans count as 0/1 for `sum` and `mean` only (docs/api.md); `std`/`median` of a 0/1 column is refused.
 * - `min`/`max` take numbers and datetimes (ISO result), not strings and not booleans: docs/api.md lists only those,
 *   and a string minimum would need Python's code-point order, which differs from the engine's code-unit order
 *   for astral characters. Relax here (one line) if the executor grows string min/max.
 * - correlation/regression need integer/float axes; a 0/1 column is not "numeric".
 * - forecast: integer/float target; time column datetime, integer or float.
 */
export const OPERATION_RULES: Readonly<Record<Operation, OperationRule>> = {
  mean: aggregation(["integer", "float", "boolean"]),
  sum: aggregation(["integer", "float", "boolean"]),
  count: { required: [], optional: [...EVERYWHERE, "target_column", "group_by"], columnTypes: { target_column: ANY_TYPE }, defaults: {} },
  min: aggregation(["integer", "float", "datetime"]),
  max: aggregation(["integer", "float", "datetime"]),
  std: aggregation(NUMERIC),
  median: aggregation(NUMERIC),
  correlation: {
    required: ["x_axis", "y_axis"],
    optional: [...EVERYWHERE, "group_by", "method"],
    columnTypes: { x_axis: NUMERIC, y_axis: NUMERIC },
    defaults: { method: "pearson" },
  },
  regression: {
    required: ["x_axis", "y_axis"],
    optional: [...EVERYWHERE, "group_by", "confidence"],
    columnTypes: { x_axis: NUMERIC, y_axis: NUMERIC },
    defaults: { confidence: 0.95 },
  },
  forecast: {
    required: ["target_column", "time_column"],
    optional: [...EVERYWHERE, "horizon", "forecast_method", "confidence"],
    columnTypes: { target_column: NUMERIC, time_column: ["datetime", "integer", "float"] },
    defaults: { horizon: 12, forecast_method: "linear", confidence: 0.95 },
  },
};

/**
 * Whether a field is present: `null` means absent (FastAPI clients send it), as does an empty list.
 *
 * @example
 * isPresent({ operation: "count", group_by: [] }, "group_by"); // false
 */
export function isPresent(plan: ParsedPlan, field: PlanField): boolean {
  const value = plan[field];
  if (value === null || value === undefined) return false;
  return !Array.isArray(value) || value.length > 0;
}

/**
 * Checks the fields against the operation: required ones present (`missing_field`), inapplicable ones absent
 * (`not_applicable`: reported, never dropped, so the caller learns the plan would not do what it says), no
 * column twice in group_by (`duplicate_column`). x_axis equal to y_axis is only a `same_column` warning: the
 * answer is well defined (r = 1, slope = 1), just rarely what was meant.
 *
 * @example
 * checkOperationFields({ operation: "mean", horizon: 3 }).errors.map((p) => p.code);
 * // ["missing_field", "not_applicable"]
 */
export function checkOperationFields(plan: ParsedPlan): { errors: EngineProblem[]; warnings: EngineProblem[] } {
  const errors: EngineProblem[] = [];
  const warnings: EngineProblem[] = [];
  const rule = OPERATION_RULES[plan.operation];
  for (const field of PLAN_FIELDS) {
    const present = isPresent(plan, field);
    if (!present && rule.required.includes(field)) {
      errors.push(makeProblem([field], "missing_field", `${plan.operation} needs ${field}`));
    } else if (present && !rule.required.includes(field) && !rule.optional.includes(field)) {
      errors.push(makeProblem([field], "not_applicable", `${field} does not apply to ${plan.operation}; remove it (${describeFields(plan.operation)})`));
    }
  }
  const seen = new Set<string>();
  (plan.group_by ?? []).forEach((column, index) => {
    if (seen.has(column)) errors.push(makeProblem(["group_by", index], "duplicate_column", `${quote(column)} appears more than once in group_by`));
    seen.add(column);
  });
  if (isPresent(plan, "x_axis") && plan.x_axis === plan.y_axis && rule.columnTypes.x_axis !== undefined) {
    warnings.push(makeProblem(["y_axis"], "same_column", `x_axis and y_axis are both ${quote(plan.x_axis as string)}: the ${plan.operation} of a column with itself is trivial`));
  }
  return { errors, warnings };
}

/** "needs target_column; also accepts filters, chart_type, group_by" for a message. */
function describeFields(operation: Operation): string {
  const rule = OPERATION_RULES[operation];
  const needs = rule.required.length > 0 ? `needs ${rule.required.join(", ")}; ` : "";
  return `${operation} ${needs}also accepts ${rule.optional.join(", ")}`;
}
