import type { Grouping } from "../../ops/group-rows";
import type { ValueColumn } from "../../table/types";
import { gatherPresent } from "../column-values";
import { groupVariances } from "../../stats/group-variances";
import { twoPassVariance } from "../../stats/two-pass-variance";

/** Which statistic of the variance: the variance itself, its square root, or the standard error of the mean. */
export type Dispersion = "var" | "std" | "sem";

/**
 * var, std or sem of the selected rows with `ddof`, pandas `Series.var/std/sem(ddof)`: bottleneck's two-pass
 * variance ({@link twoPassVariance}); std = √var, sem = √var / √n (n non-missing). NaN when n <= ddof.
 *
 * @example seriesDispersion(price, rows, 1, "sem") // 0.87
 */
export function seriesDispersion(column: ValueColumn, rows: Uint32Array, ddof: number, kind: Dispersion): number {
  // bottleneck's loops skip NaN in order, so the present values alone give the same sums, and their number is n
  const values = gatherPresent(column.values, rows);
  const variance = twoPassVariance(values, values.length, ddof);
  if (kind === "var") return variance;
  if (kind === "std") return Math.sqrt(variance);
  return Math.sqrt(variance) / Math.sqrt(values.length);
}

/**
 * {@link seriesDispersion} per group, pandas `DataFrameGroupBy.var/std/sem(ddof)`: Welford's update in cython
 * `group_var` ({@link groupVariances}); std = √var, sem = std / √count.
 *
 * @example groupDispersions(price, grouping, 0, "std")[0]
 */
export function groupDispersions(column: ValueColumn, grouping: Grouping, ddof: number, kind: Dispersion): number[] {
  const { variances, counts } = groupVariances(column.values, grouping, ddof);
  return Array.from(variances, (variance, g) =>
    kind === "var" ? variance : kind === "std" ? Math.sqrt(variance) : Math.sqrt(variance) / Math.sqrt(counts[g]),
  );
}
