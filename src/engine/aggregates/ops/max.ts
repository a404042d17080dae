import type { Column } from "../../table/types";
import { ALL_TYPES, defineOp } from "../define-op";
import { groupExtremes, seriesExtreme } from "./extreme";

/**
 * `max`: the largest non-missing value, in the column's own kind (see {@link seriesExtreme}); NaN when none.
 *
 * @example max.ungrouped(label, rows, {}) // "😀smile"
 */
export const max = defineOp<Column>({
  name: "max",
  accepts: ALL_TYPES,
  columnOptional: false,
  params: [],
  returnsList: false,
  resultType: (type) => type ?? "float",
  ungrouped: (column, rows) => seriesExtreme(column, rows, true),
  grouped: (column, grouping) => groupExtremes(column, grouping, true),
});
