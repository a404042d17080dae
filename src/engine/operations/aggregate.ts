import type { AggregateValue } from "../aggregates/aggregate-op";
import { findAggregateOp } from "../aggregates/aggregate-ops";
import { buildAggregationsBarSpec, buildAggregationsLineSpec } from "../charts/aggregations-spec";
import { buildBoxSpec } from "../charts/box-spec";
import type { ChartInput } from "../charts/chart-context";
import { buildHeatmapSpec } from "../charts/heatmap-spec";
import { buildHistogramSpec } from "../charts/histogram-spec";
import { frameColumn, type Frame } from "../frame/frame";
import { jsonRecord } from "../json-record";
import { groupByNames } from "../plan/group-by-item";
import { aggregationName, aggregationParams, AggregationsSchema, normalizeAggregation, type Aggregation } from "../results/aggregation-spec";
import { checkAggregations } from "../results/check-aggregations";
import { selectGroups } from "../results/select-groups";
import { shapingColumns } from "../results/result-columns";
import { shapeGroupOrder, shapesResult } from "../results/shape-order";
import type { ColumnType } from "../table/types";
import { CATEGORIES, examplePlan, NUMBERS } from "./example-plan";
import { groupFrame } from "./grouped-result";
import { neverDrawn, type ChartContext, type ChartSupport, type OperationModule, type OperationOutput, type ResultField } from "./operation";

/**
 * An aggregate result: `{<as>: value}` ungrouped, `{groups: [{key, <as>: value}], total_groups?}` grouped.
 * Values are numbers, strings (ISO for datetimes), booleans, lists (mode) or null.
 */
export type AggregationsResult =
  | { [name: string]: unknown }
  | { groups: Array<{ key: Record<string, unknown>; [name: string]: unknown }>; total_groups?: number };

/** A JSON value of an aggregation: NaN and infinities (undefined statistics) are null, lists element-wise. */
export function aggregateJson(value: AggregateValue): unknown {
  if (Array.isArray(value)) return value.map((item) => aggregateJson(item));
  return typeof value === "number" && !Number.isFinite(value) ? null : value;
}

const aggregationsOf = (plan: Readonly<Record<string, unknown>> | undefined): Aggregation[] => (plan?.aggregations ?? []) as Aggregation[];

/** Passes over the rows per aggregation: a gather and a selection for order statistics, two for moments. */
const PASSES: Readonly<Record<string, number>> = {
  count: 1, count_distinct: 2, sum: 1, mean: 1, median: 3, min: 1, max: 1, std: 2, var: 2, sem: 2, quantile: 3, skew: 2, kurtosis: 2,
  mode: 3, first: 1, last: 1,
};

/** The one column every aggregation reads, when they all read the same numeric column (box and histogram draw it). */
function sharedNumericColumn(c: ChartContext): string | undefined {
  const columns = new Set(aggregationsOf(c.plan).map((aggregation) => aggregation.column));
  if (columns.size !== 1) return undefined;
  const [name] = columns;
  const type = name === undefined ? undefined : c.typeOf?.(name);
  return name !== undefined && type !== "string" && type !== "boolean" ? name : undefined;
}

/** Box plots and histograms of the aggregated column's values, drawn by the v1 builders as if it were the target. */
const distribution = (build: (input: ChartInput) => ReturnType<typeof buildBoxSpec>): ChartSupport => ({
  fits: (c) => sharedNumericColumn(c) !== undefined,
  drawable: (c) => sharedNumericColumn(c) !== undefined,
  needs: "every aggregation over one numeric column (its distribution is drawn)",
  build: (input) => {
    const columns = [...new Set(aggregationsOf(input.plan).map((aggregation) => aggregation.column))];
    return build({ ...input, plan: { ...input.plan, target_column: columns[0] } });
  },
});

/** A heatmap cell per group of the one aggregation, drawn by the v1 builder as if it were `value`. */
function buildAggregateHeatmap(input: ChartInput): ReturnType<typeof buildHeatmapSpec> {
  const name = aggregationName(aggregationsOf(input.plan)[0]);
  const result = input.output.result as { groups?: Array<Record<string, unknown>> };
  const groups = (result.groups ?? []).map((group) => ({ key: group.key, value: Object.getOwnPropertyDescriptor(group, name)?.value }));
  const operation = { ...input.operation, statistic: { field: "value" as const, label: () => name } };
  return buildHeatmapSpec({ ...input, operation, output: { ...input.output, result: { groups } as never } }, "aggregate");
}

const ordered = (type: ColumnType | undefined) => type === undefined || type === "integer" || type === "float" || type === "datetime";

/**
 * `operation: "aggregate"`: several statistics in one plan, `aggregations: [{op, column, as, ddof?, q?,
 * interpolation?}]` (1 to 20), over all rows after the steps or per group (group_by, period entries included).
 * Each op is the aggregates registry's kernel (pandas `Series.<op>()` ungrouped, `DataFrameGroupBy.<op>()` per
 * group; aggregates/README.md). Result: `{<as>: value, ...}` ungrouped, `{groups: [{key, <as>: value, ...}]}`
 * grouped (objects built with jsonRecord: any name, `__proto__` included, is an own key); undefined statistics
 * are null, mode gives a list. having / sort / limit shape the groups.
 * Cost: per aggregation one to three passes (see PASSES), one more per pass when grouped.
 * Charts: `bar` (one bar per aggregation, per group), `line` over the first key, `heatmap` of one aggregation
 * over two keys, `box`/`histogram` of the column when every aggregation reads the same numeric one.
 */
