import type { Grouping } from "../../ops/group-rows";
import type { ValueColumn } from "../../table/types";
import { gatherSeries } from "../column-values";
import { gatherGroups } from "../group-values";

/**
 * A shape statistic (skew, kurtosis) of the selected rows taken as a Series (NaN kept in place, as pandas'
 * summation tree sees them), and per group: pandas 1.5 computes `DataFrameGroupBy.skew` by applying
 * `Series.skew` to each group (there is no grouped kurtosis; `apply(Series.kurt)` is the reference), so both
 * paths run the Series kernel, per group on the group's rows in row order.
 *
 * @example seriesShape(price, rows, adjustedSkew)
 */
export function seriesShape(column: ValueColumn, rows: Uint32Array, kernel: (values: Float64Array, length: number) => number): number {
  const values = gatherSeries(column.values, rows);
  return kernel(values, values.length);
}

/** {@link seriesShape} of each group. */
export function groupShapes(column: ValueColumn, grouping: Grouping, kernel: (values: Float64Array, length: number) => number): number[] {
  const { values, starts } = gatherGroups(column.values, grouping, true);
  return Array.from({ length: grouping.keys.length }, (_, g) => kernel(values.subarray(starts[g], starts[g + 1]), starts[g + 1] - starts[g]));
}
