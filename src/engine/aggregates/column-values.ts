import type { Column, ValueColumn } from "../table/types";
import type { ScalarValue } from "./aggregate-op";
import { F64_FILLED, F64_VALUES, scratchFloat64 } from "./scratch";

/**
 * A value column's number as the API shows it: booleans as true/false, datetimes as ISO 8601 strings,
 * numbers as they are; NaN (undefined) stays NaN.
 *
 * @example formatValue(whenColumn, 1704153600000) // "2024-01-02T00:00:00.000Z"
 */
export function formatValue(column: ValueColumn, value: number): ScalarValue {
  if (value !== value) return Number.NaN;
  if (column.type === "boolean") return value === 1;
  if (column.type === "datetime") return new Date(value).toISOString();
  return value;
}

/** The value of any column at a row, formatted as {@link formatValue}; NaN when missing. */
export function valueAt(column: Column, row: number): ScalarValue {
  if (column.type === "string") {
    const code = column.codes[row];
    return code < 0 ? Number.NaN : column.dictionary[code];
  }
  return formatValue(column, column.values[row]);
}

/** Whether a column's value at a row is missing. */
export function isMissingAt(column: Column, row: number): boolean {
  if (column.type === "string") return column.codes[row] < 0;
  const v = column.values[row];
  return v !== v;
}

/**
 * The selected rows as a pandas Series would hold them: `values[rows[i]]` in row order, NaN where missing.
 * Scratch slot F64_VALUES: valid until the next gather.
 */
export function gatherSeries(values: Float64Array, rows: Uint32Array): Float64Array {
  const out = scratchFloat64(F64_VALUES, rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}

/**
 * The non-missing values of the selected rows, in row order, in a view of exactly their number.
 * Scratch slot F64_VALUES: valid until the next gather.
 */
export function gatherPresent(values: Float64Array, rows: Uint32Array): Float64Array {
  const out = scratchFloat64(F64_VALUES, rows.length);
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v === v) out[count++] = v;
  }
  return out.subarray(0, count);
}

/**
 * The selected rows with missing values replaced by 0, as pandas' nansum/nanmean/nanskew copy them before
 * summing (missing positions still shape numpy's summation tree), and their non-missing count.
 * Scratch slot F64_FILLED.
 */
export function gatherFilled(values: Float64Array, rows: Uint32Array): { filled: Float64Array; count: number } {
  const filled = scratchFloat64(F64_FILLED, rows.length);
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v === v) {
      filled[i] = v;
      count++;
    } else {
      filled[i] = 0;
    }
  }
  return { filled, count };
}