export const aggregate = {
  name: "aggregate",
  summary: "Several statistics of columns (or rows) in one result, over all rows or per group.",
  rule: { required: ["aggregations"], optional: ["filters", "chart_type", "group_by"], columnTypes: {}, defaults: {} },
  params: { aggregations: AggregationsSchema },
  cost: (plan, c): number => aggregationsOf(plan).reduce((sum, aggregation) => sum + c.rows * ((PASSES[aggregation.op] ?? 3) + (c.grouped ? 1 : 0)), 0),
  execute(frame, plan): OperationOutput {
    const aggregations = aggregationsOf(plan);
    const grouping = groupFrame(frame, plan);
    const runs = aggregations.map((aggregation, i) => {
      const op = findAggregateOp(aggregation.op)!;
      const column = columnOf(frame, aggregation, i);
      const params = aggregationParams(aggregation);
      return grouping === null ? [op.ungrouped(column, frame.rows, params)] : op.grouped(column, grouping, params);
    });
    const names = aggregations.map(aggregationName);
    if (grouping === null) return { result: jsonRecord(names.map((name, k) => [name, aggregateJson(runs[k][0])] as const)), grouping };
    const keyNames = groupByNames(plan.group_by);
    const keyOf = (g: number) => jsonRecord(keyNames.map((name, i) => [name, grouping.keys[g][i]] as const));
    const group = (g: number) => jsonRecord<unknown>([["key", keyOf(g)], ...names.map((name, k) => [name, aggregateJson(runs[k][g])] as const)]);
    if (!shapesResult(plan)) return { result: { groups: grouping.keys.map((_, g) => group(g)) }, grouping };
    // having / sort / limit on the computed values, so only the groups kept become objects (top 10 of 5,000).
    const columns = shapingColumns(aggregate.shaping, plan, (name) => frame.columns.get(name)?.type) ?? [];
    const { order, matched } = shapeGroupOrder(plan, columns, grouping, (name) => runs[names.lastIndexOf(name)]);
    const result: Record<string, unknown> = { groups: Array.from(order, group) };
    if (plan.limit !== undefined) result.total_groups = matched;
    return { result, grouping: selectGroups(grouping, order), shaped: true };
  },
  describe: (plan): string => {
    const columns = [...new Set(aggregationsOf(plan).map((aggregation) => aggregation.column ?? "rows"))];
    return `${aggregationsOf(plan).map(aggregationName).join(", ")} of ${columns.join(", ")}`;
  },
  charts: {
    bar: { fits: () => true, needs: "", build: buildAggregationsBarSpec },
    line: {
      fits: (c) => c.groupKeyTypes.length === 1 && ordered(c.groupKeyTypes[0]),
      drawable: (c) => c.groupKeyTypes.length >= 1,
      needs: "exactly one numeric or datetime group_by column (the x axis)",
      build: buildAggregationsLineSpec,
    },
    heatmap: {
      fits: (c): boolean => c.groupKeyTypes.length === 2 && aggregationsOf(c.plan).length === 1,
      drawable: (c): boolean => c.groupKeyTypes.length >= 2 && aggregationsOf(c.plan).length === 1,
      needs: "exactly two group_by columns and one aggregation (rows and columns of the grid, the cell's colour)",
      build: buildAggregateHeatmap,
    },
    box: distribution(buildBoxSpec),
    histogram: distribution(buildHistogramSpec),
    scatter: neverDrawn("two numeric axes; an aggregation gives numbers per group (use bar, or line over an ordered key)"),
  },
  shaping: {
    list: "groups",
    having: true,
    fields: (plan, typeOf): ResultField[] =>
      aggregationsOf(plan).map((aggregation) => {
        const op = findAggregateOp(aggregation.op);
        const columnType = aggregation.column === undefined ? null : typeOf(aggregation.column);
        return {
          name: aggregationName(aggregation),
          type: op === undefined || columnType === undefined ? undefined : op.resultType(columnType),
          list: op?.returnsList === true,
        };
      }),
  },
  example: (pick) => {
    const value = pick(NUMBERS, "price");
    return examplePlan({
      operation: "aggregate",
      aggregations: [{ op: "median", column: value }, { op: "quantile", column: value, q: 0.9, as: "p90" }, { op: "count" }],
      group_by: [pick(CATEGORIES, "store")],
      sort: [{ column: `median_${value}`, direction: "desc" }],
      limit: 5,
    });
  },
  check: checkAggregations,
  normalize: (plan): Record<string, unknown> => (Array.isArray(plan.aggregations) ? { aggregations: (plan.aggregations as Aggregation[]).map(normalizeAggregation) } : {}),
} as const satisfies OperationModule;

function columnOf(frame: Frame, aggregation: Aggregation, i: number) {
  return aggregation.column === undefined ? null : frameColumn(frame, aggregation.column, `plan.aggregations[${i}].column`);
}
