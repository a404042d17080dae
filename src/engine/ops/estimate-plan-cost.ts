import { EngineError } from "../errors";
import { operationModule } from "../operations/registry";
import { stepEntry, stepModule } from "../steps/registry";
import type { Plan } from "../plan/plan-schema";
import type { Table } from "../table/types";

/**
 * The most work units (≈ one cheap pass over one row, a few nanoseconds) a plan may cost. 3e8 units is well
 * under a second of CPU in Node/workerd, inside the Workers CPU limit with room for parsing the snapshot and
 * rendering a chart: any aggregation, correlation or regression over 10M rows fits; Holt is limited to about
 * 1e5 distinct times (its optimiser makes ~1,200 passes over the series).
 */
export const MAX_PLAN_COST = 3e8;

/**
 * Upper bound of a plan's work in units, from the row count alone (it must be known before running): each
 * filter one pass, each step what its module declares (steps/*.ts: an expression one pass per node, a sort
 * n log n...), each group key two (encode and combine), plus the operation's own cost as its module declares it
 * (see operations/*.ts). The Holt series is one value per distinct time, known only after
 * averaging: pass its length as `seriesLength` (the default, the row count, is the worst case).
 *
 * @example estimatePlanCost(table, { operation: "mean", target_column: "x", filters: [], group_by: [] }) // rowCount
 */
export function estimatePlanCost(table: Table, plan: Plan, seriesLength: number = table.rowCount): number {
  const rows = Math.max(table.rowCount, 1);
  const context = { rows, log2Rows: Math.log2(rows + 1), grouped: plan.group_by.length > 0, seriesLength };
  const steps = (plan.steps ?? []).reduce((sum, step) => {
    const { kind, body } = stepEntry(step);
    return sum + stepModule(kind).cost(body, rows);
  }, 0);
  return rows * (plan.filters.length + 2 * plan.group_by.length) + steps + operationModule(plan.operation).cost(plan, context);
}

/** Bytes the columns a plan's steps make may hold: each is as long as the table, 8 bytes a row. */
export const MAX_STEP_COLUMN_BYTES = 48 * 1024 * 1024;

/** Columns the steps make (derived, or filled copies), each as long as the table. */
function stepColumns(plan: Plan): number {
  return (plan.steps ?? []).reduce((sum, step) => {
    const { kind, body } = stepEntry(step);
    if (kind === "derive") return sum + 1;
    if (kind === "fill_missing") return sum + (body as { columns: unknown[] }).columns.length;
    return sum;
  }, 0);
}

/** Refuses a plan whose estimated cost is over {@link MAX_PLAN_COST} (error code `plan_too_costly`, a 422). */
export function checkPlanCost(table: Table, plan: Plan, seriesLength?: number): void {
  const bytes = stepColumns(plan) * table.rowCount * 8;
  if (bytes > MAX_STEP_COLUMN_BYTES) {
    const most = Math.floor(MAX_STEP_COLUMN_BYTES / (8 * Math.max(table.rowCount, 1)));
    throw new EngineError("plan_too_costly", `The steps make ${stepColumns(plan)} new columns of ${table.rowCount} rows; at most ${most} fit in memory. Derive fewer columns or filter first.`);
  }
  const cost = estimatePlanCost(table, plan, seriesLength);
  if (cost > MAX_PLAN_COST) {
    throw new EngineError(
      "plan_too_costly",
      `This plan would take too long on ${table.rowCount} rows (estimated ${Math.round(cost)} work units, limit ${MAX_PLAN_COST}). Add filters or use a simpler method.`,
    );
  }
}
