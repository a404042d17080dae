import { frameValueColumn, type Frame } from "../frame/frame";
import { gatherPairs } from "../ops/gather-pairs";
import { rowsByGroup } from "../ops/group-rows";
import { MAX_GROUPS } from "../ops/group-rows";
import type { Plan } from "../plan/plan-schema";
import type { ColumnType } from "../table/types";
import { groupFrame, groupedResult } from "./grouped-result";
import type { CostContext, OperationOutput, OperationRule } from "./operation";
import { requiredField } from "./required-field";

export const NUMERIC_AXES: readonly ColumnType[] = ["integer", "float"];

/** Work units of one grouped correlation/regression fit beyond its per-row passes (result object, p-values). */
export const GROUP_FIT_UNITS = 1000;

/**
 * The rule shared by the two-column statistics: x_axis and y_axis, integer or float (a 0/1 column is not
 * "numeric" here), group_by allowed, plus the operation's own options.
 */
export function pairwiseRule(options: readonly string[], defaults: Record<string, unknown>): OperationRule {
  return {
    required: ["x_axis", "y_axis"],
    optional: ["filters", "chart_type", "group_by", ...options],
    columnTypes: { x_axis: NUMERIC_AXES, y_axis: NUMERIC_AXES },
    defaults,
  };
}

/**
 * Cost of a two-column statistic: `perRow` passes, one more to split rows per group when grouped, and a fixed
 * {@link GROUP_FIT_UNITS} per group for at most {@link MAX_GROUPS} groups (grouping refuses more). Per group the
 * gather, sorts and sums add up to no more than the ungrouped passes, so they need no other term.
 */
export function pairwiseCost(perRow: number, context: CostContext): number {
  return context.rows * (perRow + (context.grouped ? 1 : 0)) + (context.grouped ? MAX_GROUPS * GROUP_FIT_UNITS : 0);
}

/**
 * Runs a statistic of the complete (x, y) pairs of the frame's rows, once or per group (pandas `dropna` over both
 * columns inside each group).
 */
export function runPairwise<Fields extends object>(
  frame: Frame,
  plan: Plan,
  statistic: (x: Float64Array, y: Float64Array, n: number) => Fields,
): OperationOutput {
  const x = frameValueColumn(frame, requiredField(plan.x_axis, "x_axis"), "plan.x_axis");
  const y = frameValueColumn(frame, requiredField(plan.y_axis, "y_axis"), "plan.y_axis");
  const compute = (rows: Uint32Array) => {
    const pairs = gatherPairs(x, y, rows);
    return statistic(pairs.x, pairs.y, pairs.n);
  };
  const grouping = groupFrame(frame, plan);
  if (grouping === null) return { result: compute(frame.rows), grouping };
  return { result: groupedResult(plan, grouping, rowsByGroup(grouping).map(compute)), grouping };
}
