import type { EngineProblem } from "./errors";
import type { ForecastResult } from "./forecast/forecast-result";
import type { TimeSeries } from "./forecast/average-by-time";
import { initialFrame, type Frame } from "./frame/frame";
import type { AggregateResult } from "./ops/aggregate-rows";
import { checkPlanCost } from "./ops/estimate-plan-cost";
import type { Grouping } from "./ops/group-rows";
import { selectRows, type FilterStep } from "./ops/select-rows";
import type { ArgExtremeResult } from "./operations/argmax";
import type { CorrelationResult } from "./operations/correlation";
import type { CrosstabResult } from "./operations/crosstab";
import type { DescribeResult } from "./operations/describe";
import type { RowsResult } from "./operations/rows";
import type { ValueCountsResult } from "./operations/value-counts";
import type { GroupedResult as Grouped } from "./operations/grouped-result";
import { operationModule } from "./operations/registry";
import type { RegressionResult } from "./operations/regression";
import { shapeGroups } from "./results/shape-list";
import { applySteps } from "./steps/apply-steps";
import type { StepRecord } from "./steps/step";
import type { Plan } from "./plan/plan-schema";
import type { Table } from "./table/types";

export type { CorrelationResult } from "./operations/correlation";
export type { AggregationsResult } from "./operations/aggregate";
export type { ArgExtremeResult } from "./operations/argmax";
export type { CrosstabResult } from "./operations/crosstab";
export type { DescribeResult } from "./operations/describe";
export type { RowsResult } from "./operations/rows";
export type { ValueCountsResult } from "./operations/value-counts";
export type { RegressionResult } from "./operations/regression";
export { MIN_FORECAST_POINTS } from "./operations/forecast";

type Fields = AggregateResult | CorrelationResult | RegressionResult;
/** A grouped result; with `limit` it also says how many groups passed `having` (results/shape-list.ts). */
export type GroupedResult = Grouped<Fields> & { total_groups?: number };
/**
 * What an operation answers. An `aggregate` result (AggregationsResult: an object keyed by the aggregations'
 * names, or grouped like GroupedResult) is left out of the union: names are data, so its keys cannot be typed.
 */
export type ExecutionResult =
  | Fields
  | ForecastResult
  | GroupedResult
  | ValueCountsResult
  | DescribeResult
  | CrosstabResult
  | RowsResult
  | ArgExtremeResult;

/** Above this many groups a result gets a `many_groups` warning: the answer stops being readable. */
export const MANY_GROUPS = 1000;

export interface ExecutionOutput {
  result: ExecutionResult;
  filtered_row_count: number;
  filter_steps: FilterStep[];
  /** Provenance of the plan's steps (absent when it has none): rows left after each, expression texts. */
  steps?: StepRecord[];
  warnings: EngineProblem[];
  /** The frame the operation ran on: every column and the rows left after the filters, in order. */
  frame: Frame;
  /** The groups the operation made, null when ungrouped: charts draw these same groups. */
  grouping: Grouping | null;
  /** forecast: the averaged series that was fitted. */
  series?: TimeSeries;
  /** What the operation's charts draw beyond the result (a test's samples, a model's predictions). */
  chartData?: unknown;
}

/**
 * Executes a validated, normalised plan over a table: the frame of all rows goes through the filters (ANDed),
 * then the steps in order (each maps the frame to a new one: fewer rows, another order, a derived column), then
 * the operation's module runs on what is left (grouping it when asked), with pandas/scipy/statsmodels
 * semantics (docs/api.md "Execution"). Deterministic: the same table and plan give the same bytes. Throws
 * EngineError for what validation cannot see from the schema alone: a plan over the cost cap
 * (`plan_too_costly`), a group_by making more than MAX_GROUPS (5,000) groups (`too_many_groups`, refused while
 * grouping, before any per-group key or result is built) and a forecast with fewer than 3 distinct times
 * (`insufficient_data`).
 *
 * @example executePlan(table, { operation: "mean", target_column: "price", filters: [], group_by: [] }).result
 * // { value: 41.2, count: 1203 }
 */
export function executePlan(table: Table, plan: Plan): ExecutionOutput {
  const operation = operationModule(plan.operation);
  // Holt's optimiser cost depends on the number of distinct times, checked again once the series is known.
  checkPlanCost(table, plan, 0);
  const selection = selectRows(initialFrame(table), plan.filters);
  const prepared = plan.steps === undefined ? null : applySteps(selection.frame, plan.steps);
  const frame = prepared?.frame ?? selection.frame;
  const warnings: EngineProblem[] = [];
  if (selection.frame.rows.length === 0 && plan.filters.length > 0) {
    warnings.push({ path: "plan.filters", code: "no_rows_selected", message: "The filters leave no rows; statistics of nothing are null (sum and count are 0)." });
  } else if (frame.rows.length === 0 && prepared !== null) {
    warnings.push({ path: "plan.steps", code: "no_rows_selected", message: "The steps leave no rows; statistics of nothing are null (sum and count are 0)." });
  }
  // having / sort / limit over a grouped result (value_counts and rows shape their own lists).
  const output = shapeGroups(plan, frame, operation.execute(frame, plan, { checkCost: (seriesLength) => checkPlanCost(table, plan, seriesLength) }));
  warnings.push(...(output.warnings ?? []));
  const groups = output.grouping?.keys.length ?? 0;
  if (groups > MANY_GROUPS) {
    warnings.push({ path: "plan.group_by", code: "many_groups", message: `group_by gives ${groups} groups (more than ${MANY_GROUPS}): the answer will be long; group by fewer or coarser columns, or add filters` });
  }
  return {
    result: output.result as ExecutionResult,
    filtered_row_count: frame.rows.length,
    filter_steps: selection.steps,
    ...(prepared === null ? {} : { steps: prepared.records }),
    warnings,
    frame,
    grouping: output.grouping,
    series: output.series,
    ...(output.chartData === undefined ? {} : { chartData: output.chartData }),
  };
}
