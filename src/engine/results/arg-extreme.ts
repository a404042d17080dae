/**
 * The position (into `rows`) of the first row holding the largest (or smallest) non-missing value, and how many
 * rows hold that value: pandas `Series.idxmax()` / `idxmin()` (skipna) in the rows' order, plus
 * `(s == s.max()).sum()`. Position -1 and count 0 when every value is missing. One pass: a strictly better
 * value restarts the count, an equal one adds to it.
 *
 * @example argExtreme(Float64Array.of(3, 7, NaN, 7), Uint32Array.of(0, 1, 2, 3), "max") // { position: 1, count: 2 }
 */
export function argExtreme(values: Float64Array, rows: Uint32Array, which: "max" | "min"): { position: number; count: number } {
  let position = -1;
  let best = Number.NaN;
  let count = 0;
  const sign = which === "max" ? 1 : -1;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v !== v) continue;
    if (position < 0 || sign * v > sign * best) {
      position = i;
      best = v;
      count = 1;
    } else if (v === best) {
      count++;
    }
  }
  return { position, count };
}
