import type { ValueColumn } from "../../table/types";
import { defineOp, NUMERIC_TYPES } from "../define-op";
import { readDdof } from "../read-params";
import { groupDispersions, seriesDispersion } from "./dispersion";

/**
 * `sem`: the standard error of the mean, std / √n, ddof default 1, of the non-missing values; NaN
 * when n <= ddof. Ungrouped by bottleneck's two-pass variance (pandas `Series.sem`), grouped by Welford's
 * update (pandas `DataFrameGroupBy.sem`): see {@link seriesDispersion}. Booleans count as 0/1.
 *
 * @example sem.ungrouped(price, rows, {}) // 0.59
 */
export const sem = defineOp<ValueColumn>({
  name: "sem",
  accepts: NUMERIC_TYPES,
  columnOptional: false,
  params: ["ddof"],
  returnsList: false,
  resultType: () => "float",
  ungrouped: (column, rows, params) => seriesDispersion(column, rows, readDdof(params), "sem"),
  grouped: (column, grouping, params) => groupDispersions(column, grouping, readDdof(params), "sem"),
});
