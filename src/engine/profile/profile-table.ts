import { NeumaierSum } from "../stats/neumaier-sum.js";
import type { Column, ColumnType, StringColumn, Table, ValueColumn } from "../table/types.js";
import { equalWidthHistogram, type Histogram } from "./equal-width-histogram.js";

/**
 * The per-column summary stored with a dataset (docs/api.md "Datasets"), computed once at upload. Semantics are
 * pandas': counts exclude missing values, `distinct_count` is `nunique()`, `std` is the sample standard
 * deviation (ddof=1). A statistic that is undefined or not finite (no values, one value for std, an inf in
 * the column) is `null`, because JSON has no NaN/Infinity.
 */
export interface ColumnProfile {
  type: ColumnType;
  null_count: number;
  distinct_count: number;
  min?: number | string | null;
  max?: number | string | null;
  mean?: number | null;
  std?: number | null;
  top?: Array<{ value: string | boolean; count: number }>;
  histogram?: Histogram | null;
}

const TOP_LIMIT = 10;
/** Bins of a profile histogram: enough to show a shape in a thumbnail. */
export const HISTOGRAM_BINS = 20;

/**
 * Profiles every column. Returned as a Map keyed by column name (in column order) so names like
 * `__proto__` stay data; `jsonRecord` (json-record.ts) builds the JSON object.
 *
 * - integer/float: `min`, `max`, `mean` (compensated sum / n), `std` (two-pass: sqrt(Σ(x-mean)²/(n-1)), as
 *   pandas' nanvar);
 * - datetime: `min`, `max` as ISO 8601 UTC strings;
 * - integer/float/datetime: `histogram`, numpy.histogram of the finite values with min(20, distinct finite
 *   values) equal-width bins ({@link equalWidthHistogram}; datetimes in milliseconds since the epoch), null
 *   when there is none;
 * - string/boolean: `top`, at most 10 `{value, count}`, by count descending then value ascending (code-unit
 *   order; false before true). pandas' `value_counts()` orders ties by an unstable sort of hash-table order,
 *   so this fixes a deterministic order for ties instead of copying an accident.
 *
 * @example
 * const profile = profileTable(parseCsv(new TextEncoder().encode("x\n1\n3\nNA\n")));
 * profile.get("x");
 * // { type: "integer", null_count: 1, distinct_count: 2, min: 1, max: 3, mean: 2, std: 1.4142135623730951,
 * //   histogram: { edges: [1, 2, 3], counts: [1, 1] } }
 */
export function profileTable(table: Table): Map<string, ColumnProfile> {
  const profile = new Map<string, ColumnProfile>();
  const scratch: HashScratch = { slots: null };
  for (const column of table.columns) profile.set(column.name, profileColumn(column, scratch));
  return profile;
}

function profileColumn(column: Column, scratch: HashScratch): ColumnProfile {
  if (column.type === "string") return profileStrings(column);
  if (column.type === "boolean") return profileBooleans(column);
  return profileValues(column, scratch);
}

function profileValues(column: ValueColumn, scratch: HashScratch): ColumnProfile {
  const { values } = column;
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  // compensated, so the mean stays within an ulp or so of numpy's pairwise sum
  const sum = new NeumaierSum();
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) continue;
    count++;
    if (x < min) min = x;
    if (x > max) max = x;
    sum.add(x);
  }
  const base = { type: column.type, null_count: values.length - count, distinct_count: countDistinct(values, count, min, max, scratch) };
  const finiteDistinct = base.distinct_count - (max === Infinity ? 1 : 0) - (min === -Infinity ? 1 : 0);
  const histogram = equalWidthHistogram(values, Math.min(HISTOGRAM_BINS, finiteDistinct));
  if (column.type === "datetime") {
    return { ...base, min: count ? new Date(min).toISOString() : null, max: count ? new Date(max).toISOString() : null, histogram };
  }
  const mean = count ? sum.value() / count : NaN;
  return {
    ...base,
    min: finiteOrNull(count ? min : NaN),
    max: finiteOrNull(count ? max : NaN),
    mean: finiteOrNull(mean),
    std: finiteOrNull(sampleStd(values, mean, count)),
    histogram,
  };
}

function sampleStd(values: Float64Array, mean: number, count: number): number {
  if (count < 2 || !Number.isFinite(mean)) return NaN;
  const squares = new NeumaierSum();
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) continue;
    squares.add((x - mean) * (x - mean));
  }
  return Math.sqrt(squares.value() / (count - 1));
}

