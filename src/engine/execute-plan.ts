import { EngineError, type EngineProblem } from "./errors";
import { jsonRecord } from "./json-record";
import { averageByTime } from "./forecast/average-by-time";
import type { ForecastResult } from "./forecast/forecast-result";
import { holtForecast } from "./forecast/holt-forecast";
import { linearForecast } from "./forecast/linear-forecast";
import { aggregateGroups } from "./ops/aggregate-groups";
import { aggregateRows, finite, type AggregateResult, type Aggregation } from "./ops/aggregate-rows";
import { checkPlanCost } from "./ops/estimate-plan-cost";
import { findColumn, findValueColumn } from "./ops/find-column";
import { gatherPairs } from "./ops/gather-pairs";
import { groupRows, rowsByGroup } from "./ops/group-rows";
import { selectRows, type FilterStep } from "./ops/select-rows";
import type { Plan } from "./plan/plan-schema";
import { linearRegression } from "./stats/linear-regression";
import { pearsonCorrelation } from "./stats/pearson-correlation";
import { spearmanCorrelation } from "./stats/spearman-correlation";
import type { Table } from "./table/types";

export interface CorrelationResult {
  coefficient: number | null;
  p_value: number | null;
  n: number;
  method: "pearson" | "spearman";
}

export interface RegressionResult {
  slope: number | null;
  intercept: number | null;
  r_squared: number | null;
  n: number;
  slope_std_error: number | null;
  intercept_std_error: number | null;
  slope_p_value: number | null;
  intercept_p_value: number | null;
}

type Fields = AggregateResult | CorrelationResult | RegressionResult;
export type GroupedResult = { groups: Array<{ key: Record<string, unknown> } & Fields> };
export type ExecutionResult = Fields | ForecastResult | GroupedResult;

export interface ExecutionOutput {
  result: ExecutionResult;
  filtered_row_count: number;
  filter_steps: FilterStep[];
  warnings: EngineProblem[];
}

/** Fewer distinct times than this and a forecast is refused (a line through two points has no error estimate). */
export const MIN_FORECAST_POINTS = 3;

/**
 * Executes a validated, normalised plan over a table: filters (ANDed) first, then group_by, then the operation,
 * with pandas/scipy/statsmodels semantics (docs/api.md "Execution"). Deterministic: the same table and plan give the
 * same bytes. Throws EngineError for what validation cannot see from the schema alone: a plan over the cost cap
 * (`plan_too_costly`), a group_by making more than MAX_GROUPS (5,000) groups (`too_many_groups`, refused while
 * grouping, before any per-group key or result is built) and a forecast with fewer than 3 distinct times
 * (`insufficient_data`).
 *
 * @example executePlan(table, { operation: "mean", target_column: "price", filters: [], group_by: [] }).result
 * // { value: 41.2, count: 1203 }
 */
export function executePlan(table: Table, plan: Plan): ExecutionOutput {
  // Holt's optimiser cost depends on the number of distinct times, checked again once the series is known.
  checkPlanCost(table, plan, 0);
  const { rows, steps } = selectRows(table, plan.filters);
  const warnings: EngineProblem[] = [];
  if (rows.length === 0 && plan.filters.length > 0) {
    warnings.push({ path: "plan.filters", code: "no_rows_selected", message: "The filters leave no rows; statistics of nothing are null (sum and count are 0)." });
  }
  const result = plan.operation === "forecast" ? forecast(table, plan, rows) : computeGrouped(table, plan, rows);
  return { result, filtered_row_count: rows.length, filter_steps: steps, warnings };
}

function computeGrouped(table: Table, plan: Plan, rows: Uint32Array): ExecutionResult {
  if (plan.group_by.length === 0) {
    if (isAggregation(plan.operation)) return aggregateRows(targetOf(table, plan), rows, plan.operation);
    return pairwiseStatistic(table, plan, rows);
  }
  const grouping = groupRows(table, rows, plan.group_by);
  const fields: Fields[] = isAggregation(plan.operation)
    ? aggregateGroups(targetOf(table, plan), grouping, plan.operation)
    : rowsByGroup(grouping).map((groupRows) => pairwiseStatistic(table, plan, groupRows));
  return { groups: grouping.keys.map((key, g) => ({ key: jsonRecord(plan.group_by.map((column, i) => [column, key[i]] as const)), ...fields[g] })) };
}

function isAggregation(operation: Plan["operation"]): operation is Aggregation {
  return operation !== "correlation" && operation !== "regression" && operation !== "forecast";
}

function targetOf(table: Table, plan: Plan) {
  if (plan.target_column === undefined) {
    if (plan.operation === "count") return null;
    throw new EngineError("missing_field", `${plan.operation} needs a target_column.`, {
      problems: [{ path: "plan.target_column", code: "missing_field", message: "Required for this operation." }],
    });
  }
  return findColumn(table, plan.target_column, "plan.target_column");
}

function pairwiseStatistic(table: Table, plan: Plan, rows: Uint32Array): CorrelationResult | RegressionResult {
  const x = findValueColumn(table, required(plan.x_axis, "x_axis"), "plan.x_axis");
  const y = findValueColumn(table, required(plan.y_axis, "y_axis"), "plan.y_axis");
  const pairs = gatherPairs(x, y, rows);
  if (plan.operation === "correlation") {
    const method = plan.method ?? "pearson";
    const test = (method === "spearman" ? spearmanCorrelation : pearsonCorrelation)(pairs.x, pairs.y, pairs.n);
    return { coefficient: finite(test.coefficient), p_value: finite(test.pValue), n: pairs.n, method };
  }
  const fit = linearRegression(pairs.x, pairs.y, pairs.n);
  return {
    slope: finite(fit.slope),
    intercept: finite(fit.intercept),
    r_squared: finite(fit.rSquared),
    n: fit.n,
    slope_std_error: finite(fit.slopeStdError),
    intercept_std_error: finite(fit.interceptStdError),
    slope_p_value: finite(fit.slopePValue),
    intercept_p_value: finite(fit.interceptPValue),
  };
}

function forecast(table: Table, plan: Plan, rows: Uint32Array): ForecastResult {
  const time = findValueColumn(table, required(plan.time_column, "time_column"), "plan.time_column");
  const target = findValueColumn(table, required(plan.target_column, "target_column"), "plan.target_column");
  const series = averageByTime(time, target, rows);
  if (series.times.length < MIN_FORECAST_POINTS) {
    throw new EngineError(
      "insufficient_data",
      `A forecast needs values at ${MIN_FORECAST_POINTS} or more distinct times; the selected rows have ${series.times.length}.`,
    );
  }
  if (plan.forecast_method === "holt") checkPlanCost(table, plan, series.times.length);
  const isDatetime = time.type === "datetime";
  const horizon = plan.horizon ?? 12;
  const confidence = plan.confidence ?? 0.95;
  return plan.forecast_method === "holt"
    ? holtForecast(series, isDatetime, horizon, confidence)
    : linearForecast(series, isDatetime, horizon, confidence);
}

function required(value: string | undefined, field: string): string {
  if (value === undefined) {
    throw new EngineError("missing_field", `This operation needs ${field}.`, {
      problems: [{ path: `plan.${field}`, code: "missing_field", message: "Required for this operation." }],
    });
  }
  return value;
}
