import type { Column } from "../table/types";
import type { ScalarValue } from "./aggregate-op";
import { valueAt } from "./column-values";
import { valueIds } from "./kernels/value-ids";

export interface ValueCountsOptions {
  /** Proportions of the counted rows instead of counts only (pandas `normalize`). Default false. */
  normalize?: boolean;
  /** Leave missing values out (pandas `dropna`, default true); false counts them as one entry, value null. */
  dropna?: boolean;
  /** Keep only the first `limit` entries (after sorting; proportions stay shares of all counted rows). */
  limit?: number;
}

export interface ValueCountEntry {
  /** The value in the column's own kind (ISO string for datetimes); null for the missing-value entry. */
  value: ScalarValue | null;
  count: number;
  /** count / total, when `normalize`. */
  proportion?: number;
}

export interface ValueCounts {
  entries: ValueCountEntry[];
  /** Rows counted: the non-missing ones with dropna, all selected rows without. Proportions divide by it. */
  total: number;
  /** Entries before `limit`. */
  distinct: number;
}

/**
 * pandas `Series.value_counts(normalize, dropna)` over the selected rows, then `head(limit)`: one entry per
 * distinct value, by count descending; equal counts keep the order in which the values first appear in the
 * rows (a missing-value entry, with dropna false, sits where the first missing row is).
 *
 * Tie order: pandas 1.5 and 2.x number values by first appearance and then sort counts with numpy's unstable
 * quicksort, which keeps first-appearance order among ties for up to 16 distinct values and scrambles it
 * (deterministically, but by no stated rule) beyond; pandas 3 sorts stably (pandas-dev/pandas#63158), which is
 * this order. Proportions are of all counted rows, so a limit shows the largest shares of the whole.
 *
 * O(n + distinct + max count): value ids by first appearance ({@link valueIds}), then a counting sort by count.
 *
 * @example valueCounts(region, rows, { limit: 2 }) // { entries: [{ value: "east", count: 40 }, ...], total: 140, distinct: 4 }
 */
export function valueCounts(column: Column, rows: Uint32Array, options: ValueCountsOptions = {}): ValueCounts {
  const { normalize = false, dropna = true, limit } = options;
  const { ids, count: distinctPresent, first } = valueIds(column, rows);
  const counts = new Uint32Array(distinctPresent);
  let firstMissing = -1;
  let missing = 0;
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] >= 0) counts[ids[i]]++;
    else if (missing++ === 0) firstMissing = i;
  }
  // Entries in first-appearance order: the ids, with the missing entry (index -1) slotted in at its place.
  const order: number[] = [];
  let missingPlaced = dropna || missing === 0;
  for (let id = 0; id < distinctPresent; id++) {
    if (!missingPlaced && first[id] > firstMissing) {
      order.push(-1);
      missingPlaced = true;
    }
    order.push(id);
  }
  if (!missingPlaced) order.push(-1);
  const countOf = (entry: number) => (entry < 0 ? missing : counts[entry]);
  const sorted = stableByCountDescending(order, countOf);
  const total = dropna ? rows.length - missing : rows.length;
  const shown = limit === undefined ? sorted : sorted.slice(0, Math.max(0, limit));
  const entries = shown.map((entry): ValueCountEntry => {
    const count = countOf(entry);
    const value = entry < 0 ? null : valueAt(column, rows[first[entry]]);
    return normalize ? { value, count, proportion: count / total } : { value, count };
  });
  return { entries, total, distinct: sorted.length };
}

/** Counting sort by count, largest first, keeping the input order among equal counts. */
function stableByCountDescending(entries: number[], countOf: (entry: number) => number): number[] {
  let most = 0;
  for (const entry of entries) most = Math.max(most, countOf(entry));
  const start = new Uint32Array(most + 2);
  for (const entry of entries) start[most - countOf(entry) + 1]++;
  for (let c = 0; c <= most; c++) start[c + 1] += start[c];
  const out: number[] = new Array(entries.length);
  for (const entry of entries) out[start[most - countOf(entry)]++] = entry;
  return out;
}
