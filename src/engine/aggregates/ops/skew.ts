import type { ValueColumn } from "../../table/types";
import { defineOp, NUMERIC_TYPES } from "../define-op";
import { adjustedSkew } from "../kernels/adjusted-skew";
import { groupShapes, seriesShape } from "./shape";

/**
 * `skew`: pandas' bias-corrected sample skewness G1 ({@link adjustedSkew}) of the non-missing values: NaN below
 * 3 values, 0 for constant data (Σ (x - x̄)² below 1e-14). Grouped as `Series.skew` of each group (pandas 1.5).
 *
 * @example skew.ungrouped(price, rows, {}) // 0.41
 */
export const skew = defineOp<ValueColumn>({
  name: "skew",
  accepts: NUMERIC_TYPES,
  columnOptional: false,
  params: [],
  returnsList: false,
  resultType: () => "float",
  ungrouped: (column, rows) => seriesShape(column, rows, adjustedSkew),
  grouped: (column, grouping) => groupShapes(column, grouping, adjustedSkew),
});
