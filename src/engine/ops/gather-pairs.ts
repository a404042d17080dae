import type { ValueColumn } from "../table/types";

/**
 * The complete (x, y) pairs of the given rows, in row order: what correlation and regression use (pandas
 * `dropna` over both columns; scipy and statsmodels get the same arrays).
 *
 * @example gatherPairs(heightColumn, weightColumn, rows).n
 */
export function gatherPairs(x: ValueColumn, y: ValueColumn, rows: Uint32Array): { x: Float64Array; y: Float64Array; n: number } {
  const xs = new Float64Array(rows.length);
  const ys = new Float64Array(rows.length);
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const a = x.values[r];
    const b = y.values[r];
    if (a === a && b === b) { xs[n] = a; ys[n] = b; n++; }
  }
  return { x: xs, y: ys, n };
}
