import type { Grouping } from "../../ops/group-rows";
import type { ValueColumn } from "../../table/types";
import type { Interpolation, ScalarValue } from "../aggregate-op";
import { formatValue, gatherPresent } from "../column-values";
import { gatherGroups } from "../group-values";
import { countValues } from "../kernels/counted-values";
import { groupQuantilePoint } from "../kernels/group-quantile-point";
import { interpolateMilliseconds } from "../kernels/interpolate-milliseconds";
import { interpolateQuantile } from "../kernels/interpolate-quantile";
import { selectKth } from "../kernels/select-kth";
import { seriesQuantilePoint, type QuantilePoint } from "../kernels/series-quantile-point";

/**
 * Quantiles of the non-missing values of the selected rows, pandas `Series.quantile(qs, interpolation)`
 * ({@link seriesQuantilePoint}, numpy's lerp), gathered once; datetimes interpolate exactly and round to the
 * millisecond. NaN when there is no value.
 *
 * @example seriesQuantiles(price, rows, [0.25, 0.75], "linear") // [18.4, 61.2]
 */
export function seriesQuantiles(column: ValueColumn, rows: Uint32Array, qs: readonly number[], interpolation: Interpolation): ScalarValue[] {
  // Few-decimal numbers on a small range are counted rather than gathered and selected: the same order
  // statistics, combined by the same rule.
  const counted = column.type === "datetime" ? null : countValues(column.values, rows);
  if (counted !== null) {
    return qs.map((q) => {
      const point = seriesQuantilePoint(counted.n, q, interpolation);
      const a = counted.at(point.below);
      return interpolateQuantile(a, point.above === point.below ? a : counted.at(point.above), point);
    });
  }
  return quantilesOf(column, gatherPresent(column.values, rows), qs, interpolation);
}

/** {@link seriesQuantiles} of already gathered non-missing values, which it reorders. */
export function quantilesOf(column: ValueColumn, values: Float64Array, qs: readonly number[], interpolation: Interpolation): ScalarValue[] {
  if (values.length === 0) return qs.map(() => Number.NaN);
  const points = qs.map((q) => seriesQuantilePoint(values.length, q, interpolation));
  // ascending positions: each selection only needs the part above the previous one
  const order = points.map((_, i) => i).sort((a, b) => points[a].below - points[b].below);
  const out: ScalarValue[] = new Array(qs.length);
  let from = 0;
  for (const i of order) {
    out[i] = valueAtPoint(column, values, points[i], from);
    from = points[i].below;
  }
  return out;
}

/** One quantile, {@link seriesQuantiles}. */
export function seriesQuantile(column: ValueColumn, rows: Uint32Array, q: number, interpolation: Interpolation): ScalarValue {
  return seriesQuantiles(column, rows, [q], interpolation)[0];
}

/**
 * The median of the non-missing values: numpy's, the middle value or (a + b) / 2 of the two middle ones, as
 * pandas' bottleneck `nanmedian` (Series) and cython `group_median` (groups) compute it. Datetimes: the exact
 * middle instant, rounded to the millisecond (halves up). NaN when there is no value.
 *
 * @example medianOf(price, gatherPresent(price.values, rows)) // 39.5
 */
export function medianOf(column: ValueColumn, values: Float64Array): ScalarValue {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const upper = selectKth(values, n, n >> 1);
  if (n % 2 === 1) return column.type === "datetime" ? formatValue(column, upper) : upper;
  // after the selection everything left of n/2 is <= upper: the lower middle value is their maximum
  let lower = values[0];
  for (let i = 1; i < n >> 1; i++) if (values[i] > lower) lower = values[i];
  return column.type === "datetime" ? formatValue(column, interpolateMilliseconds(lower, upper, 0.5)) : (lower + upper) / 2;
}

/**
 * Quantile per group, pandas `DataFrameGroupBy.quantile(q, interpolation)` ({@link groupQuantilePoint});
 * datetimes as in {@link seriesQuantile} (pandas 1.5 refuses grouped datetime quantiles; 2.x computes them).
 *
 * @example groupQuantiles(price, grouping, 0.5, "nearest")[0]
 */
export function groupQuantiles(column: ValueColumn, grouping: Grouping, q: number, interpolation: Interpolation): ScalarValue[] {
  const { values: all, starts } = gatherGroups(column.values, grouping, false);
  return Array.from({ length: grouping.keys.length }, (_, g) => {
    const values = all.subarray(starts[g], starts[g + 1]);
    if (values.length === 0) return Number.NaN;
    return valueAtPoint(column, values, groupQuantilePoint(values.length, q, interpolation));
  });
}

/**
 * Selects the point's order statistics in place and combines them by the point's rule; the `from` values
 * before index `from` are already no greater than the rest (an earlier selection at a smaller position).
 */
function valueAtPoint(column: ValueColumn, values: Float64Array, point: QuantilePoint, from = 0): ScalarValue {
  const n = values.length;
  const a = selectKth(values, n, point.below, from);
  let b = a;
  if (point.above !== point.below) {
    b = Infinity;
    for (let i = point.below + 1; i < n; i++) if (values[i] < b) b = values[i];
  }
  if (column.type === "datetime") return formatValue(column, interpolateMilliseconds(a, b, point.gamma));
  return interpolateQuantile(a, b, point);
}
