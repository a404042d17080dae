import type { Column, ColumnType, StringColumn, Table, ValueColumn } from "../table/types.js";

/**
 * The per-column summary stored with a dataset (API.md "Datasets"), computed once at upload. Semantics are
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
}

const TOP_LIMIT = 10;

/**
 * Profiles every column. Returned as a Map keyed by column name (in column order) so names like
 * `__proto__` stay data; use {@link profileToJson} to build the JSON object.
 *
 * - integer/float: `min`, `max`, `mean` (compensated sum / n), `std` (two-pass: sqrt(Σ(x-mean)²/(n-1)), as
 *   pandas' nanvar);
 * - datetime: `min`, `max` as ISO 8601 UTC strings;
 * - string/boolean: `top`, at most 10 `{value, count}`, by count descending then value ascending (code-unit
 *   order; false before true). pandas' `value_counts()` orders ties by an unstable sort of hash-table order,
 *   so this fixes a deterministic order for ties instead of copying an accident.
 *
 * @example
 * const profile = profileTable(parseCsv(new TextEncoder().encode("x\n1\n3\nNA\n")));
 * profile.get("x"); // { type: "integer", null_count: 1, distinct_count: 2, min: 1, max: 3, mean: 2, std: 1.4142135623730951 }
 */
export function profileTable(table: Table): Map<string, ColumnProfile> {
  const profile = new Map<string, ColumnProfile>();
  for (const column of table.columns) profile.set(column.name, profileColumn(column));
  return profile;
}

/**
 * A JSON-ready object for the HTTP layer: null prototype and own data properties, so a column named
 * `__proto__` is serialised like any other key instead of replacing the object's prototype.
 *
 * @example
 * JSON.stringify(profileToJson(new Map([["__proto__", p]]))); // '{"__proto__":{...}}'
 */
export function profileToJson(profile: Map<string, ColumnProfile>): Record<string, ColumnProfile> {
  const json: Record<string, ColumnProfile> = Object.create(null);
  for (const [name, columnProfile] of profile) {
    Object.defineProperty(json, name, { value: columnProfile, enumerable: true, writable: true, configurable: true });
  }
  return json;
}

function profileColumn(column: Column): ColumnProfile {
  if (column.type === "string") return profileStrings(column);
  if (column.type === "boolean") return profileBooleans(column);
  return profileValues(column);
}

function profileValues(column: ValueColumn): ColumnProfile {
  const { values } = column;
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) continue;
    count++;
    if (x < min) min = x;
    if (x > max) max = x;
    // Neumaier summation: the mean stays within an ulp or so of numpy's pairwise sum
    const t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  const base = { type: column.type, null_count: values.length - count, distinct_count: countDistinct(values, count, min, max) };
  if (column.type === "datetime") {
    return { ...base, min: count ? new Date(min).toISOString() : null, max: count ? new Date(max).toISOString() : null };
  }
  const mean = count ? (sum + compensation) / count : NaN;
  return { ...base, min: finiteOrNull(count ? min : NaN), max: finiteOrNull(count ? max : NaN), mean: finiteOrNull(mean), std: finiteOrNull(sampleStd(values, mean, count)) };
}

function sampleStd(values: Float64Array, mean: number, count: number): number {
  if (count < 2 || !Number.isFinite(mean)) return NaN;
  let squares = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) continue;
    const d = (x - mean) * (x - mean);
    const t = squares + d;
    compensation += squares >= d ? squares - t + d : d - t + squares;
    squares = t;
  }
  return Math.sqrt((squares + compensation) / (count - 1));
}

/**
 * nunique() over non-missing values. Integral values in a range not much wider than the count (ids,
 * amounts, codes) are counted with a byte map; anything else (floats, epoch-ms datetimes) goes through a hash set.
 */
function countDistinct(values: Float64Array, count: number, min: number, max: number): number {
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
  return countDistinctHashed(values, count);
}

const hashView = new Float64Array(1);
const hashWords = new Int32Array(hashView.buffer);

/** Open-addressing hash set over the values' bits: O(n), unlike a sort of a copy. */
function countDistinctHashed(values: Float64Array, count: number): number {
  let size = 1024;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  const keys = new Float64Array(size);
  const used = new Uint8Array(size);
  let distinct = 0;
  for (let i = 0; i < values.length; i++) {
    // +0 folds -0 into 0, as nunique() does
    const x = values[i] + 0;
    if (x !== x) continue;
    hashView[0] = x;
    let slot = Math.imul(hashWords[0] ^ Math.imul(hashWords[1], 0x9e3779b1), 0x85ebca6b) & mask;
    while (used[slot] === 1 && keys[slot] !== x) slot = (slot + 1) & mask;
    if (used[slot] === 0) {
      used[slot] = 1;
      keys[slot] = x;
      distinct++;
    }
  }
  return distinct;
}

function profileBooleans(column: ValueColumn): ColumnProfile {
  let trues = 0;
  let falses = 0;
  for (const x of column.values) {
    if (x === 1) trues++;
    else if (x === 0) falses++;
  }
  const top: Array<{ value: boolean; count: number }> = [];
  if (falses > 0) top.push({ value: false, count: falses });
  if (trues > 0) trues > falses ? top.unshift({ value: true, count: trues }) : top.push({ value: true, count: trues });
  const nullCount = column.values.length - trues - falses;
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
