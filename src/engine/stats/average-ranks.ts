import { argsortFloat64 } from "./argsort-float64";

/**
 * Ranks 1..n of `values[0..n)` with ties given the average of the ranks they span (scipy `rankdata`,
 * method "average"): a value whose equal values occupy sorted positions first..last (0-based) gets
 *
 *   rank = (first + last) / 2 + 1,
 *
 * which is exact in floating point. "Equal" is `===`, so -0 and +0 tie; values must not be NaN (callers drop
 * incomplete pairs first). Implemented as a radix argsort (see argsortFloat64: the earlier `Float64Array#sort`
 * plus a binary search per value was cache-bound, a comparator sort of indices slower still) and one walk
 * over the sorted order that assigns each tie run its rank.
 *
 * @example averageRanks(new Float64Array([10, 20, 10, 30]), 4) // Float64Array [1.5, 3, 1.5, 4]
 */
export function averageRanks(values: Float64Array, n: number): Float64Array {
  const order = argsortFloat64(values, n);
  const ranks = new Float64Array(n);
  for (let first = 0; first < n; ) {
    const v = values[order[first]];
    let last = first;
    while (last + 1 < n && values[order[last + 1]] === v) last++;
    const rank = (first + last) / 2 + 1;
    for (let k = first; k <= last; k++) ranks[order[k]] = rank;
    first = last + 1;
  }
  return ranks;
}
