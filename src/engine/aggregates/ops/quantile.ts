import type { ValueColumn } from "../../table/types";
import { defineOp, ORDERED_NUMERIC_TYPES } from "../define-op";
import { readQuantile } from "../read-params";
import { groupQuantiles, seriesQuantile } from "./quantile-values";

/**
 * `quantile` at q in [0, 1] (default 0.5) with pandas' interpolation (linear, lower, higher, midpoint, nearest;
 * default linear) of the non-missing values; NaN when there are none. Each path keeps its own pandas rules
 * (they differ, notably for nearest): `Series.quantile` (numpy `percentile` of 100·q) ungrouped,
 * `DataFrameGroupBy.quantile` (cython `group_quantile`) grouped. Booleans are 0/1 (as the grouped path does;
 * `Series.quantile` of a bool Series refuses linear and midpoint). Datetimes interpolate exactly and round to
 * the millisecond, halves up.
 *
 * @example quantile.ungrouped(price, rows, { q: 0.9, interpolation: "nearest" }) // 77.3
 */
export const quantile = defineOp<ValueColumn>({
  name: "quantile",
  accepts: ORDERED_NUMERIC_TYPES,
  columnOptional: false,
  params: ["q", "interpolation"],
  returnsList: false,
  resultType: (type) => (type === "datetime" ? "datetime" : "float"),
  ungrouped(column, rows, params) {
    const { q, interpolation } = readQuantile(params);
    return seriesQuantile(column, rows, q, interpolation);
  },
  grouped(column, grouping, params) {
    const { q, interpolation } = readQuantile(params);
    return groupQuantiles(column, grouping, q, interpolation);
  },
});
