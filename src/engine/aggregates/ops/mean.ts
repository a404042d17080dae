import { aggregateGroups } from "../../ops/aggregate-groups";
import type { ValueColumn } from "../../table/types";
import { formatValue, gatherFilled } from "../column-values";
import { defineOp, ORDERED_NUMERIC_TYPES } from "../define-op";
import { exactMeanMilliseconds, roundedMean } from "../kernels/exact-mean-milliseconds";
import { splitGroupSums } from "../kernels/split-group-sums";
import { numpySum } from "../../stats/numpy-sum";

/**
 * `mean` of the non-missing values (NaN when there are none; booleans: the share of True):
 * - ungrouped, pandas `Series.mean()`: numpy's blocked pairwise sum of the rows with missing values replaced
 *   by 0, divided by the count ({@link numpySum});
 * - grouped, pandas' cython `group_mean`: Kahan-compensated sum per group / count (the v1 grouped mean);
 * - datetimes: the exact mean instant, rounded to the nearest millisecond (halves up), on both paths; pandas
 *   averages float64 nanoseconds and is off by up to microseconds ({@link exactMeanMilliseconds}).
 *
 * @example mean.ungrouped(price, rows, {}) // 41.2
 */
export const mean = defineOp<ValueColumn>({
  name: "mean",
  accepts: ORDERED_NUMERIC_TYPES,
  columnOptional: false,
  params: [],
  returnsList: false,
  resultType: (type) => (type === "datetime" ? "datetime" : "float"),
  ungrouped(column, rows) {
    const values = column.values;
    if (column.type === "datetime") return formatValue(column, exactMeanMilliseconds(values, rows));
    const { filled, count } = gatherFilled(values, rows);
    return count === 0 ? Number.NaN : numpySum(filled, rows.length) / count;
  },
  grouped(column, grouping) {
    if (column.type !== "datetime") {
      return aggregateGroups(column, grouping, "mean").map((result) => (result.value === null ? Number.NaN : (result.value as number)));
    }
    const groups = grouping.keys.length;
    const hi = new Float64Array(groups);
    const lo = new Float64Array(groups);
    const counts = new Float64Array(groups);
    splitGroupSums(column.values, grouping.rows, grouping.groupOf, hi, lo, counts);
    return Array.from(counts, (count, g) => formatValue(column, roundedMean(hi[g], lo[g], count)));
  },
});
