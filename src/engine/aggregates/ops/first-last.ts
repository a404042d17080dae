import type { Grouping } from "../../ops/group-rows";
import type { Column } from "../../table/types";
import type { ScalarValue } from "../aggregate-op";
import { isMissingAt, valueAt } from "../column-values";

/**
 * The first (`last` false) or last non-missing value of the selected rows in row order, NaN when there is none:
 * what pandas' `DataFrameGroupBy.first()`/`last()` return for a group, applied to all selected rows as one group
 * (a Series has no such aggregation; `s.dropna().iloc[0]` is the same value).
 *
 * @example seriesEnd(price, rows, false) // 12.5
 */
export function seriesEnd(column: Column, rows: Uint32Array, last: boolean): ScalarValue {
  if (last) {
    for (let i = rows.length - 1; i >= 0; i--) if (!isMissingAt(column, rows[i])) return valueAt(column, rows[i]);
  } else {
    for (let i = 0; i < rows.length; i++) if (!isMissingAt(column, rows[i])) return valueAt(column, rows[i]);
  }
  return Number.NaN;
}

/** {@link seriesEnd} per group, pandas `DataFrameGroupBy.first()`/`last()` (cython `group_nth`/`group_last`). */
export function groupEnds(column: Column, grouping: Grouping, last: boolean): ScalarValue[] {
  const found = new Int32Array(grouping.keys.length).fill(-1);
  const { rows, groupOf } = grouping;
  for (let i = 0; i < rows.length; i++) {
    const g = groupOf[i];
    if (g < 0 || (!last && found[g] >= 0) || isMissingAt(column, rows[i])) continue;
    found[g] = rows[i];
  }
  return Array.from(found, (row) => (row < 0 ? Number.NaN : valueAt(column, row)));
}
