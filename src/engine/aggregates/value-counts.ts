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
  const { ids, count: distinct, first } = valueIds(column, rows);
  const counts = new Uint32Array(distinct);
  let missing = 0;
  let firstMissing = -1;
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] >= 0) counts[ids[i]]++;
    else if (missing++ === 0) firstMissing = i;
  }
  const order = sortedEntries(counts, first, dropna || missing === 0 ? -1 : firstMissing, missing);
  const total = dropna ? rows.length - missing : rows.length;
  const shown = limit === undefined ? order.length : Math.min(order.length, Math.max(0, limit));
  const entries: ValueCountEntry[] = [];
  for (let e = 0; e < shown; e++) {
    const entry = order[e];
    const count = entry < 0 ? missing : counts[entry];
    const value = entry < 0 ? null : valueAt(column, rows[first[entry]]);
    entries.push(normalize ? { value, count, proportion: count / total } : { value, count });
  }
  return { entries, total, distinct: order.length };
}

/**
 * Entry order: by count descending, ties in first-appearance order (ids are numbered that way; the missing
 * entry, -1, ranks by its first position `firstMissing`, or is absent when that is -1). A counting sort on the
 * counts: O(entries + largest count).
 */
function sortedEntries(counts: Uint32Array, first: Uint32Array, firstMissing: number, missing: number): Int32Array {
  const distinct = counts.length;
  // ids whose first appearance precedes the first missing row: the missing entry goes right after them
  let missingAt = -1;
  if (firstMissing >= 0) {
    let lo = 0;
    let hi = distinct;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (first[mid] < firstMissing) lo = mid + 1;
      else hi = mid;
    }
    missingAt = lo;
  }
  const size = distinct + (missingAt >= 0 ? 1 : 0);
  const entryAt = (e: number): number => (missingAt < 0 || e < missingAt ? e : e === missingAt ? -1 : e - 1);
  let most = missingAt >= 0 ? missing : 0;
  for (let id = 0; id < distinct; id++) if (counts[id] > most) most = counts[id];
  const bucketStart = new Uint32Array(most + 2);
  const countOf = (entry: number): number => (entry < 0 ? missing : counts[entry]);
  for (let e = 0; e < size; e++) bucketStart[most - countOf(entryAt(e)) + 1]++;
  for (let c = 0; c <= most; c++) bucketStart[c + 1] += bucketStart[c];
  const order = new Int32Array(size);
  for (let e = 0; e < size; e++) {
    const entry = entryAt(e);
    order[bucketStart[most - countOf(entry)]++] = entry;
  }
  return order;
}
