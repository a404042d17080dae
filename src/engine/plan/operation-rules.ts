import type { EngineProblem } from "../errors";
import type { OperationRule } from "../operations/operation";
import { OPERATION_MODULES, operationModule } from "../operations/registry";
import { groupByNames } from "./group-by-item";
import { makeProblem, quote } from "./plan-problems";
import { PIPELINE_FIELDS, PLAN_KEYS, type Operation, type ParsedPlan } from "./plan-schema";

export type { ColumnRole, OperationRule } from "../operations/operation";

/** The plan fields whose presence depends on the operation (`operation` and the pipeline fields always apply). */
export const PLAN_FIELDS: readonly string[] = PLAN_KEYS.filter((key) => key !== "operation" && !PIPELINE_FIELDS.includes(key));
export type PlanField = string;

/** Each operation's rule, by name: what it needs, allows and accepts (declared by its module). */
export const OPERATION_RULES: Readonly<Record<Operation, OperationRule>> = Object.fromEntries(
  OPERATION_MODULES.map((module) => [module.name, module.rule]),
) as Record<Operation, OperationRule>;

/**
 * Whether a field is present: `null` means absent (FastAPI clients send it), as does an empty list.
 *
 * @example
 * isPresent({ operation: "count", group_by: [] }, "group_by"); // false
 */
export function isPresent(plan: ParsedPlan, field: PlanField): boolean {
  const value = (plan as Record<string, unknown>)[field];
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
  const rule = operationModule(plan.operation).rule;
  for (const field of PLAN_FIELDS) {
    const present = isPresent(plan, field);
    if (!present && rule.required.includes(field)) {
      errors.push(makeProblem([field], "missing_field", `${plan.operation} needs ${field}`));
    } else if (present && !rule.required.includes(field) && !rule.optional.includes(field)) {
      errors.push(makeProblem([field], "not_applicable", `${field} does not apply to ${plan.operation}; remove it (${describeFields(plan.operation)})`));
    }
  }
  const seen = new Set<string>();
  groupByNames(plan.group_by).forEach((column, index) => {
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
