import { rowsByGroup, type Grouping } from "../../ops/group-rows";
import type { ValueColumn } from "../../table/types";
import type { Interpolation, ScalarValue } from "../aggregate-op";
import { formatValue, gatherPresent } from "../column-values";
import { groupQuantilePoint } from "../kernels/group-quantile-point";
import { interpolateMilliseconds } from "../kernels/interpolate-milliseconds";
import { interpolateQuantile } from "../kernels/interpolate-quantile";
import { selectKth } from "../kernels/select-kth";
import { seriesQuantilePoint, type QuantilePoint } from "../kernels/series-quantile-point";

/**
 * Quantile of the non-missing values of the selected rows, pandas `Series.quantile(q, interpolation)`
 * ({@link seriesQuantilePoint}, numpy's lerp); datetimes interpolate exactly and round to the millisecond.
 * NaN when there is no value.
 *
 * @example seriesQuantile(price, rows, 0.25, "linear") // 18.4
 */
export function seriesQuantile(column: ValueColumn, rows: Uint32Array, q: number, interpolation: Interpolation): ScalarValue {
  const values = gatherPresent(column.values, rows);
  if (values.length === 0) return Number.NaN;
  return valueAtPoint(column, values, seriesQuantilePoint(values.length, q, interpolation));
}

/**
 * Quantile per group, pandas `DataFrameGroupBy.quantile(q, interpolation)` ({@link groupQuantilePoint});
 * datetimes as in {@link seriesQuantile} (pandas 1.5 refuses grouped datetime quantiles; 2.x computes them).
 *
 * @example groupQuantiles(price, grouping, 0.5, "nearest")[0]
 */
export function groupQuantiles(column: ValueColumn, grouping: Grouping, q: number, interpolation: Interpolation): ScalarValue[] {
  return rowsByGroup(grouping).map((groupRows) => {
    const values = gatherPresent(column.values, groupRows);
    if (values.length === 0) return Number.NaN;
    return valueAtPoint(column, values, groupQuantilePoint(values.length, q, interpolation));
  });
}

/** Selects the point's order statistics in place and combines them by the point's rule. */
function valueAtPoint(column: ValueColumn, values: Float64Array, point: QuantilePoint): ScalarValue {
  const n = values.length;
  const a = selectKth(values, n, point.below);
  let b = a;
  if (point.above !== point.below) {
    b = Infinity;
    for (let i = point.below + 1; i < n; i++) if (values[i] < b) b = values[i];
  }
  if (column.type === "datetime") return formatValue(column, interpolateMilliseconds(a, b, point.gamma));
  return interpolateQuantile(a, b, point);
}
