import { argsortFloat64 } from "../../stats/argsort-float64";

export type RankMethod = "average" | "min" | "max" | "first" | "dense";
export const RANK_METHODS: readonly RankMethod[] = ["average", "min", "max", "first", "dense"];

/**
 * pandas Series.rank(method, ascending, na_option="keep") of one partition, written into `output`. Values are
 * ordered by a stable sort; a run of equal values (`===`, so -0 ties 0) spanning 1-based positions a..b gets
 *   average: (a + b) / 2,  min: a,  max: b,  dense: the run's number (1, 2, ...),
 *   first: a, a + 1, ... in order of appearance (also when descending, as pandas' TIEBREAK_FIRST_DESCENDING).
 * Descending ranks count positions from the largest value. Missing values keep a missing rank.
 *
 * @example rankValues(Float64Array.of(10, 20, 10, NaN), out, "average", true) // out = [1.5, 3, 1.5, NaN]
 */
export function rankValues(input: Float64Array, output: Float64Array, method: RankMethod, ascending: boolean): void {
  const at = new Uint32Array(input.length);
  const present = new Float64Array(input.length);
  let n = 0;
  for (let k = 0; k < input.length; k++) {
    if (input[k] !== input[k]) {
      output[k] = Number.NaN;
      continue;
    }
    present[n] = input[k];
    at[n++] = k;
  }
  const order = argsortFloat64(present, n);
  let runs = 0;
  for (let first = 0; first < n; first = skipRun(present, order, first, n)) runs++;
  let run = 0;
  for (let first = 0; first < n; ) {
    const next = skipRun(present, order, first, n);
    run++;
    // 1-based positions of the run in the requested direction
    const low = ascending ? first + 1 : n - next + 1;
    const high = ascending ? next : n - first;
    for (let j = first; j < next; j++) {
      let rank: number;
      switch (method) {
        case "average": rank = (low + high) / 2; break;
        case "min": rank = low; break;
        case "max": rank = high; break;
        case "dense": rank = ascending ? run : runs - run + 1; break;
        default: rank = low + (j - first); break; // the stable sort keeps ties in order of appearance
      }
      output[at[order[j]]] = rank;
    }
    first = next;
  }
}

/** The sorted position just after the run of values equal to the one at `first`. */
function skipRun(values: Float64Array, order: Uint32Array, first: number, n: number): number {
  const value = values[order[first]];
  let next = first + 1;
  while (next < n && values[order[next]] === value) next++;
  return next;
}
