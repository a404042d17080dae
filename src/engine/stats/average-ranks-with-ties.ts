import { argsortFloat64 } from "./argsort-float64";

export interface RanksWithTies {
  /** Average ranks 1..n, as averageRanks / scipy `rankdata`. */
  ranks: Float64Array;
  /** Sizes of the groups of equal values, in ascending order of value (1 for an untied value). */
  tieSizes: Float64Array;
  /** Number of groups (the used length of `tieSizes`). */
  groups: number;
}

/**
 * Average ranks of `values[0..n)` together with the sizes of the groups of equal values, from one sort: the
 * rank tests need both (ties enter their variance corrections as Σ(t³ - t) and the like), and sorting the
 * ranks a second time to find the groups would cost as much as the ranking itself. Ranks as averageRanks:
 * a value whose equal values occupy sorted positions first..last (0-based) gets (first + last)/2 + 1.
 *
 * @example averageRanksWithTies(new Float64Array([10, 20, 10]), 3) // ranks [1.5, 3, 1.5], groups 2, tieSizes starting [2, 1]
 */
export function averageRanksWithTies(values: Float64Array, n: number): RanksWithTies {
  const order = argsortFloat64(values, n);
  const ranks = new Float64Array(n);
  const tieSizes = new Float64Array(n);
  let groups = 0;
  for (let first = 0; first < n; ) {
    const v = values[order[first]];
    let last = first;
    while (last + 1 < n && values[order[last + 1]] === v) last++;
    const rank = (first + last) / 2 + 1;
    for (let k = first; k <= last; k++) ranks[order[k]] = rank;
    tieSizes[groups++] = last - first + 1;
    first = last + 1;
  }
  return { ranks, tieSizes, groups };
}
