import type { OperationModule } from "../operations/operation";
import type { Plan } from "../plan/plan-schema";
import { numberField } from "./result-data";

/** Which number of a result a bar, line or heatmap cell shows, and the axis title naming it. */
export interface Statistic {
  field: "value" | "coefficient" | "slope";
  read: (fields: object) => number | null;
  label: string;
}

/**
 * The drawn number of an operation as its module declares it: `value` for aggregations, `coefficient` for
 * correlation, `slope` for regression; the label names the columns it was computed from.
 *
 * @example statisticOf(regression, plan) // { field: "slope", label: "slope of y on x", read }
 */
export function statisticOf(operation: OperationModule, plan: Plan): Statistic {
  const drawn = operation.statistic;
  if (drawn === undefined) throw new Error(`${operation.name} has no drawn statistic`);
  return { field: drawn.field, read: (fields) => numberField(fields, drawn.field), label: drawn.label(plan) };
}
