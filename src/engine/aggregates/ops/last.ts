import type { Column } from "../../table/types";
import { ALL_TYPES, defineOp } from "../define-op";
import { groupEnds, seriesEnd } from "./first-last";

/**
 * `last`: the last non-missing value in row order, in the column's own kind; NaN when there is none. Grouped as
 * pandas `DataFrameGroupBy.last()`; ungrouped as the same over all selected rows (see {@link seriesEnd}).
 *
 * @example last.ungrouped(label, rows, {}) // "mike"
 */
export const last = defineOp<Column>({
  name: "last",
  accepts: ALL_TYPES,
  columnOptional: false,
  params: [],
  returnsList: false,
  resultType: (type) => type ?? "float",
  ungrouped: (column, rows) => seriesEnd(column, rows, true),
  grouped: (column, grouping) => groupEnds(column, grouping, true),
});
