import type { Column } from "../../table/types";
import { ALL_TYPES, defineOp } from "../define-op";
import { groupEnds, seriesEnd } from "./first-last";

/**
 * `first`: the first non-missing value in row order, in the column's own kind; NaN when there is none. Grouped as
 * pandas `DataFrameGroupBy.first()`; ungrouped as the same over all selected rows (see {@link seriesEnd}).
 *
 * @example first.ungrouped(when, rows, {}) // "2024-01-01T00:00:00.000Z"
 */
export const first = defineOp<Column>({
  name: "first",
  accepts: ALL_TYPES,
  columnOptional: false,
  params: [],
  returnsList: false,
  resultType: (type) => type ?? "float",
  ungrouped: (column, rows) => seriesEnd(column, rows, false),
  grouped: (column, grouping) => groupEnds(column, grouping, false),
});
