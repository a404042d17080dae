import { averageRanksWithTies } from "./average-ranks-with-ties";

/**
 * Ranks 1..n of `values[0..n)` with ties given the average of the ranks they span (scipy `rankdata`,
 * method "average"): a value whose equal values occupy sorted positions first..last (0-based) gets
 *
 *   rank = (first + last) / 2 + 1,
 *
 * which is exact in floating point. "Equal" is `===`, so -0 and +0 tie; values must not be NaN (callers drop
 * incomplete pairs first). One radix argsort and one walk over the sorted order (averageRanksWithTies).
 *
 * @example averageRanks(new Float64Array([10, 20, 10, 30]), 4) // Float64Array [1.5, 3, 1.5, 4]
 */
export function averageRanks(values: Float64Array, n: number): Float64Array {
  return averageRanksWithTies(values, n).ranks;
}
