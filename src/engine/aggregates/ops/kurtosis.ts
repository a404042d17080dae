import type { ValueColumn } from "../../table/types";
import { defineOp, NUMERIC_TYPES } from "../define-op";
import { adjustedKurtosis } from "../kernels/adjusted-kurtosis";
import { groupShapes, seriesShape } from "./shape";

/**
 * `kurtosis`: pandas' bias-corrected excess kurtosis G2 (`Series.kurt()`, {@link adjustedKurtosis}) of the
 * non-missing values: NaN below 4 values, 0 for constant data. Grouped as `Series.kurt` of each group.
 *
 * @example kurtosis.ungrouped(price, rows, {}) // -0.2
 */
export const kurtosis = defineOp<ValueColumn>({
  name: "kurtosis",
  accepts: NUMERIC_TYPES,
  columnOptional: false,
  params: [],
  returnsList: false,
  resultType: () => "float",
  ungrouped: (column, rows) => seriesShape(column, rows, adjustedKurtosis),
  grouped: (column, grouping) => groupShapes(column, grouping, adjustedKurtosis),
});
