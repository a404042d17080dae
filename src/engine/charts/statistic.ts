import type { ExecutionResult, GroupedResult } from "../execute-plan";
import type { Plan } from "../plan/plan-schema";
import { numberField } from "./result-data";

/** Which number of a result a bar, line or heatmap cell shows. */
export interface Statistic {
  field: "value" | "coefficient" | "slope";
  read: (fields: ExecutionResult | GroupedResult["groups"][number]) => number | null;
}

/**
 * The drawn number of an operation: `value` for aggregations, `coefficient` for correlation, `slope` for
 * regression.
 *
 * @example statisticOf({ operation: "regression", ... }).field // "slope"
 */
export function statisticOf(plan: Plan): Statistic {
  const field = plan.operation === "correlation" ? "coefficient" : plan.operation === "regression" ? "slope" : "value";
  return { field, read: (fields) => numberField(fields, field) };
}

/**
 * The y-axis title of a statistic, naming the columns it was computed from.
 *
 * @example describeStatistic({ operation: "mean", target_column: "price", ... }) // "mean of price"
 */
export function describeStatistic(plan: Plan): string {
  if (plan.operation === "correlation") return `${plan.method ?? "pearson"} correlation of ${plan.x_axis} and ${plan.y_axis}`;
  if (plan.operation === "regression") return `slope of ${plan.y_axis} on ${plan.x_axis}`;
  if (plan.operation === "count" && plan.target_column === undefined) return "count of rows";
  return `${plan.operation} of ${plan.target_column}`;
}
