import type { EngineProblem } from "../errors";
import { operationModule } from "../operations/registry";
import { suggestAggregationOps } from "../results/aggregation-aliases";
import { checkShaping } from "../results/check-shaping";
import { checkSteps } from "../steps/check-steps";
import { checkColumns, indexColumns, type PlanDataset } from "./check-columns";
import { checkFilterConditions } from "./check-filters";
import { normalizePlan } from "./normalize-plan";
import { checkOperationFields } from "./operation-rules";
import { checkChartType, collectPlanWarnings } from "./plan-warnings";
import { PlanSchema, type FilterCondition, type Plan } from "./plan-schema";
import { withAliasSuggestions } from "./value-aliases";
import { zodIssuesToProblems } from "./zod-issue-problems";

export type { PlanDataset } from "./check-columns";

export interface PlanValidation {
  /** The normalised plan, only when there are no errors. */
  plan: Plan | null;
  errors: EngineProblem[];
  warnings: EngineProblem[];
}

/**
 * Validates a plan in three layers and reports every problem of the first layer that fails:
 * 1. structure (PlanSchema): unknown keys, types, enums, bounds. Nothing else runs on a plan that fails here,
 *    because the later layers would be reasoning about fields that do not exist.
 * 2. the operation: required fields present, inapplicable fields absent, no duplicate group_by column; each
 *    filter's shape (the value its operator takes); each step names one kind and its expressions parse.
 * 3. the dataset, when given: filters against the dataset's columns, then the steps in order, each against the
 *    columns the steps before it leave (a derive adds a typed column); the operation's columns against the
 *    columns after the steps; filter values coerce. The chart type must be able to draw the result (with or
 *    without a dataset; key and target types are known only with one).
 * Warnings (same axes, unknown filter values, too many groups, chart mismatch, contradictory filters) are
 * gathered whenever the structure is sound. Nothing is ever fixed silently: the plan returned is the input with
 * nulls removed and documented defaults filled in (see normalizePlan), or null when there is any error.
 *
 * Never throws on any input (property-tested with arbitrary JSON).
 *
 * @example
 * validatePlan({ operation: "mean", target_column: "Age" }, { columns: [{ name: "age", type: "integer" }] });
 * // { plan: null, warnings: [],
 * //   errors: [{ path: "plan.target_column", code: "unknown_column", message: 'No column named "Age"', suggestion: "age" }] }
 */
export function validatePlan(input: unknown, dataset?: PlanDataset): PlanValidation {
  const parsed = PlanSchema.safeParse(input);
  if (!parsed.success) return { plan: null, errors: withAliasSuggestions(suggestAggregationOps(zodIssuesToProblems(parsed.error.issues, input), input), input), warnings: [] };

  const plan = parsed.data;
  const base = dataset === undefined ? undefined : indexColumns(dataset);
  const fields = checkOperationFields(plan);
  const filters = checkFilterConditions((plan.filters ?? []) as FilterCondition[], ["filters"], base);
  const steps = checkSteps((plan.steps ?? []) as Array<Record<string, unknown>>, base?.types, dataset?.table);
  // The operation and the chart see the columns the steps leave (derived ones included).
  const index = base === undefined || steps.scope === undefined ? base : { names: [...steps.scope.keys()], types: steps.scope, data: base.data };
  const chart = checkChartType(plan, index);
  // The operation's own checks (aggregations, a test's samples, a model's predictors) and having / sort / limit against the result they shape.
  const results = [...(operationModule(plan.operation).check?.(plan, index) ?? []), ...checkShaping(plan, index)];
  const errors = [...fields.errors, ...(index === undefined ? [] : checkColumns(plan, index)), ...filters, ...steps.errors, ...results, ...chart.errors];
  const warnings = [...fields.warnings, ...collectPlanWarnings(plan, base), ...steps.warnings, ...chart.warnings];
  return { plan: errors.length === 0 ? normalizePlan(plan) : null, errors, warnings };
}
