/**
 * Ranks 1..n of `values[0..n)` with ties given the average of the ranks they span (scipy `rankdata`,
 * method "average"): a value whose equal values occupy sorted positions first..last (0-based) gets
 *
 *   rank = (first + last) / 2 + 1,
 *
 * which is exact in floating point. Implemented as a native typed-array sort, one pass for the tie runs and a
 * binary search per value: several times faster in V8 than sorting an index array with a comparator.
 *
 * @example averageRanks(new Float64Array([10, 20, 10, 30]), 4) // Float64Array [1.5, 3, 1.5, 4]
 */
export function averageRanks(values: Float64Array, n: number): Float64Array {
  const sorted = values.slice(0, n).sort();
  // Average rank of each tie run, stored at every position of the run: one linear pass.
  const runRank = new Float64Array(n);
  for (let first = 0; first < n; ) {
    let last = first;
    while (last + 1 < n && sorted[last + 1] === sorted[first]) last++;
    const rank = (first + last) / 2 + 1;
    for (let i = first; i <= last; i++) runRank[i] = rank;
    first = last + 1;
  }
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) ranks[i] = runRank[lowerBound(sorted, values[i])];
  return ranks;
}

/** First index whose value is >= v. */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
