/** Integers are split as v = hi·2²⁶ + lo with 0 <= lo < 2²⁶: both partial sums stay exact below 2⁵³ for 2²⁶ rows. */
export const INTEGER_SPLIT = 67_108_864;

/**
 * Exact sum of the whole numbers `values[rows[i]]` (missing values skipped), rounded once to the nearest
 * double: pandas sums an int64 column in int64 arithmetic, exactly, where a float64 sum would round every
 * partial sum beyond 2⁵³. Each value (|v| <= 2⁵³) is split into a high and a low part whose separate float
 * sums are exact; the two are combined in BigInt once at the end, so the loop stays on doubles.
 * (pandas' int64 wraps on overflow past 2⁶³; this keeps the true sum.)
 *
 * @example exactIntegerSum(new Float64Array([2 ** 53, 1, 1]), Uint32Array.of(0, 1, 2)) // 9007199254740994
 */
export function exactIntegerSum(values: Float64Array, rows: Uint32Array): number {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v !== v) continue;
    const h = Math.floor(v / INTEGER_SPLIT);
    hi += h;
    lo += v - h * INTEGER_SPLIT;
  }
  return combineSplitSum(hi, lo);
}

/** hi·2²⁶ + lo, both exact whole numbers, as the nearest double. */
export function combineSplitSum(hi: number, lo: number): number {
  if (Math.abs(hi) < 2 ** 26 && lo < 2 ** 52) return hi * INTEGER_SPLIT + lo; // |hi·2²⁶| < 2⁵²: the sum stays below 2⁵³, exact
  return Number(BigInt(hi) * BigInt(INTEGER_SPLIT) + BigInt(lo));
}
