import { aggregateGroups } from "../../ops/aggregate-groups";
import { aggregateRows } from "../../ops/aggregate-rows";
import { encodeKeyColumn } from "../../ops/encode-key-column";
import type { Grouping } from "../../ops/group-rows";
import type { Column, StringColumn } from "../../table/types";
import type { ScalarValue } from "../aggregate-op";

/**
 * Smallest (`max` false) or largest non-missing value of the selected rows, NaN when there is none: numbers as
 * numbers, booleans as false/true (pandas returns a bool), datetimes as ISO strings (the v1 kernel for all
 * three), strings by Unicode code point as Python compares them (pandas 1.5 raises on an object Series with
 * missing values; the engine skips them as for every other type).
 *
 * @example seriesExtreme(label, rows, true) // "😀smile"
 */
export function seriesExtreme(column: Column, rows: Uint32Array, max: boolean): ScalarValue {
  if (column.type === "string") return stringExtremes(column, rows, null, 1, max)[0];
  const value = aggregateRows(column, rows, max ? "max" : "min").value;
  return scalar(column, value);
}

/** {@link seriesExtreme} per group, pandas `DataFrameGroupBy.min()`/`max()` (cython `group_min_max`). */
export function groupExtremes(column: Column, grouping: Grouping, max: boolean): ScalarValue[] {
  if (column.type === "string") return stringExtremes(column, grouping.rows, grouping.groupOf, grouping.keys.length, max);
  return aggregateGroups(column, grouping, max ? "max" : "min").map((result) => scalar(column, result.value));
}

function scalar(column: Column, value: number | string | null): ScalarValue {
  if (value === null) return Number.NaN;
  return column.type === "boolean" ? value === 1 : value;
}

/** Strings are ranked by code point once (only the distinct values present are sorted), then compared as ranks. */
function stringExtremes(column: StringColumn, rows: Uint32Array, groupOf: Int32Array | null, groups: number, max: boolean): ScalarValue[] {
  const key = encodeKeyColumn(column, rows);
  if (key === null) throw new Error("unbounded key encoding returned null");
  const best = new Int32Array(groups).fill(-1);
  const ranks = key.ranks;
  for (let i = 0; i < rows.length; i++) {
    const g = groupOf === null ? 0 : groupOf[i];
    const r = ranks[i];
    if (g < 0 || r < 0) continue;
    if (best[g] < 0 || (max ? r > best[g] : r < best[g])) best[g] = r;
  }
  return Array.from(best, (r) => (r < 0 ? Number.NaN : (key.keyOf(r) as string)));
}
