import type { Column } from "../../table/types";
import { ALL_TYPES, defineOp } from "../define-op";
import { groupExtremes, seriesExtreme } from "./extreme";

/**
 * `min`: the smallest non-missing value, in the column's own kind (see {@link seriesExtreme}); NaN when none.
 *
 * @example min.ungrouped(when, rows, {}) // "2024-01-01T03:12:00.000Z"
 */
export const min = defineOp<Column>({
  name: "min",
  accepts: ALL_TYPES,
  columnOptional: false,
  params: [],
  returnsList: false,
  resultType: (type) => type ?? "float",
  ungrouped: (column, rows) => seriesExtreme(column, rows, false),
  grouped: (column, grouping) => groupExtremes(column, grouping, false),
});
