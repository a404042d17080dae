import type { ValueColumn } from "../../table/types";
import { defineOp, NUMERIC_TYPES } from "../define-op";
import { readDdof } from "../read-params";
import { groupDispersions, seriesDispersion } from "./dispersion";

/**
 * `std`: the standard deviation √(Σ (x - x̄)² / (n - ddof)), ddof default 1, of the non-missing values; NaN
 * when n <= ddof. Ungrouped by bottleneck's two-pass variance (pandas `Series.std`), grouped by Welford's
 * update (pandas `DataFrameGroupBy.std`): see {@link seriesDispersion}. Booleans count as 0/1.
 *
 * @example std.ungrouped(price, rows, {}) // 20.3
 */
export const std = defineOp<ValueColumn>({
  name: "std",
  accepts: NUMERIC_TYPES,
  columnOptional: false,
  params: ["ddof"],
  returnsList: false,
  resultType: () => "float",
  ungrouped: (column, rows, params) => seriesDispersion(column, rows, readDdof(params), "std"),
  grouped: (column, grouping, params) => groupDispersions(column, grouping, readDdof(params), "std"),
});
