import { aggregateGroups } from "../../ops/aggregate-groups";
import { aggregateRows } from "../../ops/aggregate-rows";
import type { ValueColumn } from "../../table/types";
import { defineOp, ORDERED_NUMERIC_TYPES } from "../define-op";
import { groupQuantiles, seriesQuantile } from "./quantile-values";

/**
 * `median` of the non-missing values (NaN when there are none): numpy's median, the middle value or the mean
 * of the two middle ones, on both paths (pandas' bottleneck `nanmedian` and cython `group_median` agree with
 * it; the v1 kernels). Datetimes: the exact middle instant, rounded to the millisecond (halves up).
 *
 * @example median.ungrouped(price, rows, {}) // 39.5
 */
export const median = defineOp<ValueColumn>({
  name: "median",
  accepts: ORDERED_NUMERIC_TYPES,
  columnOptional: false,
  params: [],
  returnsList: false,
  resultType: (type) => (type === "datetime" ? "datetime" : "float"),
  ungrouped(column, rows) {
    if (column.type === "datetime") return seriesQuantile(column, rows, 0.5, "linear");
    const value = aggregateRows(column, rows, "median").value;
    return value === null ? Number.NaN : (value as number);
  },
  grouped(column, grouping) {
    if (column.type === "datetime") return groupQuantiles(column, grouping, 0.5, "linear");
    return aggregateGroups(column, grouping, "median").map((result) => (result.value === null ? Number.NaN : (result.value as number)));
  },
});
