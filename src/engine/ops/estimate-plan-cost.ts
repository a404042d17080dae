import { EngineError } from "../errors";
import { HOLT_EVALUATIONS } from "../forecast/fit-holt";
import type { Plan } from "../plan/plan-schema";
import type { Table } from "../table/types";
import { MAX_GROUPS } from "./group-rows";

/**
 * The most work units (≈ one cheap pass over one row, a few nanoseconds) a plan may cost. 3e8 units is well
 * under a second of CPU in Node/workerd, inside the Workers CPU limit with room for parsing the snapshot and
 * rendering a chart: any aggregation, correlation or regression over 10M rows fits; Holt is limited to about
 * 1e5 distinct times (its optimiser makes ~1,200 passes over the series).
 */
export const MAX_PLAN_COST = 3e8;

/** Work units of one grouped correlation/regression fit beyond its per-row passes (result object, p-values). */
export const GROUP_FIT_UNITS = 1000;

/**
 * Upper bound of a plan's work in units, from the row count alone (it must be known before running):
 * each filter one pass; then per operation
 *   aggregations: 1 + 2 per group key (median 3: gather + quickselect),
 *   pearson 4, spearman 4 + 2 log₂ n (two sorts), regression 5,
 *   forecast: sort n log₂ n + linear 5, and for Holt 3 × HOLT_EVALUATIONS passes over the averaged series.
 * Grouped median, correlation and regression first split the rows into per-group lists (+1 per row); grouped
 * correlation and regression then fit and test each group separately, a fixed {@link GROUP_FIT_UNITS} per group
 * for at most {@link MAX_GROUPS} groups (grouping refuses more). Per group the gather, sorts and sums add up to no
 * more than the ungrouped passes, so they need no other term.
 * The Holt series is one value per distinct time, known only after averaging: pass its length as
 * `seriesLength` (the default, the row count, is the worst case).
 *
 * @example estimatePlanCost(table, { operation: "mean", target_column: "x", filters: [], group_by: [] }) // rowCount
 */
export function estimatePlanCost(table: Table, plan: Plan, seriesLength: number = table.rowCount): number {
  const n = Math.max(table.rowCount, 1);
  const log2n = Math.log2(n + 1);
  let perRow: number;
  switch (plan.operation) {
    case "correlation":
      perRow = plan.method === "spearman" ? 4 + 2 * log2n : 4;
      break;
    case "regression":
      perRow = 5;
      break;
    case "forecast":
      perRow = log2n + 5;
      break;
    case "median":
      perRow = 3;
      break;
    default:
      perRow = 1;
  }
  const holt = plan.operation === "forecast" && plan.forecast_method === "holt" ? 3 * HOLT_EVALUATIONS * seriesLength : 0;
  const grouped = plan.group_by.length > 0;
  const pairwise = plan.operation === "correlation" || plan.operation === "regression";
  if (grouped && (pairwise || plan.operation === "median")) perRow += 1;
  const fits = grouped && pairwise ? MAX_GROUPS * GROUP_FIT_UNITS : 0;
  return n * (plan.filters.length + perRow + 2 * plan.group_by.length) + holt + fits;
}

/** Refuses a plan whose estimated cost is over {@link MAX_PLAN_COST} (error code `plan_too_costly`, a 422). */
export function checkPlanCost(table: Table, plan: Plan, seriesLength?: number): void {
  const cost = estimatePlanCost(table, plan, seriesLength);
  if (cost > MAX_PLAN_COST) {
    throw new EngineError(
      "plan_too_costly",
      `This plan would take too long on ${table.rowCount} rows (estimated ${Math.round(cost)} work units, limit ${MAX_PLAN_COST}). Add filters or use a simpler method.`,
    );
  }
}
