import { valueAt } from "../aggregates/column-values";
import { frameColumn, type Frame } from "../frame/frame";
import type { Column } from "../table/types";

/** A cell as JSON: numbers, strings, booleans, ISO 8601 datetimes; null when missing. */
export type CellValue = number | string | boolean | null;

/**
 * One row's cell in JSON form: {@link valueAt} with a missing value as null.
 *
 * @example cellValue(dayColumn, 3) // "2024-01-04T00:00:00.000Z"
 */
export function cellValue(column: Column, row: number): CellValue {
  const value = valueAt(column, row);
  return typeof value === "number" && value !== value ? null : value;
}

/**
 * The columns a result returns: the named ones in that order, or every column of the frame (the dataset's, then
 * those the steps derived) when none are named.
 *
 * @example returnedColumns(frame, ["Name", "Fare"]).map((c) => c.name) // ["Name", "Fare"]
 */
export function returnedColumns(frame: Frame, names: readonly string[] | undefined): Column[] {
  if (names === undefined) return [...frame.columns.values()];
  return names.map((name, i) => frameColumn(frame, name, `plan.columns[${i}]`));
}
