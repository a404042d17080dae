import { INTEGER_SPLIT } from "./exact-integer-sum";

/**
 * Per group, the exact sums of the high and low parts of the whole numbers `values[rows[i]]` (each split as
 * v = h·2²⁶ + l, see {@link INTEGER_SPLIT}), added into `hi[g]` and `lo[g]`, and their count into `counts[g]`;
 * missing values and rows of no group (`groupOf[i] < 0`) are skipped. Both partial sums stay exact below 2⁵³
 * for 2²⁶ rows; the exact grouped sums of int64 columns (`combineSplitSum`) and exact grouped means of
 * datetimes (`roundedMean`) are read from them.
 *
 * @example splitGroupSums(Float64Array.of(2 ** 53, 1), Uint32Array.of(0, 1), Int32Array.of(0, 0), hi, lo, counts) // hi [134217728], lo [1], counts [2]
 */
export function splitGroupSums(
  values: Float64Array,
  rows: Uint32Array,
  groupOf: Int32Array,
  hi: Float64Array,
  lo: Float64Array,
  counts: Float64Array,
): void {
  for (let i = 0; i < rows.length; i++) {
    const g = groupOf[i];
    const v = values[rows[i]];
    if (g < 0 || v !== v) continue;
    const h = Math.floor(v / INTEGER_SPLIT);
    hi[g] += h;
    lo[g] += v - h * INTEGER_SPLIT;
    counts[g]++;
  }
}
