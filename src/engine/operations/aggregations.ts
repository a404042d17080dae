import { buildBarSpec } from "../charts/bar-spec";
import { buildBoxSpec } from "../charts/box-spec";
import { buildHeatmapSpec } from "../charts/heatmap-spec";
import { buildHistogramSpec } from "../charts/histogram-spec";
import { buildLineSpec } from "../charts/line-spec";
import { EngineError } from "../errors";
import { frameColumn, type Frame } from "../frame/frame";
import { aggregateGroups } from "../ops/aggregate-groups";
import { aggregateRows, type Aggregation } from "../ops/aggregate-rows";
import type { Plan } from "../plan/plan-schema";
import type { Column, ColumnType } from "../table/types";
import { CATEGORIES, examplePlan } from "./example-plan";
import { groupFrame, groupedResult } from "./grouped-result";
import { neverDrawn, type ChartContext, type ChartSupport, type OperationModule } from "./operation";

const NUMERIC: readonly ColumnType[] = ["integer", "float"];
const ANY_TYPE: readonly ColumnType[] = ["integer", "float", "boolean", "datetime", "string"];

const WORDS: Record<Aggregation, string> = {
  mean: "Mean", sum: "Sum", count: "Count", min: "Minimum", max: "Maximum", std: "Standard deviation", median: "Median",
};

const ordered = (type: ColumnType | undefined) => type === undefined || type === "integer" || type === "float" || type === "datetime";
/** Box plots and histograms draw the distribution of the aggregated values, so they need numbers behind them. */
const numericTarget = (c: ChartContext) => c.hasTarget && c.targetType !== "string" && c.targetType !== "boolean";
const distribution = (build: ChartSupport["build"]): ChartSupport => ({
  fits: numericTarget,
  drawable: numericTarget,
  needs: "a numeric target_column whose distribution can be drawn",
  build,
});

/**
 * Charts of an aggregation: `bar` always (one bar, or one per group); `line` over exactly one ordered group key
 * (number or datetime); `heatmap` over exactly two group keys; `box`/`histogram` over the target's values; `scatter`
 * never (a scatter needs two numeric axes and an aggregate has one number per group).
 */
const AGGREGATION_CHARTS: OperationModule["charts"] = {
  bar: { fits: () => true, needs: "", build: buildBarSpec },
  line: {
    fits: (c) => c.groupKeyTypes.length === 1 && ordered(c.groupKeyTypes[0]),
    needs: "exactly one numeric or datetime group_by column (the x axis)",
    build: buildLineSpec,
  },
  heatmap: {
    fits: (c) => c.groupKeyTypes.length === 2,
    drawable: (c) => c.groupKeyTypes.length >= 2,
    needs: "exactly two group_by columns (rows and columns of the grid)",
    build: (input) => buildHeatmapSpec(input, "aggregate"),
  },
  box: distribution(buildBoxSpec),
  histogram: distribution(buildHistogramSpec),
  scatter: neverDrawn("two numeric axes; an aggregation gives one number per group (use bar, or line over an ordered key)"),
};

/**
 * One of the v1 aggregations (pandas semantics in ops/aggregate-rows.ts and ops/aggregate-groups.ts), ungrouped
 * or per group. Type decisions:
 * - booleans count as 0/1 for `sum` and `mean` only; `std`/`median` of a 0/1 column is refused.
 * - `min`/`max` take numbers and datetimes (ISO result), not strings and not booleans.
 * - `count` takes any column (its non-missing values), or none (rows).
 * Cost per row: one pass (median: gather and quickselect, three), and one more to split rows per group for a
 * grouped median.
 */
function aggregation<N extends Aggregation>(name: N, targetTypes: readonly ColumnType[]): OperationModule & { name: N } {
  const isCount = name === "count";
  return {
    name,
    rule: isCount
      ? { required: [], optional: ["filters", "chart_type", "target_column", "group_by"], columnTypes: { target_column: ANY_TYPE }, defaults: {} }
      : { required: ["target_column"], optional: ["filters", "chart_type", "group_by"], columnTypes: { target_column: targetTypes }, defaults: {} },
    cost: (_plan, c) => c.rows * (name === "median" ? 3 + (c.grouped ? 1 : 0) : 1),
    execute(frame, plan) {
      const target = targetOf(frame, plan, name);
      const grouping = groupFrame(frame, plan);
      if (grouping === null) return { result: aggregateRows(target, frame.rows, name), grouping };
      return { result: groupedResult(plan, grouping, aggregateGroups(target, grouping, name)), grouping };
    },
    describe: (plan) => `${WORDS[name]} of ${plan.target_column ?? "rows"}`,
    statistic: {
      field: "value",
      label: (plan) => (isCount && plan.target_column === undefined ? "count of rows" : `${name} of ${plan.target_column}`),
    },
    charts: AGGREGATION_CHARTS,
    example: (pick) =>
      examplePlan({ operation: name, ...(isCount ? {} : { target_column: pick(targetTypes.filter((t) => t !== "boolean"), "price") }), group_by: [pick(CATEGORIES, "region")] }),
    // having / sort / limit over the groups: `value` keeps the target's kind for min/max (datetimes are ISO).
    shaping: {
      list: "groups",
      having: true,
      fields: (plan, typeOf) => {
        const target = plan.target_column == null ? undefined : typeOf(plan.target_column);
        const value = isCount ? "integer" : (name === "min" || name === "max") && target === "datetime" ? "datetime" : target === undefined ? undefined : "float";
        return [{ name: "value", type: value }, { name: "count", type: "integer" }];
      },
    },
  };
}

function targetOf(frame: Frame, plan: Plan, name: Aggregation): Column | null {
  if (plan.target_column === undefined) {
    if (name === "count") return null;
    throw new EngineError("missing_field", `${name} needs a target_column.`, {
      problems: [{ path: "plan.target_column", code: "missing_field", message: "Required for this operation." }],
    });
  }
  return frameColumn(frame, plan.target_column, "plan.target_column");
}

export const mean = aggregation("mean", ["integer", "float", "boolean"]);
export const sum = aggregation("sum", ["integer", "float", "boolean"]);
export const count = aggregation("count", ANY_TYPE);
export const min = aggregation("min", ["integer", "float", "datetime"]);
export const max = aggregation("max", ["integer", "float", "datetime"]);
export const std = aggregation("std", NUMERIC);
export const median = aggregation("median", NUMERIC);