/**
 * nunique() over non-missing values. Integral values in a range not much wider than the count (ids,
 * amounts, codes) are counted with a byte map; anything else (floats, epoch-ms datetimes) goes through a hash set.
 */
function countDistinct(values: Float64Array, count: number, min: number, max: number, scratch: HashScratch): number {
  if (count === 0) return 0;
  const span = max - min;
  if (span < 4 * count + 1024 && Number.isInteger(min) && Number.isInteger(max)) {
    const seen = new Uint8Array(span + 1);
    let distinct = 0;
    let integral = true;
    for (let i = 0; i < values.length; i++) {
      const x = values[i];
      if (x !== x) continue;
      const k = x - min;
      if (!Number.isInteger(k)) {
        integral = false;
        break;
      }
      if (seen[k] === 0) {
        seen[k] = 1;
        distinct++;
      }
    }
    if (integral) return distinct;
  }
  return countDistinctHashed(values, count, scratch);
}

const hashView = new Float64Array(1);
const hashWords = new Int32Array(hashView.buffer);

/**
 * One hash table for every column of a profileTable call. A table per hashed column (floats, datetimes),
 * with a key array, was 4.5 MB each for the 145k-row bench file: 18 MB of garbage for its four such columns,
 * now one 2 MB table.
 */
interface HashScratch {
  slots: Int32Array | null;
}

/**
 * Open-addressing hash set over the values' bits: O(n), unlike a sort of a copy. A slot holds the row index
 * + 1 of the value's first occurrence (0 = free), so the table is 4 bytes a slot and needs no key array.
 */
function countDistinctHashed(values: Float64Array, count: number, scratch: HashScratch): number {
  let size = 1024;
  while (size < count * 2) size *= 2;
  let slots = scratch.slots;
  if (slots === null || slots.length < size) slots = scratch.slots = new Int32Array(size);
  else slots = slots.subarray(0, size).fill(0);
  const mask = size - 1;
  let distinct = 0;
  for (let i = 0; i < values.length; i++) {
    // +0 folds -0 into 0, as nunique() does
    const x = values[i] + 0;
    if (x !== x) continue;
    hashView[0] = x;
    const h = Math.imul(hashWords[0] ^ Math.imul(hashWords[1], 0x9e3779b1), 0x85ebca6b);
    // fold the well-mixed high bits into the masked low ones: without it the bench file's float columns
    // averaged 2-5 extra probes per value, with it under 0.05
    let slot = (h ^ (h >>> 15)) & mask;
    while (slots[slot] !== 0 && values[slots[slot] - 1] + 0 !== x) slot = (slot + 1) & mask;
    if (slots[slot] === 0) {
      slots[slot] = i + 1;
      distinct++;
    }
  }
  return distinct;
}

function profileBooleans(column: ValueColumn): ColumnProfile {
  let trues = 0;
  let falses = 0;
  const { values } = column;
  // an indexed loop: `for...of` over a typed array left ~8 MB of iterator results per 145k rows
  for (let i = 0; i < values.length; i++) {
    if (values[i] === 1) trues++;
    else if (values[i] === 0) falses++;
  }
  const top: Array<{ value: boolean; count: number }> = [];
  if (falses > 0) top.push({ value: false, count: falses });
  if (trues > 0) trues > falses ? top.unshift({ value: true, count: trues }) : top.push({ value: true, count: trues });
  const nullCount = values.length - trues - falses;
  return { type: "boolean", null_count: nullCount, distinct_count: top.length, top };
}

function profileStrings(column: StringColumn): ColumnProfile {
  const { codes, dictionary } = column;
  const counts = new Int32Array(dictionary.length);
  let nullCount = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code < 0) nullCount++;
    else counts[code]++;
  }
  let distinct = 0;
  // keep the best TOP_LIMIT codes in an insertion-sorted list: O(n * 10) instead of sorting the dictionary
  const best: number[] = [];
  const before = (a: number, b: number) => counts[a] > counts[b] || (counts[a] === counts[b] && dictionary[a] < dictionary[b]);
  for (let code = 0; code < counts.length; code++) {
    if (counts[code] === 0) continue;
    distinct++;
    if (best.length === TOP_LIMIT && !before(code, best[TOP_LIMIT - 1])) continue;
    let at = best.length === TOP_LIMIT ? TOP_LIMIT - 1 : best.length;
    while (at > 0 && before(code, best[at - 1])) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = code;
  }
  return {
    type: "string",
    null_count: nullCount,
    distinct_count: distinct,
    top: best.map((code) => ({ value: dictionary[code], count: counts[code] })),
  };
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
