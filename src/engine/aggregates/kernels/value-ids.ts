import { argsortFloat64 } from "../../stats/argsort-float64";
import type { Column } from "../../table/types";

/**
 * Distinct values of a column over selected rows, numbered in order of first appearance: pandas' hash tables
 * (`value_counts`, `nunique`, `mode`) key values the same way (equal values share a key, -0 equals 0, missing
 * values are no key), and first-appearance numbering is the tie order of `value_counts`.
 */
export interface ValueIds {
  /** Id of the value at each position of `rows`, -1 when missing. */
  ids: Int32Array;
  /** Number of distinct values: ids are 0..count-1. */
  count: number;
  /** Position (in `rows`) of each id's first appearance, ascending. */
  first: Uint32Array;
}

/** Integer ranges up to this size are marked in a dense array instead of being sorted. */
const DENSE_RANGE = 1 << 22;

/**
 * Numbers the distinct non-missing values of `column` over `rows` by first appearance, in O(n):
 * string columns by their dictionary codes (distinct strings have distinct codes), whole numbers in a small
 * range (booleans, counts, years, ids) through a dense mark array, anything else through a stable radix
 * argsort of the values (runs of equal values; a run's first element is its first appearance).
 *
 * @example valueIds(column, rows) // values [5, 3, 5, 7] -> ids [0, 1, 0, 2], count 3, first [0, 1, 3]
 */
export function valueIds(column: Column, rows: Uint32Array): ValueIds {
  const n = rows.length;
  const ids = new Int32Array(n).fill(-1);
  const first: number[] = [];
  if (column.type === "string") {
    const codes = column.codes;
    const idOf = new Int32Array(column.dictionary.length).fill(-1);
    for (let i = 0; i < n; i++) {
      const code = codes[rows[i]];
      if (code < 0) continue;
      let id = idOf[code];
      if (id < 0) id = idOf[code] = first.push(i) - 1;
      ids[i] = id;
    }
    return { ids, count: first.length, first: Uint32Array.from(first) };
  }
  const values = column.values;
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  let present = 0;
  for (let i = 0; i < n; i++) {
    const v = values[rows[i]];
    if (v !== v) continue;
    present++;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integral && !Number.isInteger(v)) integral = false;
  }
  if (present === 0) return { ids, count: 0, first: new Uint32Array(0) };
  if (integral && max - min < Math.min(DENSE_RANGE, 4 * n + 1024)) {
    const idOf = new Int32Array(max - min + 1).fill(-1);
    for (let i = 0; i < n; i++) {
      const v = values[rows[i]];
      if (v !== v) continue;
      let id = idOf[v - min];
      if (id < 0) id = idOf[v - min] = first.push(i) - 1;
      ids[i] = id;
    }
    return { ids, count: first.length, first: Uint32Array.from(first) };
  }
  return sortedIds(values, rows, ids, present);
}

/** Ids through a stable sort: equal values form runs, renumbered by the position of each run's first element. */
function sortedIds(values: Float64Array, rows: Uint32Array, ids: Int32Array, present: number): ValueIds {
  const gathered = new Float64Array(present);
  const positions = new Uint32Array(present);
  for (let i = 0, j = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v !== v) continue;
    gathered[j] = v;
    positions[j++] = i;
  }
  const order = argsortFloat64(gathered, present);
  // run[k]: run number of the k-th smallest; runAt[j]: the run whose first element is gathered[j], else -1
  const run = new Int32Array(present);
  const runAt = new Int32Array(present).fill(-1);
  let runs = 0;
  for (let k = 0; k < present; k++) {
    if (k === 0 || gathered[order[k]] !== gathered[order[k - 1]]) runAt[order[k]] = runs++;
    run[k] = runs - 1;
  }
  const idOfRun = new Int32Array(runs);
  const first = new Uint32Array(runs);
  for (let j = 0, next = 0; j < present; j++) {
    const r = runAt[j];
    if (r < 0) continue;
    idOfRun[r] = next;
    first[next++] = positions[j];
  }
  for (let k = 0; k < present; k++) ids[positions[order[k]]] = idOfRun[run[k]];
  return { ids, count: runs, first };
}
