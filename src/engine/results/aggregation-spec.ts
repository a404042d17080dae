import { z } from "zod";
import type { AggregateOpName, AggregateParams, Interpolation } from "../aggregates/aggregate-op";
import { INTERPOLATIONS } from "../aggregates/aggregate-op";
import { ColumnRefSchema, MAX_COLUMN_NAME } from "../plan/plan-fields";

/** The ops of `aggregations`, in the order the plan language documents them (the aggregates registry's). */
export const AGGREGATION_OPS = [
  "count", "count_distinct", "sum", "mean", "median", "min", "max", "std", "var", "sem", "quantile", "skew", "kurtosis",
  "mode", "first", "last",
] as const satisfies readonly AggregateOpName[];

export const MAX_AGGREGATIONS = 20;
/** Ops that read `ddof`, and the one that reads `q` and `interpolation`. */
export const DDOF_OPS: readonly AggregateOpName[] = ["std", "var", "sem"];

export const AggregationSchema = z
  .strictObject({
    op: z.enum(AGGREGATION_OPS).meta({
      description:
        "count (non-missing values of column, or rows without one), count_distinct (pandas nunique), sum, mean, median, min, max, " +
        "std, var, sem (ddof), quantile (q, interpolation), skew and kurtosis (pandas' bias-corrected), mode (every mode, a list), " +
        "first, last (first/last non-missing value in row order).",
    }),
    column: ColumnRefSchema.optional().meta({ description: "The column aggregated; optional only for count (then rows are counted)." }),
    as: z.string().min(1).max(MAX_COLUMN_NAME).optional().meta({
      description:
        "The result's name. Default: <op>_<column> (count of rows: count), with non-default parameters after the op: " +
        "quantile_0.25_price, quantile_0.9_nearest_price, std_ddof0_price. Names must be unique and differ from the group_by columns and \"key\".",
    }),
    ddof: z.number().int().min(0).max(1_000_000).optional().meta({ description: "std, var, sem: delta degrees of freedom, divisor n - ddof (default 1)." }),
    q: z.number().min(0).max(1).optional().meta({ description: "quantile: in [0, 1] (default 0.5)." }),
    interpolation: z.enum(INTERPOLATIONS as unknown as readonly [Interpolation, ...Interpolation[]]).optional().meta({
      description: "quantile: between two order statistics, as pandas: linear (default), lower, higher, midpoint, nearest.",
    }),
  })
  .meta({ id: "Aggregation", description: "One statistic of a column (or of rows), named by `as`." });

export const AggregationsSchema = z.array(AggregationSchema).min(1).max(MAX_AGGREGATIONS).nullish().meta({
  description:
    "operation aggregate: the statistics to compute, each {op, column, as}, over all rows or per group (group_by). " +
    'Example: [{"op": "median", "column": "price"}, {"op": "quantile", "column": "price", "q": 0.25, "as": "q1"}].',
});

export type Aggregation = z.output<typeof AggregationSchema>;

/**
 * The name of an aggregation's result: its `as`, else `<op>_<column>` (`count` for a count of rows) with the
 * parameters that differ from the defaults after the op (`quantile_0.25_price`, `quantile_0.9_nearest_price`,
 * `std_ddof0_price`). A quantile always names its q.
 *
 * @example aggregationName({ op: "quantile", column: "price", q: 0.25 }) // "quantile_0.25_price"
 * @example aggregationName({ op: "count" }) // "count"
 */
export function aggregationName(aggregation: Aggregation): string {
  if (aggregation.as !== undefined) return aggregation.as;
  const parts: string[] = [aggregation.op];
  if (aggregation.op === "quantile") {
    parts.push(String(aggregation.q ?? 0.5));
    if (aggregation.interpolation !== undefined && aggregation.interpolation !== "linear") parts.push(aggregation.interpolation);
  }
  if (DDOF_OPS.includes(aggregation.op) && aggregation.ddof !== undefined && aggregation.ddof !== 1) parts.push(`ddof${aggregation.ddof}`);
  if (aggregation.column !== undefined) parts.push(aggregation.column);
  return parts.join("_");
}

/**
 * An aggregation as stored: op, column, the name it answers under, and its parameters with their defaults (ddof 1
 * for std/var/sem; q 0.5 and linear for quantile), so the stored plan says exactly what was computed.
 *
 * @example normalizeAggregation({ op: "std", column: "x" }) // { op: "std", column: "x", as: "std_x", ddof: 1 }
 */
export function normalizeAggregation(aggregation: Aggregation): Aggregation {
  const out: Aggregation = { op: aggregation.op };
  if (aggregation.column !== undefined) out.column = aggregation.column;
  out.as = aggregationName(aggregation);
  if (DDOF_OPS.includes(aggregation.op)) out.ddof = aggregation.ddof ?? 1;
  if (aggregation.op === "quantile") {
    out.q = aggregation.q ?? 0.5;
    out.interpolation = aggregation.interpolation ?? "linear";
  }
  return out;
}

/** The kernel parameters of an aggregation. */
export function aggregationParams(aggregation: Aggregation): AggregateParams {
  return { ddof: aggregation.ddof, q: aggregation.q, interpolation: aggregation.interpolation };
}
