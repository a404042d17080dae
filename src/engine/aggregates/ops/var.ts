import type { ValueColumn } from "../../table/types";
import { defineOp, NUMERIC_TYPES } from "../define-op";
import { readDdof } from "../read-params";
import { groupDispersions, seriesDispersion } from "./dispersion";

/**
 * `var`: the variance Σ (x - x̄)² / (n - ddof), ddof default 1, of the non-missing values; NaN
 * when n <= ddof. Ungrouped by bottleneck's two-pass variance (pandas `Series.var`), grouped by Welford's
 * update (pandas `DataFrameGroupBy.var`): see {@link seriesDispersion}. Booleans count as 0/1.
 *
 * @example variance.ungrouped(price, rows, { ddof: 0 }) // 412.9
 */
export const variance = defineOp<ValueColumn>({
  name: "var",
  accepts: NUMERIC_TYPES,
  columnOptional: false,
  params: ["ddof"],
  returnsList: false,
  resultType: () => "float",
  ungrouped: (column, rows, params) => seriesDispersion(column, rows, readDdof(params), "var"),
  grouped: (column, grouping, params) => groupDispersions(column, grouping, readDdof(params), "var"),
});
