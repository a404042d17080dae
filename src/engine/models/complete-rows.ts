import type { Column } from "../table/types";

/**
 * The rows (in the given order) where none of `columns` is missing: NaN in a value column, code -1 in a string
 * column. This is statsmodels' formula `missing="drop"` and pandas `df.dropna(subset=columns)`, the rows a
 * model sees and the rows a train/test split draws from.
 *
 * @example completeRows([mpg, weight], rows).length
 */
export function completeRows(columns: readonly Column[], rows: Uint32Array): Uint32Array {
  const keep = new Uint8Array(rows.length).fill(1);
  for (const column of columns) {
    if (column.type === "string") {
      const codes = column.codes;
      for (let i = 0; i < rows.length; i++) if (codes[rows[i]] < 0) keep[i] = 0;
    } else {
      const values = column.values;
      for (let i = 0; i < rows.length; i++) {
        const v = values[rows[i]];
        if (v !== v) keep[i] = 0;
      }
    }
  }
  let count = 0;
  for (let i = 0; i < rows.length; i++) count += keep[i];
  const out = new Uint32Array(count);
  for (let i = 0, k = 0; i < rows.length; i++) if (keep[i] === 1) out[k++] = rows[i];
  return out;
}
