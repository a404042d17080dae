import type { Column } from "../../table/types";
import { I32_FIRST, I32_ID_OF, I32_IDS, scratchInt32 } from "../scratch";

/**
 * Distinct values of a column over selected rows, numbered in order of first appearance: pandas' hash tables
 * (`value_counts`, `nunique`, `mode`) key values the same way (equal values share a key, -0 equals 0, missing
 * values are no key), and first-appearance numbering is the tie order of `value_counts`.
 */
export interface ValueIds {
  /** Id of the value at each position of `rows`, -1 when missing. Scratch: valid until the next valueIds call. */
  ids: Int32Array;
  /** Number of distinct values: ids are 0..count-1. */
  count: number;
  /** Position (in `rows`) of each id's first appearance, ascending. */
  first: Uint32Array;
}

/** Integer ranges up to this size are marked in a dense array instead of being hashed. */
const DENSE_RANGE = 1 << 22;

/**
 * Numbers the distinct non-missing values of `column` over `rows` by first appearance, in O(n): string columns
 * by their dictionary codes (distinct strings have distinct codes); numbers with few decimals in a small range
 * (booleans, counts, years, ids, prices) through a dense array indexed by the scaled value; anything else
 * through an open-addressing hash table on the doubles' bits (as pandas' khash; -0 is normalised to 0 first).
 *
 * Scaled values: with s the smallest power of ten (up to 10⁶) such that every value is the double nearest to a
 * whole number of 1/s (round(v·s) / s === v), v -> round(v·s) is one-to-one on the values (two values with
 * the same image are both the double nearest to it), so a price column is counted like integers. A value
 * exact at s is exact at 10s, so s only grows while scanning.
 *
 * @example valueIds(column, rows) // values [5, 3, 5, 7] -> ids [0, 1, 0, 2], count 3, first [0, 1, 3]
 */
export function valueIds(column: Column, rows: Uint32Array): ValueIds {
  const n = rows.length;
  const ids = scratchInt32(I32_IDS, n);
  const first = scratchInt32(I32_FIRST, n);
  let count = 0;
  if (column.type === "string") {
    const codes = column.codes;
    const idOf = scratchInt32(I32_ID_OF, column.dictionary.length).fill(-1);
    for (let i = 0; i < n; i++) {
      const code = codes[rows[i]];
      if (code < 0) {
        ids[i] = -1;
        continue;
      }
      let id = idOf[code];
      if (id < 0) {
        id = idOf[code] = count;
        first[count++] = i;
      }
      ids[i] = id;
    }
    return { ids, count, first: new Uint32Array(first.subarray(0, count)) };
  }
  const values = column.values;
  // one pass: range, and the smallest power of ten s (<= 10⁶) with every value the double nearest to k/s
  let min = Infinity;
  let max = -Infinity;
  let scale = 1;
  for (let i = 0; i < n; i++) {
    const v = values[rows[i]];
    if (v !== v) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    while (scale !== 0 && Math.round(v * scale) / scale !== v) scale = scale >= 1e6 ? 0 : scale * 10;
  }
  if (max < min) return { ids: ids.fill(-1), count: 0, first: new Uint32Array(0) };
  const lowest = Math.round(min * scale);
  const range = Math.round(max * scale) - lowest + 1;
  if (scale === 0 || range > Math.min(DENSE_RANGE, 4 * n + 1024)) return hashedIds(values, rows, ids);
  const idOf = scratchInt32(I32_ID_OF, range).fill(-1);
  for (let i = 0; i < n; i++) {
    const v = values[rows[i]];
    if (v !== v) {
      ids[i] = -1;
      continue;
    }
    const slot = (Math.round(v * scale) - lowest) | 0;
    let id = idOf[slot];
    if (id < 0) {
      id = idOf[slot] = count;
      first[count++] = i;
    }
    ids[i] = id;
  }
  return { ids, count, first: new Uint32Array(first.subarray(0, count)) };
}

const word = new Float64Array(1);
const halves = new Uint32Array(word.buffer);

/** A well-mixed 32-bit hash of a double's 64 bits (murmur3's finaliser over both halves). */
function hashDouble(v: number): number {
  word[0] = v;
  let h = halves[0] ^ Math.imul(halves[1], 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Linear-probing table from value to id, doubled whenever it is half full; keys[id] is each id's value. */
function hashedIds(values: Float64Array, rows: Uint32Array, ids: Int32Array): ValueIds {
  let capacity = 1 << 10;
  let table: Int32Array = new Int32Array(capacity).fill(-1);
  let keys: Float64Array = new Float64Array(capacity >> 1);
  let first: Uint32Array = new Uint32Array(capacity >> 1);
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    let v = values[rows[i]];
    if (v !== v) {
      ids[i] = -1;
      continue;
    }
    if (v === 0) v = 0; // -0 and 0 are one value
    const mask = capacity - 1;
    let slot = hashDouble(v) & mask;
    for (;;) {
      const id = table[slot];
      if (id < 0) {
        table[slot] = count;
        keys[count] = v;
        first[count] = i;
        ids[i] = count++;
        break;
      }
      if (keys[id] === v) {
        ids[i] = id;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (count === capacity >> 1) {
      capacity <<= 1;
      table = rehash(keys, count, capacity);
      keys = grown(keys, capacity >> 1);
      first = grownUint32(first, capacity >> 1);
    }
  }
  return { ids, count, first: first.slice(0, count) };
}

function rehash(keys: Float64Array, count: number, capacity: number): Int32Array {
  const table = new Int32Array(capacity).fill(-1);
  const mask = capacity - 1;
  for (let id = 0; id < count; id++) {
    let slot = hashDouble(keys[id]) & mask;
    while (table[slot] >= 0) slot = (slot + 1) & mask;
    table[slot] = id;
  }
  return table;
}

function grown(array: Float64Array, length: number): Float64Array {
  const out = new Float64Array(length);
  out.set(array);
  return out;
}

function grownUint32(array: Uint32Array, length: number): Uint32Array {
  const out = new Uint32Array(length);
  out.set(array);
  return out;
}
