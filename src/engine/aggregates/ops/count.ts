import { aggregateGroups } from "../../ops/aggregate-groups";
import { aggregateRows } from "../../ops/aggregate-rows";
import type { Column } from "../../table/types";
import { ALL_TYPES, defineOp } from "../define-op";

/**
 * `count`: non-missing values of the column (pandas `Series.count()` / `DataFrameGroupBy.count()`), or the
 * rows when there is no column (`len(df)` / `DataFrameGroupBy.size()`). Always a whole number.
 *
 * @example count.ungrouped(price, rows, {}) // 1203
 */
export const count = defineOp<Column | null>({
  name: "count",
  accepts: ALL_TYPES,
  columnOptional: true,
  params: [],
  returnsList: false,
  resultType: () => "integer",
  ungrouped: (column, rows) => aggregateRows(column, rows, "count").count,
  grouped: (column, grouping) => aggregateGroups(column, grouping, "count").map((result) => result.count),
});
